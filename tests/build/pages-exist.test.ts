/** Every content entry produced its page in each of its languages (materials: in both). */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentItems } from '../helpers/content-files.ts';
import { testDist } from '../helpers/paths.ts';
import { entryPath, homePath, sectionPath, sections } from '../../src/i18n/routes.ts';
import { locales } from '../../src/i18n/locales.ts';

const items = contentItems();

function htmlAt(path: string): string {
  const file = join(testDist, path, 'index.html');
  expect(existsSync(file), `expected a page at ${path} (${file})`).toBe(true);
  return readFileSync(file, 'utf8');
}

describe('the built site', () => {
  it('has starter content in every collection', () => {
    for (const collection of ['practices', 'cases', 'events', 'materials', 'news', 'pages']) {
      expect(items.some((i) => i.collection === collection), `no ${collection} in content/`).toBe(true);
    }
  });

  it.each(items.filter((i) => i.locale !== null).map((i) => [`${i.collection}/${i.locale}/${i.slug}`, i] as const))(
    '%s has its page with its title',
    (_, item) => {
      const html = htmlAt(entryPath(item.collection as never, item.slug, item.locale!));
      expect(html).toMatch(new RegExp(`<html lang="${item.locale}"`));
      expect(html).toMatch(/<h1[^>]*>[^<]{3,}/);
    },
  );

  it.each(items.filter((i) => i.locale === null).map((i) => [i.slug, i] as const))('material %s has a page in both languages', (_, item) => {
    for (const locale of locales) htmlAt(entryPath('materials', item.slug, locale));
  });

  it('has a home and every section index in both languages', () => {
    for (const locale of locales) {
      htmlAt(homePath(locale));
      for (const section of ['practices', 'cases', 'events', 'materials', 'news'] as const) htmlAt(sectionPath(locale, section));
    }
    expect(Object.keys(sections)).toContain('practices');
  });

  it('links every entry from its section index', () => {
    for (const item of items.filter((i) => i.collection !== 'pages')) {
      const locale = item.locale ?? 'nl';
      const index = htmlAt(sectionPath(locale, item.collection as never));
      expect(index, `${item.collection}/${item.slug} missing from its ${locale} index`).toContain(`href="${entryPath(item.collection as never, item.slug, locale)}"`);
    }
  });
});
