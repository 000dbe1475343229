/**
 * Vitest global setup for the `site` project: build the real site once into .tmp/test-site.
 * REUSE_TEST_BUILD=1 skips the build when one exists (handy while writing tests; CI never sets it).
 * The build date is fixed (BUILD_DATE), so which events are upcoming or past does not depend on the day
 * the tests run. A build reused with REUSE_TEST_BUILD must have been made with the same BUILD_DATE.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, testDist } from './paths.ts';
import { userEnv } from './user-env.ts';

/** The date the test site is built for (env BUILD_DATE, see src/lib/time/schedule.ts). */
export const TEST_BUILD_DATE = '2026-11-29';

export default function setup() {
  if (process.env.REUSE_TEST_BUILD === '1' && existsSync(join(testDist, 'index.html'))) return;
  execFileSync('npm', ['run', 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
    // The same build as `npm run build` from a shell (not a test-mode build).
    env: { ...userEnv(), ASTRO_OUT_DIR: testDist, BUILD_DATE: TEST_BUILD_DATE },
  });
}
