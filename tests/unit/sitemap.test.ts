import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplePaths, frontmatter, headTags, sitemapOptions } from '../../src/lib/sitemap.ts';

const root = mkdtempSync(join(tmpdir(), 'sitemap-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

const content = join(root, 'content');
write('content/practices/nl/echt.mdx', '---\ntitle: Echt\nexample: false\n---\nTekst');
write('content/practices/nl/voorbeeld.mdx', '---\ntitle: Voorbeeld\nexample: true\n---\nTekst');
write('content/practices/en/voorbeeld.mdx', '---\ntitle: Example\nexample: true\n---\nText');
write('content/pages/nl/toegankelijkheid.mdx', '---\ntitle: Toegankelijkheid\nexample: true\n---\n');
write('content/cases/nl/zonder-kop.mdx', 'Geen frontmatter');
write('content/materials/voorbeeld-handout.yaml', 'title: Handout\nexample: true\n');
write('content/materials/echt.yaml', 'title: Echt\n');

const out = join(root, 'dist');
write(
  'dist/goede-praktijken/echt/index.html',
  '<!doctype html><html lang="nl"><head><link rel="canonical" href="https://x.org/goede-praktijken/echt/">' +
    '<link rel="alternate" hreflang="nl" href="https://x.org/goede-praktijken/echt/"><link rel="alternate" hreflang="en" href="https://x.org/en/best-practices/echt/">' +
    '<link rel="alternate" type="application/rss+xml" href="https://x.org/rss.xml"><meta property="article:modified_time" content="2024-06-01"></head>' +
    '<body><link rel="alternate" hreflang="de" href="https://x.org/de/"></body></html>',
);
write('dist/zoeken/index.html', '<html><head><meta name="robots" content="noindex"></head></html>');

describe('frontmatter', () => {
  it('reads YAML between the fences, and nothing else', () => {
    expect(frontmatter('---\ntitle: "A & B"\nexample: true\n---\nbody\n---\nmore')).toEqual({
      title: 'A & B',
      example: true,
    });
    expect(frontmatter('no fences')).toEqual({});
  });
});

describe('examplePaths', () => {
  it('maps example entries to their pages in each language they exist in, materials in both', () => {
    expect([...examplePaths(content)].sort()).toEqual(
      [
        '/en/best-practices/voorbeeld/',
        '/en/materials/voorbeeld-handout/',
        '/goede-praktijken/voorbeeld/',
        '/materialen/voorbeeld-handout/',
        '/toegankelijkheid/',
      ].sort(),
    );
  });
});

describe('headTags', () => {
  it('reads link and meta attributes from the head only, decoding entities', () => {
    const found = headTags(
      '<head><meta name="description" content="A &amp; B"><link rel="x" href="/a"></head><body><meta name="later"></body>',
    );
    expect(found).toEqual([
      { tag: 'meta', attrs: { name: 'description', content: 'A & B' } },
      { tag: 'link', attrs: { rel: 'x', href: '/a' } },
    ]);
  });
});

describe('sitemapOptions', () => {
  const options = sitemapOptions({ outDir: out, contentDir: content });

  it('filters out /admin/ and example pages', () => {
    expect(options.filter('https://x.org/goede-praktijken/echt/')).toBe(true);
    expect(options.filter('https://x.org/admin/')).toBe(false);
    expect(options.filter('https://x.org/admin/index.html')).toBe(false);
    expect(options.filter('https://x.org/goede-praktijken/voorbeeld/')).toBe(false);
    expect(options.filter('https://x.org/en/materials/voorbeeld-handout/')).toBe(false);
  });

  it('takes hreflang links and lastmod from the built page', () => {
    expect(
      options.serialize({ url: 'https://x.org/goede-praktijken/echt/', links: [{ lang: 'nl', url: 'wrong' }] }),
    ).toEqual({
      url: 'https://x.org/goede-praktijken/echt/',
      links: [
        { lang: 'nl', url: 'https://x.org/goede-praktijken/echt/' },
        { lang: 'en', url: 'https://x.org/en/best-practices/echt/' },
      ],
      lastmod: '2024-06-01',
    });
  });

  it('drops pages marked noindex and keeps pages it cannot read as they are', () => {
    expect(options.serialize({ url: 'https://x.org/zoeken/' })).toBeUndefined();
    expect(options.serialize({ url: 'https://x.org/elders/' })).toEqual({ url: 'https://x.org/elders/' });
  });

  it('declares the locales so the plugin also skips /en/404/', () => {
    expect(options.i18n).toEqual({ defaultLocale: 'nl', locales: { nl: 'nl', en: 'en' } });
  });
});
