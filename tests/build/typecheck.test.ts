/** TypeScript strict over the whole project (astro check covers .astro, .ts and content types). */
import { it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { projectRoot } from '../helpers/paths.ts';
import { PRIVATE_ENV } from '../../scripts/lib/private-env.mjs';

it('passes astro check with 0 errors', () => {
  const run = spawnSync('npx', ['astro', 'check'], {
    cwd: projectRoot,
    env: { ...process.env, ...PRIVATE_ENV },
    encoding: 'utf8',
    timeout: 240_000,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  expect(output, output.slice(-3000)).toMatch(/- 0 errors/);
  expect(run.status, output.slice(-3000)).toBe(0);
}, 300_000);
