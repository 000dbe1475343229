/**
 * The environment a user's shell would give a command: without vitest's NODE_ENV=test and VITEST_*
 * variables, which would make Astro build or serve in a test mode (import.meta.env.DEV is true then).
 */
export function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && k !== 'TEST' && !k.startsWith('VITEST')));
}
