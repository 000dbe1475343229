/**
 * The code is formatted with Prettier (.prettierrc.json, width 120; what it leaves alone and why is in
 * .prettierignore). `npm run format` fixes what this test finds.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../helpers/paths.ts';

describe('formatting', () => {
  it('every file Prettier covers is formatted (npm run format fixes it)', () => {
    const run = spawnSync(
      process.execPath,
      [join(projectRoot, 'node_modules/prettier/bin/prettier.cjs'), '--list-different', '.'],
      {
        cwd: projectRoot,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').filter(Boolean), 'files not formatted; run npm run format').toEqual([]);
    expect(run.status).toBe(0);
  }, 60_000);
});
