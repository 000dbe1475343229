/**
 * Search timings in Chromium on 127.0.0.1 over a built and indexed corpus: the first (cold) and later (warm) query
 * on the search page, from submitting the query to rendered results, set and submitted at once (strict: nothing
 * fetched beforehand) and typed key by key then Enter (everyday: the page fetches the word's index chunks while it
 * is typed), and the cold query through the dialog from an article page.
 */
import { serveSite } from '../../tests/helpers/server.ts';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { entryPath, sectionPath } from '../../src/i18n/routes.ts';
import { tailWord } from '../corpus.ts';
import { median, percentile } from './measure.ts';

export interface SearchFigures {
  cold: number[];
  warm: number[];
  warmComplete: number[];
  warmFull: number[];
  warmSpecific: number[];
  specificHits: number[];
  typed: number[];
  dialog: number[];
  hits: number;
}

/**
 * Submits a query on the search page and times, from the submit: `ms` until the first results are on screen
 * (the render event, then one frame so layout and paint are included); `complete` until the first page of
 * results has its excerpts (same frame rule); `full` until the facet counts are done too.
 */
async function timedQuery(
  page: import('playwright-core').Page,
  query: string,
): Promise<{ ms: number; complete: number; full: number; count: number }> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('#sp-q')!;
    input.value = q;
    const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const once = <T>(name: string) =>
      new Promise<T>((resolve) =>
        document.addEventListener(name, (e) => resolve((e as CustomEvent<T>).detail), { once: true }),
      );
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
        document.addEventListener('keydown', (e) => e.key === 'Enter' && (enter = performance.now()), {
          capture: true,
          signal: stop.signal,
        });
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
  const settled = page.evaluate(
    () => new Promise<void>((resolve) => document.addEventListener('search:settled', () => resolve(), { once: true })),
  );
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
const common = [
  'gemeente',
  'woning',
  'taalcoach',
  'vrijwilliger',
  'subsidie',
  'bibliotheek',
  'evaluatie',
  'werkgever',
  'sportclub',
  'netwerk',
  'kennismaking',
  'wethouder',
];
const specific = [10, 30, 100, 300, 1000, 2000].map(tailWord);

export async function measureSearch(out: string): Promise<SearchFigures> {
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
      // Cold: a fresh browser context (empty cache); the search page has loaded the engine (and run it once, with
      // no term: warmUpEngine), the result cards and the filter data while idle (data-engine="ready"), but no
      // index chunk or result has been fetched.
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
      await page.goto(`${server.origin}${entryPath('practices', `praktijk-${run + 1}`, 'nl')}`, {
        waitUntil: 'networkidle',
      });
      dialog.push(
        await page.evaluate(
          async (q) => {
            const started = performance.now();
            const rendered = new Promise<void>((resolve) =>
              document.addEventListener('search:rendered', () => resolve(), { once: true }),
            );
            document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));
            await new Promise<void>((resolve) => {
              const check = () =>
                document.querySelector('dialog.sr-dialog[open]') ? resolve() : requestAnimationFrame(check);
              check();
            });
            const input = document.querySelector<HTMLInputElement>('#sr-dialog-input')!;
            input.value = q;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await rendered;
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
            return performance.now() - started;
          },
          common[run + 3]!,
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { cold, warm, warmComplete, warmFull, warmSpecific, specificHits, typed, dialog, hits };
}

const fmt = (list: number[]) => list.map((ms) => ms.toFixed(0)).join('/');

/** The search figures as printed lines, and the cells of the summary table. */
export function searchReport(f: SearchFigures): { lines: string[]; cells: string[] } {
  const stats = (list: number[]) =>
    `median ${median(list).toFixed(0)} ms, 90th percentile ${percentile(list, 0.9).toFixed(0)}, min ${Math.min(...list).toFixed(0)}, max ${Math.max(...list).toFixed(0)} ms`;
  return {
    lines: [
      `cold first query (search page): ${fmt(f.cold)} ms`,
      `warm, common words (${f.warm.length} queries): ${stats(f.warm)} (up to ${f.hits} hits; page of 10 with excerpts: median ${median(f.warmComplete).toFixed(0)} ms; + counts: median ${median(f.warmFull).toFixed(0)} ms)`,
      `warm, specific words (${f.warmSpecific.length} queries): ${stats(f.warmSpecific)} (${f.specificHits.join('/')} hits)`,
      `typed, common words (${f.typed.length} queries, from Enter): ${stats(f.typed)}`,
      `cold via the dialog from an article page (dialog code + engine + 120 ms typing pause + query): ${fmt(f.dialog)} ms`,
    ],
    cells: [
      `${median(f.cold).toFixed(0)} (${fmt(f.cold)})`,
      `${median(f.warm).toFixed(0)} / ${percentile(f.warm, 0.9).toFixed(0)}`,
      `${median(f.warmSpecific).toFixed(0)} / ${percentile(f.warmSpecific, 0.9).toFixed(0)}`,
      `${median(f.typed).toFixed(0)} / ${percentile(f.typed, 0.9).toFixed(0)}`,
      median(f.warmComplete).toFixed(0),
      median(f.warmFull).toFixed(0),
      `${median(f.dialog).toFixed(0)} (${fmt(f.dialog)})`,
    ],
  };
}
