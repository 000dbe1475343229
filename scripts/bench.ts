/**
 * `npm run bench`: how build, indexing and search scale. For each size it generates a seeded corpus
 * (scripts/corpus.ts) in a temporary folder, builds the site from it (CONTENT_DIR, ASTRO_OUT_DIR and
 * ASTRO_CACHE_DIR point there; nothing in the project changes), indexes it with Pagefind, and measures in
 * Chromium on 127.0.0.1 the first (cold) and later (warm) query on the search page, from submitting the
 * query to rendered results: set and submitted at once (strict: nothing fetched beforehand), and typed key
 * by key then Enter (everyday: the page fetches the word's index chunks while it is typed). Not a test: it
 * prints figures.
 *
 *   npm run bench                      1,000 and 5,000 entries
 *   npm run bench -- --counts 200      other sizes
 *   npm run bench -- --keep            keep the temporary folders (printed)
 *
 * Targets at 5,000 entries: warm query ≤ 50 ms, cold first query ≤ 300 ms.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus, tailWord } from './corpus.ts';
import { budgets, kb, pageWeight } from './lib/page-weight.ts';
import { printOfflineSizes } from './lib/offline-size.ts';
import { serveSite } from '../tests/helpers/server.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { entryPath, sectionPath } from '../src/i18n/routes.ts';
import { resultCardsPath } from '../src/components/search/result-cards.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { counts: { type: 'string', default: '1000,5000' }, keep: { type: 'boolean', default: false } } });
const counts = values.counts.split(',').map(Number);

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const queue = [pid]; queue.length; ) {
    const p = queue.pop()!;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      // gone
    }
    queue.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Runs a command, returns wall seconds and the peak memory of its process tree. */
function measure(command: string, args: string[], env: Record<string, string>): Promise<{ seconds: number; peak: number; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-3000)}`));
      resolve({ seconds: (performance.now() - started) / 1000, peak, output });
    });
  });
}

function size(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + size(join(path, name)), 0);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const percentile = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))]!;
const median = (list: number[]) => percentile(list, 0.5);

/**
 * Submits a query on the search page and times, from the submit: `ms` until the first results are on screen
 * (the render event, then one frame so layout and paint are included); `complete` until the first page of
 * results has its excerpts (same frame rule); `full` until the facet counts are done too.
 */
async function timedQuery(page: import('playwright-core').Page, query: string): Promise<{ ms: number; complete: number; full: number; count: number }> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('#sp-q')!;
    input.value = q;
    const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const once = <T,>(name: string) => new Promise<T>((resolve) => document.addEventListener(name, (e) => resolve((e as CustomEvent<T>).detail), { once: true }));
    const rendered = once<{ count: number }>('search:rendered');
    const completed = once<unknown>('search:complete');
    const settled = once<unknown>('search:settled');
    const started = performance.now();
    input.form!.requestSubmit();
    const { count } = await rendered;
    await nextFrame();
    const ms = performance.now() - started;
    await completed;
    await nextFrame();
    const complete = performance.now() - started;
    // The next query starts only when this one is done (rest of the page, facet counts).
    await settled;
    return { ms, complete, full: performance.now() - started, count };
  }, query);
}

/**
 * Types a query as a visitor does (key by key, 40 ms apart) and presses Enter; times from Enter until the
 * results are on screen (same frame rule). While typing, the page already fetches the index chunks the
 * word needs, so this is the everyday case; timedQuery is the strict one with nothing fetched beforehand.
 */
async function typedQuery(page: import('playwright-core').Page, query: string): Promise<number> {
  await page.locator('#sp-q').fill('');
  await page.waitForFunction(() => document.querySelector('[data-search-page] [data-results]')?.children.length === 0);
  const timing = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let enter = 0;
        const stop = new AbortController();
        document.addEventListener('keydown', (e) => e.key === 'Enter' && (enter = performance.now()), { capture: true, signal: stop.signal });
        document.addEventListener(
          'search:rendered',
          (e) => {
            if (!enter || (e as CustomEvent<{ idle?: boolean }>).detail.idle) return;
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - enter)));
            stop.abort();
          },
          { signal: stop.signal },
        );
      }),
  );
  const settled = page.evaluate(() => new Promise<void>((resolve) => document.addEventListener('search:settled', () => resolve(), { once: true })));
  await page.locator('#sp-q').pressSequentially(query, { delay: 40 });
  await page.keyboard.press('Enter');
  const ms = await timing;
  await settled;
  return ms;
}

/**
 * Common words are in most pages of the corpus (the worst case: thousands of hits to rank); specific words
 * come from the corpus's long tail (in roughly 13 %, 3 %, 1 % and fewer of the pages).
 */
const common = ['gemeente', 'woning', 'taalcoach', 'vrijwilliger', 'subsidie', 'bibliotheek', 'evaluatie', 'werkgever', 'sportclub', 'netwerk', 'kennismaking', 'wethouder'];
const specific = [10, 30, 100, 300, 1000, 2000].map(tailWord);

const rows: string[][] = [];
for (const count of counts) {
  const dir = mkdtempSync(join(tmpdir(), `search-bench-${count}-`));
  console.log(`\n== ${count} entries in ${dir}`);
  const entries = generateCorpus({ out: dir, count, seed: 1 });
  const out = join(dir, 'dist');
  const env = { CONTENT_DIR: join(dir, 'content'), ASTRO_OUT_DIR: out, ASTRO_CACHE_DIR: join(dir, 'cache'), SEARCH_INDEX: 'off' };

  const build = await measure('npx', ['astro', 'build'], env);
  const pages = /(\d+) page\(s\) built/.exec(build.output)?.[1] ?? '?';
  console.log(`build: ${build.seconds.toFixed(1)} s, ${pages} pages, peak ${mb(build.peak)}`);

  const indexer = `import { indexSite } from ${JSON.stringify(join(root, 'src/integrations/pagefind.ts'))}; await indexSite(process.argv[1]);`;
  const index = await measure(process.execPath, ['--input-type=module', '-e', indexer, out], {});
  console.log(`index: ${index.seconds.toFixed(1)} s, peak ${mb(index.peak)} (${index.output.trim()})`);

  const distSize = size(out);
  const indexSize = size(join(out, 'pagefind'));
  const cardsGzip = ['nl', 'en'].map((lang) => `${lang} ${kb(gzipSync(readFileSync(join(out, 'pagefind', resultCardsPath(lang)))).length)}`);
  console.log(`dist: ${mb(distSize)} (search index ${mb(indexSize)}; result cards gzip: ${cardsGzip.join(', ')})`);
  // Page weights (gzip) beside the timings; the size-budget test enforces them on the real site.
  const section = sectionPath('nl', 'practices');
  const article = readdirSync(join(out, section)).find((n) => /^[a-z0-9-]+$/.test(n) && readdirSync(join(out, section, n)).includes('index.html') && !readdirSync(join(out, section, n)).some((c) => statSync(join(out, section, n, c)).isDirectory()));
  for (const [label, path, htmlBudget] of [['home', '/', budgets.homeHtml], ['article', `${section}${article}/`, budgets.articleHtml]] as const) {
    const w = pageWeight(out, path);
    console.log(`${label} ${path}: HTML ${kb(w.html.gzip)} (budget ${kb(htmlBudget)}), CSS ${kb(w.css.gzip)} (budget ${kb(budgets.articleCss)}), JS before interaction ${kb(w.js.gzip)} (budget ${kb(budgets.jsBeforeInteraction)})`);
  }

  const server = await serveSite(out);
  const browser = await launchBrowser();
  const cold: number[] = [];
  const warm: number[] = [];
  const warmFull: number[] = [];
  const warmComplete: number[] = [];
  const dialog: number[] = [];
  const warmSpecific: number[] = [];
  const typed: number[] = [];
  const specificHits: number[] = [];
  let hits = 0;
  try {
    for (let run = 0; run < 3; run++) {
      // Cold: a fresh browser context (empty cache); the search page has loaded the engine, the result cards and
      // the filter data while idle (data-engine="ready"), but no index chunk or result has been fetched.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.origin + sectionPath('nl', 'search'), { waitUntil: 'networkidle' });
      await page.waitForSelector('[data-search-page][data-engine="ready"]');
      const first = await timedQuery(page, common[run]!);
      cold.push(first.ms);
      // Warm: later queries on the same page, each a new word (new index chunks and fragments may load).
      // Every run (a fresh browser context) asks each word again: more samples, steadier figures.
      for (const q of common.slice(3)) {
        const result = await timedQuery(page, q);
        warm.push(result.ms);
        warmComplete.push(result.complete);
        warmFull.push(result.full);
        hits = Math.max(hits, result.count);
      }
      for (const q of specific) {
        const result = await timedQuery(page, q);
        warmSpecific.push(result.ms);
        if (run === 0) specificHits.push(result.count);
      }
      // Typed, common words again in reverse order (so not the same word as just before).
      for (const q of common.slice(3).reverse()) typed.push(await typedQuery(page, q));
      // Truly cold, from an article page: Ctrl+K loads the dialog code and the engine, then the query runs.
      await page.goto(`${server.origin}${entryPath('practices', `praktijk-${run + 1}`, 'nl')}`, { waitUntil: 'networkidle' });
      dialog.push(await page.evaluate(async (q) => {
        const started = performance.now();
        const rendered = new Promise<void>((resolve) => document.addEventListener('search:rendered', () => resolve(), { once: true }));
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));
        await new Promise<void>((resolve) => {
          const check = () => (document.querySelector('dialog.sr-dialog[open]') ? resolve() : requestAnimationFrame(check));
          check();
        });
        const input = document.querySelector<HTMLInputElement>('#sr-dialog-input')!;
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await rendered;
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        return performance.now() - started;
      }, common[run + 3]!));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const fmt = (list: number[]) => list.map((ms) => ms.toFixed(0)).join('/');
  console.log(`cold first query (search page): ${fmt(cold)} ms`);
  console.log(`warm, common words (${warm.length} queries): median ${median(warm).toFixed(0)} ms, 90th percentile ${percentile(warm, 0.9).toFixed(0)}, min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)} ms (up to ${hits} hits; page of 10 with excerpts: median ${median(warmComplete).toFixed(0)} ms; + counts: median ${median(warmFull).toFixed(0)} ms)`);
  console.log(`warm, specific words (${warmSpecific.length} queries): median ${median(warmSpecific).toFixed(0)} ms, 90th percentile ${percentile(warmSpecific, 0.9).toFixed(0)}, min ${Math.min(...warmSpecific).toFixed(0)}, max ${Math.max(...warmSpecific).toFixed(0)} ms (${specificHits.join('/')} hits)`);
  console.log(`typed, common words (${typed.length} queries, from Enter): median ${median(typed).toFixed(0)} ms, 90th percentile ${percentile(typed, 0.9).toFixed(0)}, min ${Math.min(...typed).toFixed(0)}, max ${Math.max(...typed).toFixed(0)} ms`);
  console.log(`cold via the dialog from an article page (dialog code + engine + 120 ms typing pause + query): ${fmt(dialog)} ms`);
  rows.push([
    String(entries.length),
    pages,
    build.seconds.toFixed(1),
    mb(build.peak),
    index.seconds.toFixed(1),
    mb(index.peak),
    mb(distSize),
    mb(indexSize),
    `${median(cold).toFixed(0)} (${fmt(cold)})`,
    `${median(warm).toFixed(0)} / ${percentile(warm, 0.9).toFixed(0)}`,
    `${median(warmSpecific).toFixed(0)} / ${percentile(warmSpecific, 0.9).toFixed(0)}`,
    `${median(typed).toFixed(0)} / ${percentile(typed, 0.9).toFixed(0)}`,
    median(warmComplete).toFixed(0),
    median(warmFull).toFixed(0),
    `${median(dialog).toFixed(0)} (${fmt(dialog)})`,
  ]);
  if (values.keep) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

const header = ['entries', 'pages', 'build s', 'build peak', 'index s', 'index peak', 'dist', 'index', 'cold ms (median; runs)', 'warm ms, common words (median / p90)', 'warm ms, specific words (median / p90)', 'typed then Enter, common words (median / p90)', 'warm, page of 10 with excerpts', 'warm, + counts', 'cold via dialog'];
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\nTargets at 5,000 entries: warm ≤ 50 ms, cold ≤ 300 ms (Chromium, 127.0.0.1, no throttling). Load average now: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores.`);
// Offline use on the real site: the worker's size, JS before interaction, the congress event's pack.
printOfflineSizes(root);
