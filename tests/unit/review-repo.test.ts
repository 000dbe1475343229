/**
 * The review clone (`npm run start:review`, scripts/lib/review-repo.mjs): made from the project's
 * commit, never from its working tree, so uncommitted files stay out of every CMS commit; kept with
 * its drafts on the next start.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareReviewRepo } from '../../scripts/lib/review-repo.mjs';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function project(): string {
  dir = mkdtempSync(join(tmpdir(), 'shk-review-repo-'));
  const source = join(dir, 'project');
  execFileSync('git', ['init', '--quiet', '--initial-branch', 'werk', source]);
  writeFileSync(join(source, 'page.mdx'), 'committed\n');
  git(source, 'add', '.');
  git(source, '-c', 'user.email=t@localhost', '-c', 'user.name=T', 'commit', '--quiet', '-m', 'start');
  // The user's unfinished work: a changed file and a new one, neither committed.
  writeFileSync(join(source, 'page.mdx'), 'half-edited\n');
  writeFileSync(join(source, 'secret-notes.txt'), 'not for the CMS\n');
  return source;
}

describe('review clone', () => {
  it("starts on a branch main at the project's commit, without the uncommitted files", () => {
    const source = project();
    const clone = join(dir, 'review');
    const result = prepareReviewRepo(source, clone);
    expect(result.created).toBe(true);
    expect(result.main).toBe(git(source, 'rev-parse', 'HEAD'));
    expect(git(clone, 'branch', '--show-current')).toBe('main');
    expect(readFileSync(join(clone, 'page.mdx'), 'utf8')).toBe('committed\n');
    expect(existsSync(join(clone, 'secret-notes.txt'))).toBe(false);
    expect(git(clone, 'status', '--porcelain')).toBe('');
    // decap-server can commit there: the clone has an author.
    expect(git(clone, 'config', 'user.email')).not.toBe('');
  });

  it('is kept with its drafts on the next start', () => {
    const source = project();
    const clone = join(dir, 'review');
    prepareReviewRepo(source, clone);
    git(clone, 'branch', 'cms/practices/concept');
    expect(prepareReviewRepo(source, clone).created).toBe(false);
    expect(git(clone, 'branch', '--list', 'cms/*')).toContain('cms/practices/concept');
  });
});
