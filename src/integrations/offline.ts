/**
 * Offline use, as an Astro integration.
 *
 * - Emits the save control's client module (src/offline/control.ts) as a lazily loaded chunk.
 * - After the build (astro:build:done):
 *   1. completes every /offline/<event>.json (written from the content model by src/lib/data-files.ts) with the
 *      assets its pages load (stylesheets, scripts, the modules those import, the icon), the size of every file,
 *      the total in words of the pack's language and a version hash of all its files, and writes that total
 *      into the event page (it is known only now). A listed file the build did not produce
 *      fails the build, naming the event and the file;
 *   2. bundles the service worker (src/offline/sw.ts) into /sw.js with the build id and the files it stores
 *      on install (the offline pages of both languages and their assets). The build id is a hash of the
 *      worker and those files (env OFFLINE_BUILD_ID overrides it): a deploy that changes them installs a new
 *      worker, which drops the caches of older builds.
 */
import type { AstroIntegration } from 'astro';
import { build } from 'vite';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLocale, locales } from '../i18n/locales.ts';
import { homePath, sectionPath } from '../i18n/routes.ts';
import { formatBytes } from '../lib/file-info.ts';
import { detached } from '../lib/detached-string.ts';
import { lazyChunkPlugin } from '../lib/lazy-chunk.ts';
import { OFFLINE_CONTROL } from '../offline/control-chunk.ts';
import type { PackDraft } from '../lib/offline-pack.ts';
import { PACK_SIZE_SLOT, type PackFile, type PackManifest } from '../offline/protocol.ts';

const SW_SOURCE = 'src/offline/sw.ts';
const BUILD_TOKEN = '@@OFFLINE_BUILD@@';

/** The built file of a site path ("/x/" → x/index.html). */
function fileOf(dist: string, path: string): string {
  return join(dist, decodeURIComponent(path.endsWith('/') ? `${path}index.html` : path));
}

/** Site paths of the files a built page loads: stylesheets, icon, scripts, modules loaded on demand (data-src) and what those import. */
export function pageAssets(dist: string, path: string): string[] {
  const html = readFileSync(fileOf(dist, path), 'utf8');
  const found = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    if (/\brel="(stylesheet|icon|modulepreload)"/.test(m[0])) {
      const href = /\bhref="(\/[^"/][^"]*)"/.exec(m[0])?.[1];
      if (href) found.add(detached(href));
    }
  }
  // Scripts, and modules that inline loaders import on demand (data-src on the script or its control).
  for (const m of html.matchAll(/<script\b[^>]*\ssrc="(\/[^"/][^"]*)"/g)) found.add(detached(m[1]!));
  for (const m of html.matchAll(/\sdata-src="(\/[^"/][^"]*\.js)"/g)) found.add(detached(m[1]!));
  const queue = [...found].filter((p) => p.endsWith('.js'));
  for (let js = queue.shift(); js; js = queue.shift()) {
    const code = readFileSync(fileOf(dist, js), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'`]((?:\.{1,2}\/|\/_astro\/)[^"'`]+\.js)["'`]/g)) {
      const target = m[1]!.startsWith('/') ? detached(m[1]!) : posix.join(posix.dirname(js), m[1]!);
      if (!found.has(target)) {
        found.add(target);
        queue.push(target);
      }
    }
  }
  return [...found];
}

/** The draft's URLs and the assets its pages load. */
function withAssets(dist: string, draft: PackDraft): PackDraft {
  const urls = new Set(draft.urls);
  for (const url of draft.urls)
    if (url.endsWith('/') && existsSync(fileOf(dist, url))) for (const asset of pageAssets(dist, url)) urls.add(asset);
  return { ...draft, urls: [...urls] };
}

/** The built file of a pack's URL; a listed file the build did not produce fails the build. */
function packFile(dist: string, draft: PackDraft, url: string): string {
  const file = fileOf(dist, url);
  if (!existsSync(file)) {
    throw new Error(
      `[offline] the pack of event "${draft.slug}" (${draft.locale}) lists ${url}, but the build has no file ${file}. ` +
        'Fix the link in the event or material, or the route that should build it.',
    );
  }
  return file;
}

/** The pack's total in words of its language ("214,6 kB"). */
const sizeText = (draft: PackDraft, total: number) => formatBytes(total, isLocale(draft.locale) ? draft.locale : 'nl');

/** A pack with its sizes and version, from the built files. */
export function completePack(dist: string, draft: PackDraft): PackManifest {
  const hash = createHash('sha256');
  const bytes: number[] = [];
  for (const url of draft.urls) {
    const content = readFileSync(packFile(dist, draft, url));
    bytes.push(content.length);
    hash.update(`${url}\0${content.length}\0`).update(content);
  }
  const total = bytes.reduce((a, b) => a + b, 0);
  return { ...draft, bytes, total, size: sizeText(draft, total), version: hash.digest('hex').slice(0, 16) };
}

/** The pack's total size as text, from the files' sizes on disk (no reading, no hashing: see fillSizes). */
function packSize(dist: string, draft: PackDraft): string {
  return sizeText(
    draft,
    draft.urls.reduce((total, url) => total + statSync(packFile(dist, draft, url)).size, 0),
  );
}

const sizeSlot = new RegExp(PACK_SIZE_SLOT.replace('></', '>[^<]*</'));

/**
 * Write each pack's size into its event page (PACK_SIZE_SLOT). The page is part of the pack (and may be part of
 * another language's pack), so this repeats until no page changes: a size's text rarely changes the total enough
 * to change the text again.
 */
function fillSizes(dist: string, drafts: PackDraft[]): void {
  for (let round = 0; round < 5; round++) {
    let changed = false;
    for (const draft of drafts) {
      // Only the size is needed here: reading and hashing every file of every pack in each round took 4 of the 5.5 s
      // this step spent on a 5,000-entry site.
      const size = packSize(dist, draft);
      const page = fileOf(dist, draft.href);
      const html = readFileSync(page, 'utf8');
      const next = html.replace(sizeSlot, PACK_SIZE_SLOT.replace('></', `>, ${size}</`));
      if (next !== html) {
        writeFileSync(page, next);
        changed = true;
      }
    }
    if (!changed) return;
  }
}

/** Complete every /offline/<event>.json of a build (and the sizes on the event pages); returns the packs. */
export function completePacks(dist: string): PackFile[] {
  const folder = join(dist, 'offline');
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((name) => {
      const draft = JSON.parse(readFileSync(join(folder, name), 'utf8')) as {
        slug: string;
        packs: Record<string, PackDraft>;
      };
      return {
        name,
        slug: draft.slug,
        packs: Object.entries(draft.packs).map(([l, p]) => [l, withAssets(dist, p)] as const),
      };
    });
  fillSizes(
    dist,
    files.flatMap((f) => f.packs.map(([, p]) => p)),
  );
  return files.map(({ name, slug, packs }) => {
    const complete: PackFile = { slug, packs: Object.fromEntries(packs.map(([l, p]) => [l, completePack(dist, p)])) };
    writeFileSync(join(folder, name), JSON.stringify(complete));
    return complete;
  });
}

/** Which offline page answers for which paths, longest prefix first: [["/en/", "/en/offline/"], ["/", "/offline/"]]. */
export function offlinePages(): [string, string][] {
  return locales
    .map((l): [string, string] => [homePath(l), sectionPath(l, 'offline')])
    .sort((a, b) => b[0].length - a[0].length);
}

/** Bundle the worker into <dist>/sw.js; returns its build id and the files it stores on install. */
export async function writeServiceWorker(
  dist: string,
  root: string,
): Promise<{ build: string; core: string[]; bytes: number }> {
  const pages = offlinePages().map(([, page]) => page);
  const core = [...new Set([...pages, ...pages.flatMap((p) => pageAssets(dist, p))])];
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    define: {
      __OFFLINE_BUILD__: JSON.stringify(BUILD_TOKEN),
      __OFFLINE_CORE__: JSON.stringify(core),
      __OFFLINE_PAGES__: JSON.stringify(offlinePages()),
    },
    build: {
      write: false,
      minify: true,
      lib: { entry: join(root, SW_SOURCE), formats: ['iife'], name: 'offline', fileName: () => 'sw.js' },
    },
  });
  const chunk = (Array.isArray(output) ? output[0]! : (output as { output: { code?: string }[] })).output[0] as {
    code: string;
  };
  const hash = createHash('sha256').update(chunk.code);
  for (const url of core) hash.update(readFileSync(fileOf(dist, url)));
  const id = process.env.OFFLINE_BUILD_ID ?? hash.digest('hex').slice(0, 12);
  const code = `// Service worker of this site, build ${id} (src/offline/sw.ts)\n${chunk.code.replaceAll(BUILD_TOKEN, id)}`;
  writeFileSync(join(dist, 'sw.js'), code);
  return { build: id, core, bytes: Buffer.byteLength(code) };
}

export default function offlineIntegration(): AstroIntegration {
  let root = '';
  return {
    name: 'samen-hier:offline',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        root = fileURLToPath(config.root);
        updateConfig({ vite: { plugins: [lazyChunkPlugin(OFFLINE_CONTROL, join(root, OFFLINE_CONTROL.source))] } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const packs = completePacks(dist);
        const { build: id, bytes } = await writeServiceWorker(dist, root);
        logger.info(
          `service worker build ${id} (${bytes} bytes); offline packs: ${packs.flatMap((f) => Object.values(f.packs).map((p) => `${p.locale}/${p.slug} ${p.size}`)).join(', ') || 'none'}`,
        );
      },
    },
  };
}
