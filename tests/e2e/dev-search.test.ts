/**
 * Search on the dev server (`npm start` / `npm run dev`): there is no build output, so the Pagefind
 * integration crawls the running site, indexes it in memory and serves the index at /pagefind/
 * (src/search/dev-index.ts). Checked as an editor sees it: a query on /zoeken/ finds a starter page,
 * and a word added to a content file is found a few seconds later, without a restart.
 *
 * The dev server runs in a throw-away copy of the project (helpers/project-copy.ts), so the edit never
 * touches the working tree and its content store never mixes with that of another running dev server.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { contentItems } from '../helpers/content-files.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { startAstroDevCopy } from '../helpers/astro-dev.ts';
import { entryPath, sectionPath } from '../../src/i18n/routes.ts';
import type { SearchEventDetail } from '../../src/search/client/search-events.ts';

const practice = contentItems().find((item) => item.collection === 'practices' && item.locale === 'nl');
/** Not a Dutch or English word, so only the edit below can put it on a page. */
const NEW_WORD = 'kwispelstaartproef';

let dir: string;
const practiceFile = () => join(dir, 'content', 'practices', 'nl', `${practice!.slug}.mdx`);
const titleOf = (file: string) => /^title:\s*['"]?(.+?)['"]?\s*$/m.exec(readFileSync(file, 'utf8'))![1]!;
let origin: string;
let server: ServerProcess;
let browser: Browser;

/** Opens the Dutch search page with `term` and returns the paths of the results, once they are rendered. */
async function search(term: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    // The page searches as soon as its script runs: listen from the very start.
    await page.addInitScript(() =>
      document.addEventListener(
        'search:rendered',
        (e) => ((window as { rendered?: string }).rendered = (e as CustomEvent<SearchEventDetail>).detail.term),
      ),
    );
    // Only the response counts here: the dev server may still be compiling the page's scripts; the wait below covers them.
    await page.goto(`${origin}${sectionPath('nl', 'search')}?q=${encodeURIComponent(term)}`, {
      waitUntil: 'commit',
      timeout: 90_000,
    });
    await page.waitForFunction((wanted) => (window as { rendered?: string }).rendered === wanted, term, {
      timeout: 90_000,
    });
    return await page
      .locator('[data-search-page] .sr-result .sr-link')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  if (!practice) throw new Error('needs a Dutch practice in content/');
  ({ dir, origin, server } = await startAstroDevCopy('shk-dev-search-', '/'));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('search on the dev server', () => {
  it('indexes the running site: a query finds a starter page, with its result card', async () => {
    const path = entryPath('practices', practice!.slug, 'nl');
    expect(await search(titleOf(practiceFile()))).toContain(path);
    const cards = (await (await fetch(`${origin}/pagefind/cards-nl.json`)).json()) as {
      cards: Record<string, [string, string]>;
    };
    expect(Object.values(cards.cards).map(([url]) => url)).toContain(path);
    expect(server.output()).toMatch(/dev search index: \d+ pages/);
  }, 180_000);

  it('finds a word added to a content file, without a restart', async () => {
    const path = entryPath('practices', practice!.slug, 'nl');
    expect(await search(NEW_WORD)).toEqual([]);
    appendFileSync(practiceFile(), `\nDe ${NEW_WORD} staat alleen op deze pagina.\n`);
    // The index is rebuilt a second after the change; a new search session waits for it.
    await vi.waitFor(async () => expect(await search(NEW_WORD)).toEqual([path]), { timeout: 90_000, interval: 1000 });
  }, 180_000);
});
