/**
 * Build-time indexing: after `astro build`, Pagefind's Node API indexes the HTML in the output folder and writes
 * <outDir>/pagefind/. Only elements marked `data-pagefind-body` are indexed (content pages); every other page
 * (home, listings, search, 404, /admin) is left out. Pagefind makes one index per `<html lang>`, so Dutch pages
 * are stemmed as Dutch and each language searches only itself. Beside the index it writes the result cards
 * (cards-<lang>.json, result-cards.ts).
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { buildResultCards } from './result-cards-build.ts';

export type Log = (message: string) => void;

/** Index a built site folder into <dir>/pagefind. Returns the number of pages indexed and the time taken. */
export async function indexSite(dir: string, log: Log = console.log): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  const bundle = join(dir, 'pagefind');
  // A stale bundle (for example one copied from public/) would leave old fragments behind.
  await rm(bundle, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new Error(`Pagefind could not write ${bundle}: ${written.errors.join('; ')}`);
    await writeResultCards(bundle);
    const seconds = (performance.now() - started) / 1000;
    const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const languages = Object.entries(entry.languages).map(([lang, { page_count }]) => `${lang} ${page_count}`);
    const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    log(
      `indexed ${pages} pages (${languages.join(', ')}) of ${added.page_count} HTML files in ${seconds.toFixed(1)} s into ${bundle}`,
    );
    return { pages, seconds };
  } finally {
    await index.deleteIndex().catch(() => {});
    await pagefind.close();
  }
}

/** The result cards of every language, from the fragments just written (result-cards-build.ts). */
async function writeResultCards(bundle: string): Promise<void> {
  const folder = join(bundle, 'fragment');
  // No indexed page, no fragment folder: then there are no cards either.
  if (!existsSync(folder)) return;
  // One file at a time: a large site has thousands of fragments.
  const fragments: [string, Uint8Array][] = [];
  for (const name of await readdir(folder)) fragments.push([name, await readFile(join(folder, name))]);
  for (const [path, json] of buildResultCards(fragments)) await writeFile(join(bundle, path), json);
}
