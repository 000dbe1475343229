/** The search index in the built site: one per language, only content pages, attributes as <meta> tags, a tiny loader. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentItems } from '../helpers/content-files.ts';
import { find, pageAt, textOf } from '../helpers/html.ts';
import { projectRoot, testDist } from '../helpers/paths.ts';
import { entryPath, homePath, sectionPath } from '../../src/i18n/routes.ts';
import { locales } from '../../src/i18n/locales.ts';
import { collections } from '../../src/schema/index.ts';
import { readFragments } from '../../src/search/result-cards-build.ts';
import { headFromRow, resultCardsPath, type ResultCardsFile } from '../../src/search/result-cards.ts';

const items = contentItems();
const contentRoot = join(projectRoot, 'content');
const html = (path: string) => readFileSync(join(testDist, path, 'index.html'), 'utf8');
const pagesOf = (locale: 'nl' | 'en') =>
  items.flatMap((i) =>
    i.locale === locale
      ? [entryPath(i.collection as never, i.slug, locale)]
      : i.locale === null
        ? [entryPath('materials', i.slug, locale)]
        : [],
  );

/** Every built page that carries data-pagefind-body, by language. */
function indexedPages(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(join(dir, entry.name));
      } else if (entry.name === 'index.html') {
        const page = readFileSync(join(dir, entry.name), 'utf8');
        if (!page.includes('data-pagefind-body')) continue;
        const lang = /<html[^>]*\slang="([a-z]{2})/.exec(page)?.[1] ?? 'unknown';
        (out[lang] ??= []).push(`/${relative(testDist, dir)}/`.replace(/\/+$/, '/').replace(/^\/\/$/, '/'));
      }
    }
  };
  walk(testDist);
  return out;
}

describe('search index', () => {
  const indexed = indexedPages();

  it('has one index per language, holding exactly the pages marked for it, among them every content page', () => {
    const entry = JSON.parse(readFileSync(join(testDist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual([...locales].sort());
    for (const locale of locales) {
      expect(entry.languages[locale]!.page_count, locale).toBe(indexed[locale]?.length);
      expect(indexed[locale]).toEqual(expect.arrayContaining(pagesOf(locale)));
    }
  });

  it('marks the main content once, with its type, date and sort value in <meta> tags, on every indexed page', () => {
    for (const path of Object.values(indexed).flat()) {
      const page = html(path);
      expect(page.match(/data-pagefind-body/g)?.length, path).toBe(1);
      expect(page, path).toMatch(
        /<meta itemprop="search-filter" data-pagefind-filter="type\[content\]" content="[^"]+"/,
      );
      expect(page, path).toMatch(/data-pagefind-meta="date\[content\]" content="\d{4}-\d{2}-\d{2}"/);
      expect(page, path).toMatch(/data-pagefind-sort="date\[content\]" content="\d{4}-\d{2}-\d{2}"/);
      // Filter values never sit in (hidden) text.
      expect(page, path).not.toMatch(/<(span|div|p)[^>]*data-pagefind-filter/);
    }
  });

  it('labels example content, and only example content, with the example filter', () => {
    for (const item of items.filter((i) => i.locale !== 'en' && i.collection !== 'pages')) {
      const def = collections[item.collection];
      const file =
        def.format === 'yaml'
          ? join(contentRoot, def.folder, `${item.slug}.yaml`)
          : join(contentRoot, def.folder, 'nl', `${item.slug}.mdx`);
      const example = /^example:\s*true\s*$/m.test(readFileSync(file, 'utf8'));
      const path = entryPath(item.collection as never, item.slug, 'nl');
      expect(html(path).includes('data-pagefind-filter="example[content]"'), path).toBe(example);
    }
  });

  it('leaves home, listings, search pages and 404 out of the index', () => {
    for (const locale of locales) {
      const paths = [
        homePath(locale),
        sectionPath(locale, 'search'),
        ...(['practices', 'cases', 'events', 'materials', 'news'] as const).map((s) => sectionPath(locale, s)),
      ];
      for (const path of paths) expect(html(path), path).not.toContain('data-pagefind-body');
    }
    expect(readFileSync(join(testDist, '404.html'), 'utf8')).not.toContain('data-pagefind-body');
  });

  it('ships only a loader under 1 KB on content pages, no search script, style or index reference', () => {
    const path = pagesOf('nl')[0]!;
    const page = html(path);
    const loader = [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => m[0])
      .find((s) => s.includes('__searchLoader'));
    expect(loader, 'the search loader is inline on the page').toBeDefined();
    expect(Buffer.byteLength(loader!)).toBeLessThanOrEqual(1024);
    // The loader names the client in data-src (read only when search opens); nothing loads it before.
    expect(page).not.toMatch(/\s(src|href)="[^"]*(pagefind|search-client|SearchPage)[^"]*"/);
    const client = /data-src="([^"]+)"/.exec(loader!)![1]!;
    expect(existsSync(join(testDist, client))).toBe(true);
  });

  it('offers facets with counts on the search pages, in the page’s language', () => {
    const nl = html(sectionPath('nl', 'search'));
    const en = html(sectionPath('en', 'search'));
    for (const [page, label] of [
      [nl, 'Goede praktijk'],
      [en, 'Best practice'],
    ] as const) {
      expect(page).toMatch(/<fieldset class="sf-group" data-facet="type"/);
      expect(page).toMatch(new RegExp(`data-key="type" value="practices" data-label="${label}"`));
      expect(page).toMatch(/<span class="sf-count"[^>]*>\(\d+\)<\/span>/);
    }
  });

  it('writes result cards for every indexed page: its URL, title, type, date and example label', () => {
    const fragments = join(testDist, 'pagefind', 'fragment');
    for (const locale of locales) {
      const file = JSON.parse(
        readFileSync(join(testDist, 'pagefind', resultCardsPath(locale)), 'utf8'),
      ) as ResultCardsFile;
      expect(file.v).toBe(1);
      const ids = readdirSync(fragments)
        .filter((name) => name.startsWith(`${locale}_`))
        .map((name) => name.replace(/\.pf_fragment$/, ''));
      expect(Object.keys(file.cards).sort(), locale).toEqual(ids.sort());
      // Every indexed page has exactly one card, and the card says what the page itself says.
      expect(
        Object.values(file.cards)
          .map(([url]) => url)
          .sort(),
        locale,
      ).toEqual([...(indexed[locale] ?? [])].sort());
      for (const [id, row] of Object.entries(file.cards)) {
        const card = headFromRow(row);
        const page = html(card.url);
        // Pagefind takes the title from the page's first <h1>; the card must carry it unchanged.
        const h1 = find(pageAt(card.url).doc, (el) => el.tagName === 'h1');
        expect(card.title, card.url).toBe(textOf(h1!).replace(/\s+/g, ' ').trim());
        expect(readFragments(`${id}.pf_fragment`, readFileSync(join(fragments, `${id}.pf_fragment`)))[0]![1].url).toBe(
          card.url,
        );
        expect(page, card.url).toContain(`data-pagefind-filter="type[content]" content="${card.type}"`);
        expect(page, card.url).toContain(`data-pagefind-meta="date[content]" content="${card.date}"`);
        expect(card.example, card.url).toBe(page.includes('data-pagefind-filter="example[content]"'));
        if (card.image) expect(existsSync(join(testDist, card.image)), card.image).toBe(true);
      }
    }
  });
});
