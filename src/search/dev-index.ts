/**
 * The dev-server index (`astro dev`): there is no build output, so the dev server crawls its own pages, indexes
 * them in memory and serves the bundle at /pagefind/ (re-indexed, debounced, when content/ or src/ changes).
 * SEARCH_DEV_INDEX=off turns the crawl at start-up off; the index is then built on the first request to /pagefind/.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { collections } from '../schema/index.ts';
import { locales } from '../i18n/locales.ts';
import { entryPath, homePath, sectionPath, type EntryCollection } from '../i18n/routes.ts';
import type { Log } from './build-index.ts';
import { buildResultCards } from './result-cards-build.ts';

/** Every content page's path, read from the content folder (same rules as src/lib/routes.ts). */
export function contentPaths(contentDir: string): string[] {
  const paths = new Set<string>();
  for (const locale of locales) {
    paths.add(homePath(locale));
    for (const section of ['practices', 'cases', 'events', 'materials', 'news'] as const)
      paths.add(sectionPath(locale, section));
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
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx')))
        paths.add(entryPath(name as EntryCollection, file.slice(0, -4), locale));
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
export function devIndex(root: string, contentDir: string, log: Log) {
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
