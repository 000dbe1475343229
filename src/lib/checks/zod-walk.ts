/**
 * Schema walking lives in src/schema/zod-walk.ts (one reading of zod for the checks and the CMS);
 * this module only re-exports it, so that existing imports (tests/unit/content-checks.test.ts) keep working.
 */
export * from '../../schema/zod-walk.ts';
