/**
 * The peer sites of ../shared/perf-peers (see its README): a bare Astro 7 + MDX site and an Eleventy site that build
 * the same generated articles, so the project's build cost can be given as a ratio measured in the same run.
 * The folder is copied to a temporary folder kept across runs (PERF_PEERS_CACHE), where each peer's `npm ci` runs
 * once (again only when its lockfile changes) and each corpus size is generated once.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, type Measured } from './measure.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const source = resolve(process.env.PERF_PEERS ?? join(root, '../shared/perf-peers'));
const cache = resolve(process.env.PERF_PEERS_CACHE ?? join(tmpdir(), 'samen-hier-perf-peers'));

export interface PeerBuild extends Measured {
  name: 'astro-minimal' | 'eleventy';
  pages: number;
  index: Measured;
}

/** Copies the peers (once) and installs each one's dependencies (once per lockfile). */
export function preparePeers(): string | undefined {
  if (!existsSync(source)) {
    console.log(`(no peer sites: ${source} does not exist; set PERF_PEERS)`);
    return undefined;
  }
  for (const name of ['astro-minimal', 'eleventy']) {
    const from = join(source, name);
    const to = join(cache, name);
    const lock = readFileSync(join(from, 'package-lock.json'), 'utf8');
    const stamp = join(to, 'node_modules', '.installed-lock');
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) continue;
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
    console.log(`peer ${name}: npm ci in ${to}`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: to, stdio: 'ignore' });
    writeFileSync(stamp, lock);
  }
  cpSync(join(source, 'gen-corpus.mjs'), join(cache, 'gen-corpus.mjs'));
  return cache;
}

/** The peers' corpus of `count` articles (generated once per size). */
export function peerCorpus(dir: string, count: number): string {
  const out = join(dir, 'corpus', `n${count}`);
  if (!existsSync(out))
    execFileSync(process.execPath, [join(dir, 'gen-corpus.mjs'), '--n', String(count), '--out', out], {
      cwd: dir,
      stdio: 'ignore',
    });
  return out;
}

/**
 * How the bare Astro peer builds `count` articles, as its README says: Astro's own CLI in its folder, the corpus
 * from CORPUS. Its previous output is removed first.
 */
export function astroPeerBuild(dir: string, count: number) {
  const articles = peerCorpus(dir, count);
  const cwd = join(dir, 'astro-minimal');
  rmSync(join(cwd, 'dist'), { recursive: true, force: true });
  return { cwd, astro: 'node_modules/astro/bin/astro.mjs', env: { CORPUS: articles }, articles };
}

/** Builds and indexes both peers over `count` articles. */
export async function buildPeers(dir: string, count: number): Promise<PeerBuild[]> {
  const pagefind = join(root, 'node_modules/.bin/pagefind');
  const peer = astroPeerBuild(dir, count);
  const astroDir = peer.cwd;
  const astro = await measure(process.execPath, [peer.astro, 'build'], { cwd: astroDir, env: peer.env });
  const astroIndex = await measure(pagefind, ['--site', 'dist'], { cwd: astroDir });
  const elevDir = join(dir, 'eleventy');
  rmSync(join(elevDir, '_site'), { recursive: true, force: true });
  const eleventy = await measure(process.execPath, ['node_modules/@11ty/eleventy/cmd.cjs'], {
    cwd: elevDir,
    env: { CORPUS: peer.articles },
  });
  const elevIndex = await measure(pagefind, ['--site', '_site'], { cwd: elevDir });
  return [
    {
      name: 'astro-minimal',
      ...astro,
      pages: Number(/(\d+) page\(s\) built/.exec(astro.output)?.[1] ?? NaN),
      index: astroIndex,
    },
    {
      name: 'eleventy',
      ...eleventy,
      pages: Number(/Wrote (\d+) files/.exec(eleventy.output)?.[1] ?? NaN),
      index: elevIndex,
    },
  ];
}
