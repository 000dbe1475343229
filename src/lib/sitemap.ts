/**
 * Options for @astrojs/sitemap (astro.config.mjs), worked out without astro:content:
 *
 * - filter: no /admin/, no example content. The example pages are found at config time by reading
 *   the content files' frontmatter directly (the content guard's reader), and mapped to their paths with the same
 *   route functions the pages use (src/i18n/routes.ts).
 * - serialize: hreflang links and lastmod are read from each built page's own <head>, so the sitemap
 *   can never disagree with the pages; a page marked noindex is dropped as a safety net.
 * - i18n: the locales, so the plugin also leaves out /en/404/ and pairs same-path pages itself;
 *   serialize then replaces its links with the page's own (our segments are translated, so most
 *   pairs do not share a path).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultLocale, locales } from '../i18n/locales.ts';
import { entryPath } from '../i18n/routes.ts';
import { localizedCollections } from '../schema/collections.ts';
import { PRIVATE_PREFIXES } from './seo-defaults.ts';
import { readFrontmatter } from '../integrations/content-guard/frontmatter.ts';
import { readYaml } from '../integrations/content-guard/yaml.ts';

/**
 * The frontmatter of an MDX file, or {} when there is none or it breaks the content rules (the build
 * refuses such a file itself, with the reason; this only decides whether a page is example content).
 */
export function frontmatter(source: string): Record<string, unknown> {
  return readFrontmatter(source).data ?? {};
}

/** Site paths of every page that shows example content (`example: true`), in each language it exists in. */
export function examplePaths(contentDir: string): Set<string> {
  const paths = new Set<string>();
  for (const collection of localizedCollections) {
    for (const locale of locales) {
      const dir = join(contentDir, collection, locale);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
        if (frontmatter(readFileSync(join(dir, file), 'utf8')).example === true) {
          paths.add(entryPath(collection, file.replace(/\.mdx$/, ''), locale));
        }
      }
    }
  }
  const materials = join(contentDir, 'materials');
  if (existsSync(materials)) {
    for (const file of readdirSync(materials).filter((f) => f.endsWith('.yaml'))) {
      const data = readYaml(readFileSync(join(materials, file), 'utf8')).value as { example?: unknown } | undefined;
      // A material has a page in every language.
      if (data?.example === true)
        for (const locale of locales) paths.add(entryPath('materials', file.replace(/\.yaml$/, ''), locale));
    }
  }
  return paths;
}

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
  /** Content folder (CONTENT_DIR). */
  contentDir: string;
}

export function sitemapOptions({ outDir, contentDir }: SitemapConfigInput) {
  const examples = examplePaths(contentDir);
  const out = resolve(outDir);
  return {
    i18n: { defaultLocale, locales: Object.fromEntries(locales.map((l) => [l, l])) },
    filter(page: string): boolean {
      const path = new URL(page).pathname;
      return !PRIVATE_PREFIXES.some((prefix) => path.startsWith(prefix)) && !examples.has(path);
    },
    serialize<T extends SitemapItemLike>(item: T): T | undefined {
      const path = decodeURIComponent(new URL(item.url).pathname);
      const file = join(out, path, 'index.html');
      if (!existsSync(file)) return item;
      const tags = headTags(readFileSync(file, 'utf8'));
      if (tags.some((t) => t.tag === 'meta' && t.attrs.name === 'robots' && /noindex/i.test(t.attrs.content ?? '')))
        return undefined;
      const links = tags
        .filter((t) => t.tag === 'link' && t.attrs.rel === 'alternate' && t.attrs.hreflang && t.attrs.href)
        .map((t) => ({ lang: t.attrs.hreflang!, url: t.attrs.href! }));
      const modified = tags.find((t) => t.tag === 'meta' && t.attrs.property === 'article:modified_time')?.attrs
        .content;
      return { ...item, links, ...(modified ? { lastmod: modified } : {}) };
    },
  };
}
