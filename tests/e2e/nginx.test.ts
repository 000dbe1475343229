/**
 * The built site under Debian's nginx with the configuration the build generated (dist/_nginx.conf), on
 * 127.0.0.1: every header and caching rule, media types, precompressed files, folder URLs, per-language 404
 * pages, no listings, range requests; then a smoke set in Chromium against it. nginx missing is a failure
 * (install: apt-get install -y nginx libnginx-mod-http-brotli-static, as .ci/run does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { testDist } from '../helpers/paths.ts';
import { startNginx, type Nginx } from '../helpers/nginx.ts';
import { rawGet } from '../helpers/raw-http.ts';
import {
  HIDDEN_PATHS,
  WELL_KNOWN_PATH,
  itServesTheHeaderCases,
  siteWithSampleUploads,
} from '../helpers/expected-headers.ts';
import { launchBrowser } from '../helpers/browser.ts';

let site: ReturnType<typeof siteWithSampleUploads> | undefined;
let nginx: Nginx;

beforeAll(async () => {
  site = siteWithSampleUploads(testDist);
  nginx = await startNginx(site.root);
});

afterAll(async () => {
  await nginx?.close();
  site?.remove();
});

const get = (path: string, headers: Record<string, string> = {}) => rawGet(`${nginx.origin}${path}`, headers);

describe('nginx: headers, caching and media types', () => {
  itServesTheHeaderCases(testDist, () => nginx.origin);

  it('an unknown path still gets the security headers and revalidation (the 404 page)', async () => {
    const res = await get('/_astro/not-there.js');
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('nginx: precompressed files', () => {
  const samples = () => {
    const css = readdirSync(join(testDist, '_astro')).find((f) => f.endsWith('.css'))!;
    // The CMS bundle's copies are made with it, in its cache (src/integrations/admin-bundle.ts).
    const cms = readdirSync(join(testDist, '_astro')).find((f) => /^admin\..*\.js$/.test(f))!;
    return [
      [`/_astro/${cms}`, `_astro/${cms}`],
      ['/', 'index.html'],
      ['/en/', 'en/index.html'],
      [`/_astro/${css}`, `_astro/${css}`],
      ['/agenda.ics', 'agenda.ics'],
      ['/pagefind/pagefind.js', 'pagefind/pagefind.js'],
      ['/pagefind/pagefind-entry.json', 'pagefind/pagefind-entry.json'],
    ] as const;
  };

  it('sends the .br file to a browser that accepts brotli, the .gz file to one that accepts gzip, else the file', async () => {
    for (const [path, file] of samples()) {
      const original = readFileSync(join(testDist, file));
      const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding'], `${path} br`).toBe('br');
      expect(br.headers.vary, `${path} vary`).toBe('Accept-Encoding');
      expect(br.body.equals(readFileSync(join(testDist, `${file}.br`))), `${path}: the .br file as written`).toBe(true);
      expect(brotliDecompressSync(br.body).equals(original), `${path}: br decodes to the file`).toBe(true);
      const gz = await get(path, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding'], `${path} gzip`).toBe('gzip');
      expect(gunzipSync(gz.body).equals(original), `${path}: gzip decodes to the file`).toBe(true);
      const plain = await get(path);
      expect(plain.headers['content-encoding'], `${path} identity`).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
    }
  });

  it("never puts a Content-Encoding on Pagefind's index files (gzip data Pagefind unpacks itself) or PDFs", async () => {
    for (const path of ['/pagefind/wasm.en.pagefind', '/uploads/example-slides-workshop.pdf']) {
      const res = await get(path, { 'accept-encoding': 'gzip, br' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding'], path).toBeUndefined();
    }
  });
});

describe('nginx: URLs', () => {
  it('serves a folder URL from its index.html and redirects a folder without the slash, relative to the host', async () => {
    const res = await get('/en');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/en/');
    expect((await get('/goede-praktijken/')).status).toBe(200);
  });

  it('answers unknown paths with the 404 page of their language', async () => {
    for (const [path, lang] of [
      ['/bestaat-niet/', 'nl'],
      ['/bestaat-niet.pdf', 'nl'],
      ['/en/does-not-exist/', 'en'],
      ['/en/events/nope.ics', 'en'],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(res.body.toString(), path).toContain(`<html lang="${lang}"`);
    }
  });

  it('lists no folder and never serves the server configuration or hidden files', async () => {
    for (const path of ['/_astro/', '/uploads/', '/pagefind/', '/_headers', '/_nginx.conf', ...HIDDEN_PATHS]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString(), path).not.toMatch(/Index of|_nginx\.conf|location \/|SECRET|Options/);
    }
    expect((await get(WELL_KNOWN_PATH)).status).toBe(200);
  });

  it('answers range requests for PDFs', async () => {
    const file = join(testDist, 'uploads', 'example-slides-workshop.pdf');
    const res = await get('/uploads/example-slides-workshop.pdf', { range: 'bytes=0-99' });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 0-99/${statSync(file).size}`);
    expect(res.body.equals(readFileSync(file).subarray(0, 100))).toBe(true);
  });
});

describe('nginx: in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  const violations: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: true });
    // Every CSP violation of every page, however it shows (console message or event).
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    context.on('console', (m) => {
      if (/content security policy|CSP violation/i.test(m.text())) violations.push(`${m.location().url}: ${m.text()}`);
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function open(path: string, status = 200): Promise<Page> {
    const page = await context.newPage();
    const res = await page.goto(`${nginx.origin}${path}`);
    expect(res?.status(), path).toBe(status);
    return page;
  }

  it('shows the home page in both languages', async () => {
    for (const [path, lang] of [
      ['/', 'nl'],
      ['/en/', 'en'],
    ] as const) {
      const page = await open(path);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expect.poll(() => page.locator('h1').first().isVisible()).toBe(true);
      await page.close();
    }
  });

  it('finds a page with search', async () => {
    const h1 = /<h1[^>]*>([^<]+)</.exec(
      readFileSync(join(testDist, 'goede-praktijken', 'een-open-buurt', 'index.html'), 'utf8'),
    )![1]!;
    const word = h1
      .split(/\s+/)
      .sort((a, b) => b.length - a.length)[0]!
      .toLowerCase();
    const page = await open(`/zoeken/?q=${encodeURIComponent(word)}`);
    const links = page.locator('[data-search-page] .sr-result .sr-link');
    await expect
      .poll(() => links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)))
      .toContain('/goede-praktijken/een-open-buurt/');
    await page.close();
  });

  it("downloads an event's calendar from its page", async () => {
    const page = await open('/evenementen/congres-van-migratie-tot-participatie-2024/');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.event-facts a.add-to-calendar')]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR/);
    expect(text).toContain('BEGIN:VEVENT');
    await page.close();
  });

  it('follows a short link to its session', async () => {
    const target = /url=([^"]+)"/.exec(readFileSync(join(testDist, 'm', 'zhg8n', 'index.html'), 'utf8'))![1]!;
    expect(target).toBe('/evenementen/congres-van-migratie-tot-participatie-2024/#workshop-samen-hier');
    const page = await open('/m/zhg8n/');
    await page.waitForURL(`${nginx.origin}${target}`);
    await page.close();
  });

  it("downloads a material's PDF", async () => {
    const page = await open('/materialen/voorbeeld-handout-workshop/');
    // The page links the file without a download attribute (the offline pack serves it; see MaterialItem.astro):
    // the link's own address must give the PDF, as a PDF.
    const href = await page.getAttribute('a.material-download[href$=".pdf"]', 'href');
    expect(href).toBe('/uploads/voorbeeld-handout-workshop.pdf');
    const got = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        head: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5)),
      };
    }, href!);
    expect(got).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    await page.close();
  });

  it('shows the 404 page in the language of the path', async () => {
    for (const [path, lang] of [
      ['/bestaat-niet/', 'nl'],
      ['/en/does-not-exist/', 'en'],
    ] as const) {
      const page = await open(path, 404);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await page.close();
    }
  });

  it('opening an uploaded HTML or SVG file downloads it: it is never shown on the site', async () => {
    for (const name of ['evil.html', 'evil.svg']) {
      const page = await context.newPage();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.goto(`${nginx.origin}/uploads/${name}`).catch(() => null),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      expect(await page.evaluate(() => location.href)).toBe('about:blank');
      await page.close();
    }
  });

  it('saw no Content-Security-Policy violation', () => {
    expect(violations).toEqual([]);
  });
});
