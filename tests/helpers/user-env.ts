/**
 * The environment a user's shell would give a command: without vitest's NODE_ENV=test and VITEST_*
 * variables, which would make Astro build or serve in a test mode (import.meta.env.DEV is true then).
 * With Astro's telemetry and update check off (scripts/lib/private-env.mjs), as the npm scripts set them,
 * also for a test that starts Astro directly; tests/e2e/outbound-connections.test.ts takes them out again
 * to prove the npm scripts set them on their own.
 */
import { PRIVATE_ENV } from '../../scripts/lib/private-env.mjs';

export function userEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && k !== 'TEST' && !k.startsWith('VITEST')),
  );
  return { ...env, ...PRIVATE_ENV };
}
