/**
 * Vitest global setup for the `site` project: build the real site once into .tmp/test-site.
 * REUSE_TEST_BUILD=1 skips the build when one exists (handy while writing tests; CI never sets it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, testDist } from './paths.ts';

export default function setup() {
  if (process.env.REUSE_TEST_BUILD === '1' && existsSync(join(testDist, 'index.html'))) return;
  execFileSync('npm', ['run', 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_OUT_DIR: testDist },
  });
}
