import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headTags, readHead, sitemapOptions } from '../../src/lib/sitemap.ts';

const root = mkdtempSync(join(tmpdir(), 'sitemap-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

const out = join(root, 'dist');
write(
  'dist/goede-praktijken/echt/index.html',
  '<!doctype html><html lang="nl"><head><link rel="canonical" href="https://x.org/goede-praktijken/echt/">' +
    '<link rel="alternate" hreflang="nl" href="https://x.org/goede-praktijken/echt/"><link rel="alternate" hreflang="en" href="https://x.org/en/best-practices/echt/">' +
    '<link rel="alternate" type="application/rss+xml" href="https://x.org/rss.xml"><meta property="article:modified_time" content="2024-06-01"></head>' +
    '<body><link rel="alternate" hreflang="de" href="https://x.org/de/"></body></html>',
);
write('dist/en/404/index.html', '<html><head><meta name="robots" content="noindex"></head></html>');
write('dist/zoeken/index.html', '<html><head><meta name="robots" content="noindex"></head></html>');
// An example page: its layout marks it noindex (example: true), which is what keeps it out of the sitemap.
write(
  'dist/goede-praktijken/voorbeeld/index.html',
  '<html><head><meta name="robots" content="noindex"><link rel="alternate" hreflang="nl" href="https://x.org/goede-praktijken/voorbeeld/"></head></html>',
);

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

describe('readHead', () => {
  it('reads a page up to the chunk with the end of its head, whole when it has none, characters intact', () => {
    // "é" is two bytes: 16,383 of them put one across the first 32 KB chunk boundary.
    const head = `<head><meta name="description" content="${'é'.repeat(16_383)}"></head>`;
    write('dist/lang/index.html', `${head}<body>${'tekst '.repeat(20_000)}</body>`);
    const read = readHead(join(out, 'lang/index.html'));
    expect(read.startsWith(head)).toBe(true);
    expect(read.length).toBeLessThan(head.length + 32 * 1024);
    write('dist/kop-loos/index.html', 'geen kop '.repeat(5_000));
    expect(readHead(join(out, 'kop-loos/index.html'))).toBe('geen kop '.repeat(5_000));
  });
});

describe('sitemapOptions', () => {
  const options = sitemapOptions({ outDir: out });

  it('filters out /admin/', () => {
    expect(options.filter('https://x.org/goede-praktijken/echt/')).toBe(true);
    expect(options.filter('https://x.org/admin/')).toBe(false);
    expect(options.filter('https://x.org/admin/index.html')).toBe(false);
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
    expect(options.serialize({ url: 'https://x.org/goede-praktijken/voorbeeld/' })).toBeUndefined();
    expect(options.serialize({ url: 'https://x.org/elders/' })).toEqual({ url: 'https://x.org/elders/' });
  });

  it('leaves /en/404/ out by its noindex, with no i18n option (its pairing is quadratic in pages)', () => {
    expect(options.serialize({ url: 'https://x.org/en/404/' })).toBeUndefined();
    expect('i18n' in options).toBe(false);
  });
});
