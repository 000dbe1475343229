/**
 * Environment that keeps development private: Astro sends no usage data (telemetry, on by default) and does
 * not ask the npm registry for a newer version on `astro dev`. Set for every Astro process the project starts
 * (scripts/astro.mjs, scripts/start.mjs, astro.config.mjs for a bare `npx astro …`, the tests, .ci/run).
 * tests/e2e/outbound-connections.test.ts proves that `npm run build` and `npm start` connect to nothing
 * beyond 127.0.0.1.
 */
export const PRIVATE_ENV = Object.freeze({ ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true' });
