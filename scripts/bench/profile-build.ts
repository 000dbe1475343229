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
 * threads, zlib and file writes in libuv's pool) is the process CPU minus the main thread's own (keep-prerender.mjs
 * records it at exit).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../corpus.ts';
import { BundleSources, OWNERS, timeByOwner, type CpuProfile, type Owner } from './cpu-profile.ts';
import { corpusBuildEnv, measure } from './measure.ts';
import { astroPeerBuild, preparePeers } from './peers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const keepPrerender = fileURLToPath(new URL('./keep-prerender.mjs', import.meta.url));

export interface BuildProfile {
  name: string;
  pages: number;
  /** Process CPU seconds (user + system, all threads). */
  cpu: number;
  /** The main thread's own CPU seconds (user + system). */
  mainCpu: number;
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
      // Maps for the server-side chunks only: the prerender build takes the top-level setting; the browser's
      // bundles (environments.client) stay without, so no .map files are added to dist/ and precompressed.
      'export default { ...config, vite: { ...config.vite, build: { ...config.vite?.build, sourcemap: true },\n' +
      '  environments: { ...config.vite?.environments, client: { build: { sourcemap: false } } } } };\n',
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
  const slug = options.name.replace(/\W+/g, '-');
  const profiles = join(options.work, `cpu-${slug}`);
  const kept = join(options.work, `prerender-${slug}`);
  const build = await measure(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${profiles}`,
      '--import',
      pathToFileURL(keepPrerender).href,
      options.astro,
      'build',
      '--config',
      sourceMapConfig(options.cwd),
    ],
    { cwd: options.cwd, env: { ...options.env, KEEP_PRERENDER: kept } },
  );
  const pages = Number(/(\d+) page\(s\) built/.exec(build.output)?.[1] ?? NaN);
  // One file per thread, named CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main thread.
  const main = readdirSync(profiles).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (!main) throw new Error(`profile-build: no main-thread profile in ${profiles}`);
  const profile = JSON.parse(readFileSync(join(profiles, main), 'utf8')) as CpuProfile;
  // keep-prerender.mjs moved Astro's prerender chunks (where the profile's URLs point) to `kept`.
  const from = readFileSync(join(kept, 'from.txt'), 'utf8');
  const bundles = new BundleSources(new Map([[from, kept]]));
  const { byOwner, total, items } = timeByOwner(profile, { root: options.cwd, content: options.content, bundles });
  const thread = JSON.parse(readFileSync(`${kept}.cpu.json`, 'utf8')) as { user: number; system: number };
  return {
    name: options.name,
    pages,
    cpu: build.cpu,
    mainCpu: (thread.user + thread.system) / 1e6,
    byOwner,
    items,
    total,
  };
}

/**
 * The project's and (unless `peers` is false) the bare Astro peer's profiled builds: the project over the corpus in
 * `content`, the peer over as many articles.
 */
export async function profileBuilds(
  work: string,
  { content, articles, peers = true }: { content: string; articles: number; peers?: boolean },
): Promise<BuildProfile[]> {
  const site = await profiledBuild({
    name: 'site',
    cwd: root,
    astro: 'scripts/astro.mjs',
    env: corpusBuildEnv(join(work, 'site'), content),
    content: [content],
    work,
  });
  const peersDir = peers ? preparePeers() : undefined;
  if (!peersDir) return [site];
  const peer = astroPeerBuild(peersDir, articles);
  return [site, await profiledBuild({ name: 'bare Astro', ...peer, content: [peer.articles], work })];
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
    ['main thread CPU (user + system)', (p) => (p.mainCpu * 1000) / p.pages],
    ['other threads CPU (process − main thread)', (p) => ((p.cpu - p.mainCpu) * 1000) / p.pages],
  ];
  // The four items each owner spent most in, ms per page (GC and idle are one item each: left out).
  const top = (p: BuildProfile) =>
    OWNERS.filter((o) => o !== 'garbage collector' && !o.startsWith('idle') && p.items.get(o)!.size).map(
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
  const entries = generateCorpus({ out: work, count: Number(values.count), seed: 1 });
  const content = join(work, 'content');
  console.log(profileReport(await profileBuilds(work, { content, articles: entries.length })));
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
