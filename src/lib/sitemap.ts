/**
 * Options for @astrojs/sitemap (astro.config.mjs), worked out without astro:content:
 *
 * - filter: no /admin/.
 * - serialize: hreflang links and lastmod are read from each built page's own <head>, so the sitemap
 *   can never disagree with the pages; a page marked noindex is dropped. That is how example content stays out:
 *   its pages are noindex (the layouts set it from `example`), one rule, read where it is applied, instead of a
 *   second reading of the content files at config time.
 * - no i18n option: /en/404/ is noindex like any other page left out (the root 404.html is left out by the plugin
 *   itself), and the plugin's pairing of same-path pages would be replaced by serialize's links anyway. That
 *   pairing compares every URL with every other when pages do not share a path, as ours mostly do not (translated
 *   segments): 1.2 s of a 5,000-entry build (npm run bench -- --profile).
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PRIVATE_PREFIXES } from './seo-defaults.ts';
import { detached } from './detached-string.ts';

/**
 * The start of an HTML file through the end of its head (read in 32 KB chunks, so up to a chunk more when the head is
 * longer than one; the whole file if it has no head). Only the head is read: a 5,000-entry site has over 9,000 pages.
 */
export function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    for (let read = readSync(fd, headBuffer); read > 0; read = readSync(fd, headBuffer)) {
      const chunk = headBuffer.subarray(0, read);
      // Most heads fit in the first chunk: decoded from the shared buffer at once.
      const end = chunk.indexOf('</head>');
      if (!chunks.length && end >= 0) return chunk.toString('utf8', 0, end + '</head>'.length);
      // Otherwise decoded only at the end, so a character split between two chunks stays whole.
      chunks.push(Buffer.from(chunk));
      if (end >= 0) break;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
/** One buffer for every readHead call (they run one after the other). */
const headBuffer = Buffer.alloc(32 * 1024);

/** Attributes of every <link> and <meta> tag in an HTML document's head. */
export function headTags(html: string): { tag: string; attrs: Record<string, string> }[] {
  const end = html.search(/<\/head>/i);
  const head = end >= 0 ? html.slice(0, end) : html;
  const decode = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...head.matchAll(/<(link|meta)\b([^>]*)>/gi)].map((m) => ({
    tag: m[1]!.toLowerCase(),
    attrs: Object.fromEntries(
      [...m[2]!.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1]!.toLowerCase(), decode(a[2]!)]),
    ),
  }));
}

interface SitemapItemLike {
  url: string;
  lastmod?: string;
  links?: { lang: string; url: string }[];
  [key: string]: unknown;
}

export interface SitemapConfigInput {
  /** Build output folder (the same as Astro's outDir). */
  outDir: string;
}

export function sitemapOptions({ outDir }: SitemapConfigInput) {
  const out = resolve(outDir);
  return {
    filter(page: string): boolean {
      const path = new URL(page).pathname;
      return !PRIVATE_PREFIXES.some((prefix) => path.startsWith(prefix));
    },
    serialize<T extends SitemapItemLike>(item: T): T | undefined {
      const path = decodeURIComponent(new URL(item.url).pathname);
      const file = join(out, path, 'index.html');
      if (!existsSync(file)) return item;
      const tags = headTags(readHead(file));
      if (tags.some((t) => t.tag === 'meta' && t.attrs.name === 'robots' && /noindex/i.test(t.attrs.content ?? '')))
        return undefined;
      const links = tags
        .filter((t) => t.tag === 'link' && t.attrs.rel === 'alternate' && t.attrs.hreflang && t.attrs.href)
        .map((t) => ({ lang: detached(t.attrs.hreflang!), url: detached(t.attrs.href!) }));
      const modified = tags.find((t) => t.tag === 'meta' && t.attrs.property === 'article:modified_time')?.attrs
        .content;
      return { ...item, links, ...(modified ? { lastmod: detached(modified) } : {}) };
    },
  };
}
