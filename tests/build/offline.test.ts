/**
 * Offline use in the built site: the congress event's offline pack lists what the issue asks for, with sizes
 * read from the files; the service worker and the web app manifests are there, served with the right types,
 * and linked from every page; the offline pages exist in both languages and stay out of the sitemap; a pack
 * naming a file the build did not make fails with the event and the file named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { testDist } from '../helpers/paths.ts';
import { attr, find, findAll, pageAt, sitePages } from '../helpers/html.ts';
import { serveSite, type StaticServer } from '../helpers/server.ts';
import { completePack } from '../../src/integrations/offline.ts';
import type { PackFile } from '../../src/offline/protocol.ts';

const SLUG = 'congres-van-migratie-tot-participatie-2024';
const file = JSON.parse(readFileSync(join(testDist, 'offline', `${SLUG}.json`), 'utf8')) as PackFile;
const isAsset = (url: string) => url.startsWith('/_astro/') || url === '/favicon.svg';

describe('the congress event offline pack', () => {
  it('has a pack per language the event page exists in', () => {
    expect(Object.keys(file.packs).sort()).toEqual(['en', 'nl']);
  });

  it('stores the event page, calendar, room cards, material pages and files, short links and their targets', () => {
    const nl = file.packs.nl!;
    expect(nl.href).toBe(`/evenementen/${SLUG}/`);
    expect(nl.title).toBe('Congres Van Migratie tot Participatie 2024');
    expect(nl.materials).toBe(2);
    expect(nl.urls.filter((u) => !isAsset(u)).sort()).toEqual(
      [
        `/evenementen/${SLUG}/`,
        `/evenementen/${SLUG}.ics`,
        `/evenementen/${SLUG}/workshop-samen-hier/kaart/`,
        `/evenementen/${SLUG}/workshop-samen-hier/kaart/a5/`,
        '/m/zhg8n/',
        '/materialen/voorbeeld-handout-workshop/',
        '/uploads/voorbeeld-handout-workshop.pdf',
        '/m/j9eva/',
        '/materialen/example-slides-workshop/',
        '/uploads/example-slides-workshop.pdf',
        '/m/2ppb0/',
        // The slides are in English: their short link leads to the English material page.
        '/en/materials/example-slides-workshop/',
      ].sort(),
    );
    // The English pack: the English pages, and the Dutch event page the session's short link leads to.
    expect(file.packs.en!.urls).toContain(`/en/events/${SLUG}/workshop-samen-hier/card/`);
    expect(file.packs.en!.urls).toContain(`/evenementen/${SLUG}/`);
  });

  it('stores everything its pages load: stylesheets, scripts, modules loaded on demand', () => {
    for (const pack of Object.values(file.packs)) {
      for (const url of pack.urls.filter((u) => u.endsWith('/'))) {
        const page = pageAt(url);
        const loads = [
          ...findAll(page.doc, (el) => el.tagName === 'link' && /stylesheet|icon/.test(attr(el, 'rel') ?? '')).map(
            (el) => attr(el, 'href')!,
          ),
          ...findAll(page.doc, (el) => el.tagName === 'script' && attr(el, 'src') !== undefined).map((el) =>
            attr(el, 'src')!,
          ),
          ...findAll(page.doc, (el) => attr(el, 'data-src') !== undefined).map((el) => attr(el, 'data-src')!),
        ];
        for (const asset of loads) expect(pack.urls, `${pack.locale} pack: ${url} loads ${asset}`).toContain(asset);
      }
    }
  });

  it('knows the size of every file as built, and says the total in its language', () => {
    for (const pack of Object.values(file.packs)) {
      expect(pack.bytes).toHaveLength(pack.urls.length);
      pack.urls.forEach((url, i) =>
        expect(pack.bytes[i], url).toBe(statSync(join(testDist, url.endsWith('/') ? `${url}index.html` : url)).size),
      );
      expect(pack.total).toBe(pack.bytes.reduce((a, b) => a + b, 0));
      expect(pack.total).toBeGreaterThan(100_000);
    }
    expect(file.packs.nl!.size).toMatch(/^\d+(,\d)? kB$/);
    expect(file.packs.en!.size).toMatch(/^\d+(\.\d)? kB$/);
    expect(file.packs.nl!.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('the event page offers saving it (hidden until the browser shows it supports it), outside the search index', () => {
    const control = find(pageAt(`/evenementen/${SLUG}/`).doc, (el) => attr(el, 'id') === 'offline-save')!;
    expect(attr(control, 'hidden')).toBe('');
    expect(attr(control, 'data-pagefind-ignore')).toBe('');
    expect(attr(control, 'data-manifest')).toBe(`/offline/${SLUG}.json`);
    expect(attr(control, 'data-key')).toBe(`nl/${SLUG}`);
  });
});

describe('a pack that names a file the build did not make', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'offline-pack-'));
    mkdirSync(join(dir, 'evenementen', 'x'), { recursive: true });
    writeFileSync(join(dir, 'evenementen', 'x', 'index.html'), '<!doctype html><title>x</title>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails, naming the event, its language and the missing file', () => {
    const draft = {
      locale: 'nl',
      slug: 'x',
      title: 'X',
      href: '/evenementen/x/',
      urls: ['/evenementen/x/', '/uploads/missing.pdf'],
      materials: 1,
    };
    expect(() => completePack(dir, draft)).toThrow(
      /pack of event "x" \(nl\) lists \/uploads\/missing\.pdf, but the build has no file .*uploads\/missing\.pdf/,
    );
  });
});

describe('service worker, app manifest, offline pages', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite();
  });
  afterAll(() => server?.close());

  it('serves /sw.js as JavaScript and the manifests as web app manifests', async () => {
    const sw = await fetch(`${server.origin}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await sw.text()).toMatch(/^\/\/ Service worker of this site, build [0-9a-f]{12} /);
    for (const path of ['/manifest.webmanifest', '/en/manifest.webmanifest']) {
      const response = await fetch(server.origin + path);
      expect(response.headers.get('content-type'), path).toBe('application/manifest+json');
    }
  });

  it('has a manifest per language with name, lang, start page, theme colour from the tokens and icons', async () => {
    const nl = JSON.parse(readFileSync(join(testDist, 'manifest.webmanifest'), 'utf8'));
    const en = JSON.parse(readFileSync(join(testDist, 'en', 'manifest.webmanifest'), 'utf8'));
    expect(nl).toMatchObject({
      name: 'Samen Hier Kennisplatform',
      lang: 'nl',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#1d5c57',
      background_color: '#fbf8f3',
    });
    expect(en).toMatchObject({ lang: 'en', start_url: '/en/', id: '/en/' });
    for (const icon of nl.icons.filter((i: { type: string }) => i.type === 'image/png')) {
      const meta = await sharp(join(testDist, icon.src)).metadata();
      expect(`${meta.format} ${meta.width}x${meta.height}`, icon.src).toBe(`png ${icon.sizes}`);
    }
    expect(nl.icons.map((i: { purpose?: string }) => i.purpose ?? 'any')).toContain('maskable');
  });

  it("every page links its language's manifest, registers the worker and carries the theme colour", () => {
    const problems: string[] = [];
    for (const page of sitePages()) {
      const manifest = find(page.doc, (el) => el.tagName === 'link' && attr(el, 'rel') === 'manifest');
      const expected = page.path.startsWith('/en/') ? '/en/manifest.webmanifest' : '/manifest.webmanifest';
      if (!manifest || attr(manifest, 'href') !== expected)
        problems.push(`${page.path}: manifest ${manifest ? attr(manifest, 'href') : 'missing'}`);
      if (!page.html.includes("navigator.serviceWorker?.register('/sw.js')"))
        problems.push(`${page.path}: no worker registration`);
    }
    expect(problems).toEqual([]);
    expect(pageAt('/').html).toContain('<meta name="theme-color" content="#1d5c57">');
  });

  it('has an offline page in each language, noindex and out of the sitemap', () => {
    for (const [path, title] of [
      ['/offline/', 'Offline beschikbaar'],
      ['/en/offline/', 'Available offline'],
    ] as const) {
      const page = pageAt(path);
      expect(page.html).toContain(`<h1>${title}</h1>`);
      expect(page.html).toContain('<meta name="robots" content="noindex">');
    }
    const sitemap = readFileSync(join(testDist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toContain('/offline/');
  });

  it('the Content-Security-Policy allows the worker and the manifests from this site only', () => {
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(pageAt('/').html)![1]!;
    const directive = (name: string) =>
      policy
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `));
    expect(directive('worker-src')).toBe("worker-src 'self'");
    expect(directive('manifest-src')).toBe("manifest-src 'self'");
  });
});
