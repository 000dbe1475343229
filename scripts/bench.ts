/**
 * `npm run bench`: how build, indexing and search scale, side by side with peer sites in the same run. For each size
 * it generates a seeded corpus (scripts/corpus.ts) in a temporary folder, builds the site from it (CONTENT_DIR,
 * ASTRO_OUT_DIR and ASTRO_CACHE_DIR point there; nothing in the project changes), indexes it with Pagefind, builds the
 * peer sites of ../shared/perf-peers (bare Astro + MDX, Eleventy; scripts/bench/peers.ts) over as many articles, and
 * prints the project's ms per page against theirs with the ratio (absolute times drift on a shared machine; ratios
 * from one run hold). Then the search timings in Chromium (scripts/bench/search.ts), and once per run the time from a
 * changed content file to a rebuilt starter site with warm caches (scripts/bench/rebuild.ts). Not a test: it prints
 * figures.
 *
 *   npm run bench                      1,000 and 5,000 entries
 *   npm run bench -- --counts 200      other sizes
 *   npm run bench -- --no-search --no-peers --no-rebuild   leave parts out
 *   npm run bench -- --keep            keep the temporary folders (printed)
 *   npm run bench -- --compare DIR     first build the starter site and compare dist/ with a baseline build in DIR
 *                                      (scripts/compare-dist.ts: byte for byte, differences listed)
 *   npm run bench -- --profile         also where the build's time goes, by whose code ran, beside bare Astro's, for
 *                                      each size (scripts/bench/profile-build.ts: builds under the CPU profiler)
 *   npm run bench -- --dist DIR        only the search timings, over a site already built and indexed in DIR (for
 *                                      example a folder kept with --keep), a number of times (--runs, default 1)
 *
 * Targets (2 cores): 1,000 entries build + index ≤ 9 s, ms per page ≤ 1.25 × bare Astro's, peak ≤ 1.0 GB; 5,000 entries
 * build + index ≤ 35 s, peak ≤ 1.4 GB, search warm median ≤ 40 ms, cold ≤ 150 ms; changed file → rebuilt site ≤ 5 s.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus } from './corpus.ts';
import { budgets, kb, pageWeight } from './lib/page-weight.ts';
import { formatTransfer, transferSizes } from './lib/transfer-size.ts';
import { printOfflineSizes } from './lib/offline-size.ts';
import { sectionPath } from '../src/i18n/routes.ts';
import { resultCardsPath } from '../src/search/result-cards.ts';
import { corpusBuildEnv, gb, mb, measure, size } from './bench/measure.ts';
import { buildPeers, preparePeers, type PeerBuild } from './bench/peers.ts';
import { changedFileRebuild } from './bench/rebuild.ts';
import { buildStarterSite, compareDists, formatDifferences } from './compare-dist.ts';
import { measureSearch, searchReport } from './bench/search.ts';
import { profileBuilds, profileReport } from './bench/profile-build.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    counts: { type: 'string', default: '1000,5000' },
    keep: { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-peers': { type: 'boolean', default: false },
    'no-rebuild': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    compare: { type: 'string' },
    dist: { type: 'string' },
    runs: { type: 'string', default: '1' },
  },
});
const counts = values.counts.split(',').map(Number);

if (values.dist) {
  // Search only: no corpus, build, peers or rebuild. Each run is a fresh browser; the load average says what ran beside.
  for (let run = 1; run <= Number(values.runs); run++) {
    const report = searchReport(await measureSearch(values.dist));
    console.log(
      `\n== search run ${run} over ${values.dist} (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
    );
    for (const line of report.lines) console.log(line);
  }
  process.exit(0);
}

if (values.compare) {
  // The output-equality guard: a change meant to make the build faster must not change what it builds.
  const dist = mkdtempSync(join(tmpdir(), 'bench-compare-'));
  buildStarterSite(dist);
  console.log(formatDifferences(compareDists(values.compare, dist)));
  rmSync(dist, { recursive: true, force: true });
}
const peersDir = values['no-peers'] ? undefined : preparePeers();

const msPerPage = (seconds: number, pages: number) => (seconds * 1000) / pages;

/** Seconds the build spent writing .br/.gz copies (src/lib/precompress.ts), from its log line. */
const precompression = (log: string) => /precompressed .* in ([\d.]+) s/.exec(log)?.[1];

/** Where a build's time went, from Astro's log and the project's integrations' lines. */
function buildPhases(log: string): string {
  const seconds = (pattern: RegExp) => pattern.exec(log)?.[1];
  const phases: [string, string | undefined][] = [
    ['content sync and types', seconds(/\[types\] Generated ([\d.]+)s/)],
    ['bundling', seconds(/\[vite\] ✓ built in ([\d.]+)s/)],
    ['page generation', seconds(/^\S+ ✓ Completed in ([\d.]+)s\.$/m)],
    ['precompression', precompression(log)],
  ];
  return phases.map(([name, s]) => `${name} ${s ? `${Number(s).toFixed(1)} s` : '–'}`).join(', ');
}
const buildRows: string[][] = [];
const searchRows: string[][] = [];

for (const count of counts) {
  const dir = mkdtempSync(join(tmpdir(), `search-bench-${count}-`));
  console.log(`\n== ${count} entries in ${dir}`);
  const entries = generateCorpus({ out: dir, count, seed: 1 });
  const out = join(dir, 'dist');
  const env = corpusBuildEnv(dir);

  // As `npm run build` runs it (scripts/astro.mjs: private and allocator settings).
  const build = await measure(process.execPath, ['scripts/astro.mjs', 'build'], { cwd: root, env });
  const pages = Number(/(\d+) page\(s\) built/.exec(build.output)?.[1] ?? NaN);
  console.log(
    `build: ${build.seconds.toFixed(1)} s (CPU ${build.cpu.toFixed(1)} s), ${pages} pages, peak ${mb(build.peak)}`,
  );
  console.log(`  phases: ${buildPhases(build.output)}`);

  const indexer = `import { indexSite } from ${JSON.stringify(join(root, 'src/search/build-index.ts'))}; await indexSite(process.argv[1]);`;
  const index = await measure(process.execPath, ['--input-type=module', '-e', indexer, out], { cwd: root });
  console.log(`index: ${index.seconds.toFixed(1)} s, peak ${mb(index.peak)} (${index.output.trim()})`);

  const distSize = size(out);
  const indexSize = size(join(out, 'pagefind'));
  const cardsGzip = ['nl', 'en'].map(
    (lang) => `${lang} ${kb(gzipSync(readFileSync(join(out, 'pagefind', resultCardsPath(lang)))).length)}`,
  );
  console.log(`dist: ${mb(distSize)} (search index ${mb(indexSize)}; result cards gzip: ${cardsGzip.join(', ')})`);
  // Page weights (gzip) beside the timings; the size-budget test enforces them on the real site.
  const section = sectionPath('nl', 'practices');
  const article = readdirSync(join(out, section)).find(
    (n) =>
      /^[a-z0-9-]+$/.test(n) &&
      readdirSync(join(out, section, n)).includes('index.html') &&
      !readdirSync(join(out, section, n)).some((c) => statSync(join(out, section, n, c)).isDirectory()),
  );
  for (const [label, path, htmlBudget] of [
    ['home', '/', budgets.homeHtml],
    ['article', `${section}${article}/`, budgets.articleHtml],
  ] as const) {
    const w = pageWeight(out, path);
    console.log(
      `${label} ${path}: HTML ${kb(w.html.gzip)} (budget ${kb(htmlBudget)}), CSS ${kb(w.css.gzip)} (budget ${kb(budgets.articleCss)}), JS before interaction ${kb(w.js.gzip)} (budget ${kb(budgets.jsBeforeInteraction)})`,
    );
  }
  // Bytes a first visit transfers, with and without the precompressed files (nginx, scripts/lib/transfer-size.ts).
  (await transferSizes(out, ['/', `${section}${article}/`])).forEach((t, i) =>
    console.log(formatTransfer(i ? 'article' : 'home', t)),
  );

  // The peers build as many articles as the project has entries.
  const peers: PeerBuild[] = peersDir ? await buildPeers(peersDir, entries.length) : [];
  // ms per page by wall time and by CPU time (user + system); the ratios to the peers come from the same run.
  const per = (m: { seconds: number; cpu: number }, n: number) => ({
    wall: msPerPage(m.seconds, n),
    cpu: msPerPage(m.cpu, n),
  });
  const own = per(build, pages);
  for (const peer of peers) {
    const p = per(peer, peer.pages);
    console.log(
      `peer ${peer.name}: build ${peer.seconds.toFixed(1)} s (CPU ${peer.cpu.toFixed(1)} s), ${peer.pages} pages, ${p.wall.toFixed(2)} ms/page (CPU ${p.cpu.toFixed(2)}), peak ${mb(peer.peak)}; index ${peer.index.seconds.toFixed(1)} s`,
    );
  }
  const ratio = (name: PeerBuild['name']) => {
    const peer = peers.find((p) => p.name === name);
    if (!peer) return '–';
    const p = per(peer, peer.pages);
    return `${p.wall.toFixed(2)} / ${p.cpu.toFixed(2)} (× ${(own.wall / p.wall).toFixed(2)} / × ${(own.cpu / p.cpu).toFixed(2)})`;
  };
  buildRows.push([
    String(entries.length),
    String(pages),
    `${build.seconds.toFixed(1)} (CPU ${build.cpu.toFixed(1)}; of which precompression ${precompression(build.output) ?? '–'})`,
    index.seconds.toFixed(1),
    (build.seconds + index.seconds).toFixed(1),
    gb(build.peak),
    `${own.wall.toFixed(2)} / ${own.cpu.toFixed(2)}`,
    ratio('astro-minimal'),
    ratio('eleventy'),
    mb(distSize),
  ]);

  if (values.profile) {
    // Separate builds of the same corpus: the profiler and the source maps slow them, so they are not the timed ones.
    const work = mkdtempSync(join(tmpdir(), `profile-build-${count}-`));
    console.log(`where the build's main thread goes (${count} entries, under the profiler):\n`);
    const profiles = await profileBuilds(work, {
      content: env.CONTENT_DIR!,
      articles: entries.length,
      peers: Boolean(peersDir),
    });
    console.log(profileReport(profiles));
    rmSync(work, { recursive: true, force: true });
  }

  if (!values['no-search']) {
    const report = searchReport(await measureSearch(out));
    for (const line of report.lines) console.log(line);
    searchRows.push([String(entries.length), mb(indexSize), ...report.cells]);
  }
  if (values.keep) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

const table = (header: string[], rows: string[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
console.log(
  `\n${table(['entries', 'pages', 'build s', 'index s', 'build + index s', 'build peak', 'ms/page (wall / CPU)', 'bare Astro ms/page, wall / CPU (ratio)', 'Eleventy ms/page, wall / CPU (ratio)', 'dist'], buildRows)}`,
);
if (searchRows.length) {
  console.log(
    `\n${table(['entries', 'index', 'cold ms (median; runs)', 'warm ms, common words (median / p90)', 'warm ms, specific words (median / p90)', 'typed then Enter, common words (median / p90)', 'warm, page of 10 with excerpts', 'warm, + counts', 'cold via dialog'], searchRows)}`,
  );
}
if (!values['no-rebuild']) {
  const { first, again, changed } = await changedFileRebuild();
  console.log(
    `\nstarter site, changed content file → rebuilt dist (npm run build: check, build, index; warm caches): ${again.seconds.toFixed(1)} s, peak ${mb(again.peak)} (first build ${first.seconds.toFixed(1)} s; changed ${changed})`,
  );
}
console.log(
  `\nTargets (2 cores): 1,000 entries build + index ≤ 9 s, ms/page ≤ 1.25 × bare Astro, peak ≤ 1.0 GB; 5,000 entries ≤ 35 s, peak ≤ 1.4 GB, search warm ≤ 40 ms, cold ≤ 150 ms; changed file → rebuilt ≤ 5 s. Load average now: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores.`,
);
// Offline use on the real site: the worker's size, JS before interaction, the congress event's pack.
printOfflineSizes(root);
