/**
 * The clone the review workflow works in (`npm run start:review`): decap-server's git mode keeps
 * drafts on cms/… branches and commits with `git add .`, so it gets a clone of its own and never the
 * user's working tree (uncommitted files there stay out of every CMS commit). The clone starts from
 * the project's current commit on a branch `main` (the branch the CMS publishes to); an existing
 * clone is kept as it is, with its drafts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const git = (cwd, ...args) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/**
 * Makes (or reuses) the review clone of `source` in `dir` and returns its `main` commit.
 * @param {string} source the project folder (a git repository)
 * @param {string} dir where the clone lives
 * @returns {{ created: boolean, main: string }}
 */
export function prepareReviewRepo(source, dir) {
  let created = false;
  if (!existsSync(dir)) {
    const head = git(source, 'rev-parse', 'HEAD');
    // --no-local: a real copy of the objects, no hard links into the project's .git.
    git(source, 'clone', '--quiet', '--no-local', '--no-checkout', source, dir);
    git(dir, 'checkout', '--quiet', '-B', 'main', head);
    created = true;
  }
  // decap-server commits in the clone: give it an author when git has none configured.
  if (!gitConfig(dir, 'user.email')) git(dir, 'config', 'user.email', 'cms@localhost');
  if (!gitConfig(dir, 'user.name')) git(dir, 'config', 'user.name', 'CMS (lokaal)');
  return { created, main: git(dir, 'rev-parse', 'main') };
}

function gitConfig(dir, key) {
  try {
    return git(dir, 'config', key);
  } catch {
    return '';
  }
}
