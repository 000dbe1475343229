/**
 * `npm run compare-dist`: the output-equality guard for changes that should not change the site. It builds the
 * starter site (fixed BUILD_DATE, as the tests build it) into a temporary folder and compares every file of it
 * byte for byte with a saved baseline build, listing files added, removed and changed (with the first
 * differing line of a text file). Exit code 1 when anything differs.
 *
 *   npm run compare-dist -- --save /tmp/dist-baseline     build and keep the result as the baseline
 *   npm run compare-dist -- --baseline /tmp/dist-baseline  build and compare against it
 *   npm run compare-dist -- --baseline A --dist B          compare two existing builds (no build)
 *   npm run compare-dist -- --baseline A --keep            keep the new build (its folder is printed)
 *
 * Make the baseline from the commit before a structural change (e.g. `git stash`, or a worktree of main).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
/** The same date as the test build (tests/helpers/build-site.ts), so upcoming and past events agree. */
const BUILD_DATE = '2026-11-29';

export interface DistDifference {
  path: string;
  /** `renamed`: a hashed asset (_astro/name.HASH.js) whose content, and so its hash, changed; `detail` names the new file. */
  kind: 'added' | 'removed' | 'changed' | 'renamed';
  /** For a changed text file: the first differing line in both builds. */
  detail?: string;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

const textFile = /\.(html|xml|ics|txt|css|js|mjs|json|svg|webmanifest)$|_headers$/;

function firstDifference(a: Buffer, b: Buffer): string {
  const left = a.toString('utf8').split('\n');
  const right = b.toString('utf8').split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] === right[i]) continue;
    // Long minified lines: show where they part, not the whole line.
    const l = left[i] ?? '';
    const r = right[i] ?? '';
    let at = 0;
    while (at < l.length && l[at] === r[at]) at++;
    const clip = (s: string) => JSON.stringify(s.slice(Math.max(0, at - 60), at + 100));
    return `line ${i + 1}, column ${at + 1}: baseline ${clip(l)} / now ${clip(r)}`;
  }
  return 'same text, different bytes';
}

/** "_astro/search-client.BbtSLo6e.js" -> "_astro/search-client.js": a bundled asset without its content hash. */
const unhashed = (path: string) => path.replace(/^(_astro\/.+)\.[\w-]{8}(\.\w+)$/, '$1$2');

/**
 * Every difference between two built sites, sorted by path. A hashed asset whose content changed is listed once as
 * `renamed`, and references to it are compared under its new name, so the pages that only link to it do not differ.
 */
export function compareDists(baseline: string, dist: string): DistDifference[] {
  const before = new Set(filesUnder(baseline).map((p) => relative(baseline, p)));
  const after = new Set(filesUnder(dist).map((p) => relative(dist, p)));
  const out: DistDifference[] = [];
  const renames = new Map<string, string>();
  const added = new Map([...after].filter((p) => !before.has(p)).map((p) => [unhashed(p), p]));
  for (const path of before) {
    if (after.has(path)) continue;
    const renamed = path !== unhashed(path) ? added.get(unhashed(path)) : undefined;
    if (renamed) {
      renames.set(path, renamed);
      out.push({ path, kind: 'renamed', detail: `now ${renamed}` });
    } else out.push({ path, kind: 'removed' });
  }
  const newNames = new Set(renames.values());
  const rename = (text: Buffer) => {
    let s = text.toString('utf8');
    for (const [from, to] of renames) s = s.replaceAll(`/${from}`, `/${to}`);
    return Buffer.from(s);
  };
  for (const path of after) {
    if (!before.has(path)) {
      if (!newNames.has(path)) out.push({ path, kind: 'added' });
      continue;
    }
    const b = readFileSync(join(dist, path));
    let a = readFileSync(join(baseline, path));
    if (a.equals(b)) continue;
    if (textFile.test(path) && renames.size) a = rename(a);
    if (a.equals(b)) continue;
    out.push({ path, kind: 'changed', ...(textFile.test(path) && { detail: firstDifference(a, b) }) });
  }
  return out.sort((x, y) => x.path.localeCompare(y.path));
}

/** Builds the starter site into `outDir` (the content check and `astro build`, as `npm run build`). */
export function buildStarterSite(outDir: string): void {
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ASTRO_OUT_DIR: outDir, BUILD_DATE, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}

export function formatDifferences(differences: readonly DistDifference[]): string {
  if (differences.length === 0) return 'dist/ is byte for byte the same as the baseline.';
  return [
    `${differences.length} file(s) differ from the baseline:`,
    ...differences.map((d) => `  ${d.kind.padEnd(7)} ${d.path}${d.detail ? `\n          ${d.detail}` : ''}`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      baseline: { type: 'string' },
      save: { type: 'string' },
      dist: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  if (values.save) {
    rmSync(values.save, { recursive: true, force: true });
    buildStarterSite(values.save);
    console.log(`Baseline saved in ${values.save}`);
  } else {
    if (!values.baseline) throw new Error('Give --baseline DIR (a build saved with --save DIR) or --save DIR');
    const dist = values.dist ?? mkdtempSync(join(tmpdir(), 'compare-dist-'));
    if (!values.dist) buildStarterSite(dist);
    const differences = compareDists(values.baseline, dist);
    console.log(formatDifferences(differences));
    if (values.keep) console.log(`The new build is in ${dist}`);
    else if (!values.dist) rmSync(dist, { recursive: true, force: true });
    process.exitCode = differences.length ? 1 : 0;
  }
}
