/**
 * Site search with Pagefind, as an Astro integration.
 *
 * - `astro build`: after the build (astro:build:done), Pagefind's Node API indexes the HTML in the output
 *   folder and writes <outDir>/pagefind/. Only elements marked `data-pagefind-body` are indexed (content
 *   pages); every other page (home, listings, search, 404, /admin) is left out. Pagefind makes one index per
 *   `<html lang>`, so Dutch pages are stemmed as Dutch and each language searches only itself. Beside the
 *   index it writes the result cards (cards-<lang>.json, src/components/search/result-cards.ts).
 *   SEARCH_INDEX=off skips indexing (the benchmark times it separately with indexSite()).
 * - `astro dev`: there is no build output, so the dev server crawls its own pages, indexes them in memory and
 *   serves the bundle at /pagefind/ (re-indexed, debounced, when content/ or src/ changes).
 *   SEARCH_DEV_INDEX=off turns this off; the index is then built on the first request to /pagefind/.
 * - The lazily loaded search client (dialog, listing filters) is emitted as its own chunk; its URL is
 *   handed to the pages through searchClientUrl() (src/components/search/client-url.ts).
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { collections } from '../schema/index.ts';
import { locales } from '../i18n/locales.ts';
import { entryPath, homePath, sectionPath, type EntryCollection } from '../i18n/routes.ts';
import { SEARCH_CLIENT_GLOBAL, SEARCH_CLIENT_SOURCE } from '../components/search/client-url.ts';
import { buildResultCards } from './result-cards.ts';

type Log = (message: string) => void;

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
    const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const languages = Object.entries(entry.languages).map(([lang, { page_count }]) => `${lang} ${page_count}`);
    const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    log(`indexed ${pages} pages (${languages.join(', ')}) of ${added.page_count} HTML files in ${seconds.toFixed(1)} s into ${bundle}`);
    return { pages, seconds };
  } finally {
    await index.deleteIndex().catch(() => {});
    await pagefind.close();
  }
}

/** The result cards of every language, from the fragments just written (src/integrations/result-cards.ts). */
async function writeResultCards(bundle: string): Promise<void> {
  const folder = join(bundle, 'fragment');
  // No indexed page, no fragment folder: then there are no cards either.
  if (!existsSync(folder)) return;
  // One file at a time: a large site has thousands of fragments.
  const fragments: [string, Uint8Array][] = [];
  for (const name of await readdir(folder)) fragments.push([name, await readFile(join(folder, name))]);
  for (const [path, json] of buildResultCards(fragments)) await writeFile(join(bundle, path), json);
}

/** Every content page's path, read from the content folder (same rules as src/lib/routes.ts). */
export function contentPaths(contentDir: string): string[] {
  const paths = new Set<string>();
  for (const locale of locales) {
    paths.add(homePath(locale));
    for (const section of ['practices', 'cases', 'events', 'materials', 'news'] as const) paths.add(sectionPath(locale, section));
  }
  for (const [name, def] of Object.entries(collections)) {
    const folder = join(contentDir, def.folder);
    if (!existsSync(folder)) continue;
    if (def.format === 'yaml') {
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml'))) {
        for (const locale of locales) paths.add(entryPath(name as EntryCollection, file.slice(0, -5), locale));
      }
      continue;
    }
    for (const locale of locales) {
      const dir = join(folder, locale);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) paths.add(entryPath(name as EntryCollection, file.slice(0, -4), locale));
    }
  }
  return [...paths];
}

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  css: 'text/css; charset=utf-8',
  wasm: 'application/wasm',
};

/** How long after a file change the dev index waits before crawling the site again. */
const SETTLE_MS = 1000;

/** The dev-server index: crawl the running site, index the pages in memory, serve them at /pagefind/. */
function devIndex(root: string, contentDir: string, log: Log) {
  let origin = '';
  /** Every file ever served this session: an open tab may still ask for fragments of an older index. */
  const files = new Map<string, Uint8Array>();
  let building: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** Counts file changes; the index is fresh when it was built after the latest one. */
  let changes = 0;
  let indexedChanges = -1;
  let lastChange = 0;
  const isStale = () => indexedChanges !== changes;

  async function crawl(): Promise<Map<string, string>> {
    const queue = contentPaths(contentDir);
    const seen = new Set(queue);
    const pages = new Map<string, string>();
    const worker = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const response = await fetch(origin + path, { headers: { accept: 'text/html' } }).catch(() => undefined);
        if (!response?.ok || !response.headers.get('content-type')?.includes('text/html')) continue;
        const html = await response.text();
        if (html.includes('data-pagefind-body')) pages.set(path, html);
        // Follow internal links too, so pages that are not content files (e.g. new routes) are found.
        for (const [, href] of html.matchAll(/href="(\/[^"#?]*)"/g)) {
          if (!href.endsWith('/') || seen.has(href) || /^\/(admin|pagefind|_astro|_image|@)/.test(href)) continue;
          seen.add(href);
          queue.push(href);
        }
      }
    };
    await Promise.all([worker(), worker()]);
    return pages;
  }

  async function build() {
    const started = performance.now();
    const version = changes;
    const pages = await crawl();
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('; '));
    for (const [url, content] of pages) await index.addHTMLFile({ url, content });
    const result = await index.getFiles();
    await index.deleteIndex();
    const written = result.files.map((file) => [file.path.replace(/^\/+/, ''), file.content] as [string, Uint8Array]);
    for (const [path, content] of written) files.set(path, content);
    for (const [path, json] of buildResultCards(written)) files.set(path, new TextEncoder().encode(json));
    // A change during the crawl may be missing from this index: it stays stale then.
    indexedChanges = version;
    log(`dev search index: ${pages.size} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  function rebuild(): Promise<void> {
    building ??= build()
      .catch((error: unknown) => log(`dev search index failed: ${String(error)}`))
      .finally(() => {
        building = undefined;
      });
    return building;
  }

  /**
   * Resolves once the index includes every change so far. Astro needs a moment after a file change before it
   * serves the new page, so a build starts no sooner than SETTLE_MS after the latest change; a build that was
   * already running when the change came is followed by another. Two tries at most, so a failing build
   * (logged) cannot hold a request forever.
   */
  async function fresh(): Promise<void> {
    for (let attempt = 0; attempt < 2 && (isStale() || files.size === 0); attempt++) {
      const settle = lastChange + SETTLE_MS - Date.now();
      if (settle > 0) await new Promise((r) => setTimeout(r, settle));
      await (building ?? rebuild());
    }
  }

  return {
    start(address: string) {
      origin = address;
      if (process.env.SEARCH_DEV_INDEX !== 'off') timer = setTimeout(() => void fresh(), 1500);
    },
    changed(file: string) {
      const path = resolve(file);
      if (!path.startsWith(resolve(contentDir)) && !path.startsWith(join(root, 'src'))) return;
      changes++;
      lastChange = Date.now();
      if (process.env.SEARCH_DEV_INDEX === 'off') return;
      clearTimeout(timer);
      timer = setTimeout(() => void fresh(), SETTLE_MS);
    },
    async middleware(req: IncomingMessage, res: ServerResponse, next: () => void) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith('/pagefind/')) return next();
      const name = url.pathname.slice('/pagefind/'.length);
      // A new search session (pagefind.js, entry file) waits for a fresh index; fragments are served as they are.
      if ((isStale() && /^pagefind(-entry\.json|\.js)$/.test(name)) || files.size === 0) await fresh();
      const body = files.get(name);
      if (!body) {
        res.statusCode = 404;
        return res.end('Not in the search index');
      }
      res.setHeader('content-type', contentTypes[name.split('.').pop()!] ?? 'application/octet-stream');
      res.setHeader('cache-control', 'no-cache');
      res.end(body);
    },
  };
}

/** Emits the lazily loaded search client as its own chunk and publishes its URL for the pages. */
function searchClientPlugin(entry: string): Plugin {
  let ref = '';
  return {
    name: 'samen-hier:search-client',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    buildStart() {
      ref = this.emitFile({ type: 'chunk', id: entry, name: 'search-client', preserveSignature: 'exports-only' });
    },
    generateBundle() {
      (globalThis as Record<string, unknown>)[SEARCH_CLIENT_GLOBAL] = `/${this.getFileName(ref)}`;
    },
  };
}

export default function pagefindIntegration(): AstroIntegration {
  let dev: ReturnType<typeof devIndex> | undefined;
  return {
    name: 'samen-hier:pagefind',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        const root = fileURLToPath(config.root);
        updateConfig({ vite: { plugins: [searchClientPlugin(join(root, SEARCH_CLIENT_SOURCE))] } });
        if (command === 'dev') dev = devIndex(root, resolve(root, process.env.CONTENT_DIR ?? 'content'), (m) => console.log(`[search] ${m}`));
      },
      'astro:server:setup': ({ server }) => {
        if (!dev) return;
        const index = dev;
        server.middlewares.use((req, res, next) => void index.middleware(req, res, next));
        server.watcher.on('all', (_event, file) => index.changed(file));
      },
      'astro:server:start': ({ address }) => {
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        dev?.start(`http://${host}:${address.port}`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.SEARCH_INDEX === 'off') return logger.info('SEARCH_INDEX=off: search index not built');
        await indexSite(fileURLToPath(dir), (m) => logger.info(m));
      },
    },
  };
}
