/**
 * Where a build's main-thread time goes, by whose code ran, side by side with the bare Astro peer over as many
 * articles (`npm run bench -- --profile`, or alone):
 *
 *   node scripts/bench/profile-build.ts [--count 1000] [--keep]
 *
 * Builds the project over a generated corpus and the bare Astro peer (scripts/bench/peers.ts) under `node --cpu-prof`,
 * with source maps on (a config file that extends each site's own, under node_modules/.cache/) and Astro's prerender
 * chunks kept (scripts/bench/keep-prerender.mjs), then charges every sample to an owner (scripts/bench/cpu-profile.ts)
 * and prints ms per page for each site and the difference. The profiler and the source maps slow both builds, so the
 * absolute figures are higher than the bench's; the split is what this is for. CPU outside the main thread (Rolldown's
 * threads, zlib and file writes in libuv's pool) is the process CPU minus the main thread's busy time.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../corpus.ts';
import { BundleSources, OWNERS, timeByOwner, type CpuProfile, type Owner } from './cpu-profile.ts';
import { measure } from './measure.ts';
import { peerCorpus, preparePeers } from './peers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const keepPrerender = fileURLToPath(new URL('./keep-prerender.mjs', import.meta.url));

export interface BuildProfile {
  name: string;
  pages: number;
  /** Process CPU seconds (user + system, all threads). */
  cpu: number;
  byOwner: Map<Owner, number>;
  items: Map<Owner, Map<string, number>>;
  /** Main thread, ms, idle included. */
  total: number;
}

/** A config file inside `siteRoot` (Astro resolves --config from the root) that is the site's own with source maps. */
function sourceMapConfig(siteRoot: string): string {
  const dir = join(siteRoot, 'node_modules/.cache/profile-build');
  mkdirSync(dir, { recursive: true });
  const own = pathToFileURL(join(siteRoot, 'astro.config.mjs')).href;
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import config from ${JSON.stringify(own)};\n` +
      'export default { ...config, vite: { ...config.vite, build: { ...config.vite?.build, sourcemap: true } } };\n',
  );
  return 'node_modules/.cache/profile-build/astro.config.mjs';
}

/** Builds one site under the profiler and splits its main thread's time by owner. */
async function profiledBuild(options: {
  name: string;
  cwd: string;
  astro: string;
  env: Record<string, string>;
  content: string[];
  work: string;
}): Promise<BuildProfile> {
  const profiles = join(options.work, `cpu-${options.name}`);
  const config = sourceMapConfig(options.cwd);
  const build = await measure(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--import', keepPrerender, options.astro, 'build', '--config', config],
    { cwd: options.cwd, env: options.env },
  );
  const pages = Number(/(\d+) page\(s\) built/.exec(build.output)?.[1] ?? NaN);
  // One file per thread; the main thread's is the longest-running and largest.
  const [main] = readdirSync(profiles)
    .map((f) => join(profiles, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  const profile = JSON.parse(readFileSync(main!, 'utf8')) as CpuProfile;
  // keep-prerender.mjs moved Astro's prerender folder (where the profile's URLs point) beside itself.
  const prerender = profile.nodes.map((n) => /^file:\/\/(.*\/\.prerender)\//.exec(n.callFrame.url)?.[1]).find(Boolean);
  const bundles = new BundleSources(prerender ? new Map([[prerender, `${prerender}-kept`]]) : new Map());
  const { byOwner, total, items } = timeByOwner(profile, { root: options.cwd, content: options.content, bundles });
  if (prerender) rmSync(`${prerender}-kept`, { recursive: true, force: true });
  return { name: options.name, pages, cpu: build.cpu, byOwner, items, total };
}

/** The project's and the bare Astro peer's profiled builds over `count` entries / articles. */
export async function profileBuilds(count: number, work: string): Promise<BuildProfile[]> {
  generateCorpus({ out: work, count, seed: 1 });
  const site = await profiledBuild({
    name: 'site',
    cwd: root,
    astro: 'scripts/astro.mjs',
    env: {
      CONTENT_DIR: join(work, 'content'),
      ASTRO_OUT_DIR: join(work, 'dist'),
      ASTRO_CACHE_DIR: join(work, 'cache'),
      SEARCH_INDEX: 'off',
    },
    content: [join(work, 'content')],
    work,
  });
  const peers = preparePeers();
  if (!peers) return [site];
  const articles = peerCorpus(peers, count);
  const peerDir = join(peers, 'astro-minimal');
  rmSync(join(peerDir, 'dist'), { recursive: true, force: true });
  const peer = await profiledBuild({
    name: 'bare Astro',
    cwd: peerDir,
    astro: 'node_modules/astro/bin/astro.mjs',
    env: { CORPUS: articles },
    content: [articles],
    work,
  });
  return [site, peer];
}

/** The table: ms per page by owner for each build, and the project's minus the peer's. */
export function profileReport([site, peer]: BuildProfile[]): string {
  const perPage = (p: BuildProfile, owner: Owner) => p.byOwner.get(owner)! / p.pages;
  const busy = (p: BuildProfile) => p.total - p.byOwner.get('idle: main thread waiting (bundler threads, I/O)')!;
  const cells = (p: BuildProfile | undefined, value: (p: BuildProfile) => number) => (p ? value(p).toFixed(2) : '–');
  const difference = (value: (p: BuildProfile) => number) => (peer ? (value(site!) - value(peer)).toFixed(2) : '–');
  const rows: [string, (p: BuildProfile) => number][] = [
    ...OWNERS.map((owner): [string, (p: BuildProfile) => number] => [owner, (p) => perPage(p, owner)]),
    ['main thread in all (idle included)', (p) => p.total / p.pages],
    ['main thread busy (idle left out)', (p) => busy(p) / p.pages],
    ['other threads (process CPU − main thread busy)', (p) => (p.cpu * 1000 - busy(p)) / p.pages],
  ];
  // The four items each owner spent most in, ms per page (the GC, V8 and idle rows are one item each: left out).
  const top = (p: BuildProfile) =>
    OWNERS.filter((o) => p.items.get(o)!.size > 1).map(
      (owner) =>
        `  ${owner}: ${[...p.items.get(owner)!]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([item, ms]) => `${item} ${(ms / p.pages).toFixed(2)}`)
          .join(', ')}`,
    );
  return [
    `| ms per page, under the profiler | site (${site!.pages} pages) | bare Astro (${peer?.pages ?? '–'} pages) | difference |`,
    '| --- | --- | --- | --- |',
    ...rows.map(
      ([label, value]) => `| ${label} | ${cells(site, value)} | ${cells(peer, value)} | ${difference(value)} |`,
    ),
    ...[site, peer].flatMap((p) => (p ? [`\nwhere the main thread went, ${p.name} (ms per page):`, ...top(p)] : [])),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '1000' }, keep: { type: 'boolean', default: false } },
  });
  const work = mkdtempSync(join(tmpdir(), 'profile-build-'));
  console.log(profileReport(await profileBuilds(Number(values.count), work)));
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
