/** Every content entry produced its page in each of its languages (materials: in both). */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentItems } from '../helpers/content-files.ts';
import { testDist } from '../helpers/paths.ts';

/**
 * The site's addresses, written out (not computed with src/i18n/routes.ts, which this test checks):
 * a collection's section folder per language; pages sit directly under the language root.
 */
const SECTION_URL: Record<string, { nl: string; en: string }> = {
  practices: { nl: '/goede-praktijken/', en: '/en/best-practices/' },
  cases: { nl: '/gemeenten/', en: '/en/municipalities/' },
  events: { nl: '/evenementen/', en: '/en/events/' },
  materials: { nl: '/materialen/', en: '/en/materials/' },
  news: { nl: '/nieuws/', en: '/en/news/' },
  pages: { nl: '/', en: '/en/' },
};
const HOME = { nl: '/', en: '/en/' } as const;
type Lang = keyof typeof HOME;
const entryUrl = (collection: string, slug: string, locale: Lang) => `${SECTION_URL[collection]![locale]}${slug}/`;

const items = contentItems();

function htmlAt(path: string): string {
  const file = join(testDist, path, 'index.html');
  expect(existsSync(file), `expected a page at ${path} (${file})`).toBe(true);
  return readFileSync(file, 'utf8');
}

describe('the built site', () => {
  it('has starter content in every collection', () => {
    for (const collection of ['practices', 'cases', 'events', 'materials', 'news', 'pages']) {
      expect(
        items.some((i) => i.collection === collection),
        `no ${collection} in content/`,
      ).toBe(true);
    }
  });

  it.each(items.filter((i) => i.locale !== null).map((i) => [`${i.collection}/${i.locale}/${i.slug}`, i] as const))(
    '%s has its page with its title',
    (_, item) => {
      const html = htmlAt(entryUrl(item.collection, item.slug, item.locale as Lang));
      expect(html).toMatch(new RegExp(`<html lang="${item.locale}"`));
      expect(html).toMatch(/<h1[^>]*>[^<]{3,}/);
    },
  );

  it.each(items.filter((i) => i.locale === null).map((i) => [i.slug, i] as const))(
    'material %s has a page in both languages',
    (_, item) => {
      for (const locale of ['nl', 'en'] as const) htmlAt(entryUrl('materials', item.slug, locale));
    },
  );

  it('has a home and every section index in both languages', () => {
    for (const locale of ['nl', 'en'] as const) {
      expect(htmlAt(HOME[locale])).toMatch(new RegExp(`<html lang="${locale}"`));
      for (const section of ['practices', 'cases', 'events', 'materials', 'news']) {
        expect(htmlAt(SECTION_URL[section]![locale])).toMatch(new RegExp(`<html lang="${locale}"`));
      }
    }
  });

  it('links every entry from its section index', () => {
    for (const item of items.filter((i) => i.collection !== 'pages')) {
      const locale = (item.locale ?? 'nl') as Lang;
      const index = htmlAt(SECTION_URL[item.collection]![locale]);
      expect(index, `${item.collection}/${item.slug} missing from its ${locale} index`).toContain(
        `href="${entryUrl(item.collection, item.slug, locale)}"`,
      );
    }
  });
});
