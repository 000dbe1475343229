/**
 * The CMS's content guard in Chromium: the built /admin/ with the real decap-server (on a throw-away copy of
 * the project), where the MDX body editor parses with Sätteri's WebAssembly build. A footnote holding an
 * expression (the hole that once ran code at build time) gets the Dutch message at its line and column and the
 * save is refused with nothing written, also when the save is made before the wasm has arrived; a plain body is
 * accepted and saved. The wasm loads only once a body editor opens, under the page's Content-Security-Policy, with
 * no worker and no error.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { serveSite, type StaticServer } from '../helpers/server.ts';
import { startDecapServer, type DecapServer } from '../helpers/decap-server.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { testDist } from '../helpers/paths.ts';
import { collections } from '../../src/schema/index.ts';

let repo: string;
let decap: DecapServer;
let site: StaticServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const pageErrors: string[] = [];
/** Requests of the page open now (openPage starts a new list). */
let requests: string[] = [];
const workers: string[] = [];
let loads = 0;

const admin = (hash: string) => `${site.origin}/admin/?decap_port=${decap.port}&load=${++loads}#${hash}`;
const control = (name: string) => page.locator(`[id^="${name}-field"]`).first();
// The Dutch pane's body (the English one comes second).
const problems = () => page.getByTestId('mdx-problems').first();
const wasmRequests = () => requests.filter((url) => /\/_astro\/satteri-[^/]*\.wasm$/.test(new URL(url).pathname));

async function openPage(hash: string) {
  requests = [];
  page = await browser.contexts()[0]!.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.setDefaultTimeout(30_000);
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
  page.on('worker', (w) => workers.push(w.url()));
  page.on('dialog', (d) => void d.accept().catch(() => undefined));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(admin(hash));
}

async function fillPage() {
  await control('title').waitFor({ timeout: 60_000 });
  await control('title').fill('Test controle in het beheer');
  await control('description').fill('Een pagina om de controle van de tekst te testen.');
  await control('updated').fill('2026-12-01');
}

async function publish() {
  await page.getByRole('button', { name: 'Publiceer', exact: true }).click();
  await page.getByText('Publiceer nu', { exact: true }).click();
}

beforeAll(async () => {
  repo = copyProject('shk-cms-wasm-');
  // The site first: the CMS backend answers only the origin /admin/ is served from.
  site = await serveSite();
  decap = await startDecapServer(repo, [site.origin]);
  browser = await launchBrowser();
  // One context for every tab: the login is kept in its storage (openPage opens tabs in it).
  await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
  await openPage('/');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('link', { name: collections.pages.label.nl }).first().waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await site?.close().catch(() => undefined);
  await decap?.close().catch(() => undefined);
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('the MDX body guard in the CMS (Sätteri as WebAssembly)', () => {
  const slug = 'test-controle-in-het-beheer';
  const saved = () => join(repo, 'content/pages/nl', `${slug}.mdx`);

  it('the collection list does not load the wasm; the wasm file is in the built site', () => {
    expect(wasmRequests()).toEqual([]);
    const html = readFileSync(join(testDist, 'admin/index.html'), 'utf8');
    expect(html).toMatch(/script-src[^;]*'wasm-unsafe-eval'/);
    expect(html).toMatch(/connect-src 'self'/);
  });

  it('a footnote holding an expression gets the Dutch message at line 3, column 7, and the save is refused', async () => {
    await openPage('/collections/pages/new');
    await fillPage();
    await control('body').fill('Tekst met een voetnoot[^1].\n\n[^1]: {1+1}\n');
    await expect
      .poll(() => problems().innerText(), { timeout: 30_000 })
      .toBe(
        'Regel 3, kolom 7: {1+1} tussen accolades is code en mag niet in de tekst: schrijf \\{ en \\} om accolades te tonen',
      );
    expect(wasmRequests(), 'the wasm is fetched once').toHaveLength(1);

    // Decap refuses the save (the widget's isValid) and leaves an unhandled rejection behind, as for any refused save.
    const errorsBefore = pageErrors.length;
    await publish();
    await page
      .getByText(/De tekst kan zo niet gepubliceerd worden/)
      .first()
      .waitFor();
    await expect.poll(() => pageErrors.length).toBeGreaterThan(errorsBefore);
    pageErrors.splice(errorsBefore);
    expect(existsSync(saved())).toBe(false);

    const timing = await page.evaluate(() => {
      const [fetchMark] = performance.getEntriesByName('satteri-wasm:fetch');
      const [readyMark] = performance.getEntriesByName('satteri-wasm:ready');
      const resource = performance
        .getEntriesByType('resource')
        .find((e) => e.name.endsWith('.wasm') && e.name.includes('/satteri-')) as PerformanceResourceTiming | undefined;
      return {
        load: readyMark!.startTime - fetchMark!.startTime,
        fetch: resource?.duration,
        bytes: resource?.encodedBodySize,
      };
    });
    console.log(
      `[cms-wasm] wasm fetched and instantiated in ${timing.load.toFixed(0)} ms (fetch ${timing.fetch?.toFixed(0)} ms, ${timing.bytes} bytes)`,
    );
    expect(timing.load).toBeGreaterThan(0);
  });

  it('a save made while the wasm is still on its way waits for the verdict and is refused', async () => {
    const context = browser.contexts()[0]!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const wasm = /\/_astro\/satteri-[^/]*\.wasm$/;
    await context.route(wasm, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await openPage('/collections/pages/new');
      await fillPage();
      await control('body').fill('Tekst[^1].\n\n[^1]: {1+1}\n');
      expect(wasmRequests(), 'the wasm is requested (and held back)').toHaveLength(1);
      expect(await problems().innerText(), 'no verdict yet').toBe('');
      const errorsBefore = pageErrors.length;
      await publish();
      release();
      await page
        .getByText(/Tekst: regel 3, kolom 7: \{1\+1\} tussen accolades is code/)
        .first()
        .waitFor();
      await expect.poll(() => pageErrors.length).toBeGreaterThan(errorsBefore);
      pageErrors.splice(errorsBefore);
      expect(existsSync(saved())).toBe(false);
    } finally {
      release();
      await context.unroute(wasm);
    }
  });

  it('a plain body is accepted and saved as typed', async () => {
    const body = '## Over deze pagina\n\nGewone tekst met een [link](/praktijken/) en 2 * 3 * 4.\n';
    await control('body').fill(body);
    await expect.poll(() => problems().innerText()).toBe('');
    await publish();
    await expect.poll(() => existsSync(saved()) && readFileSync(saved(), 'utf8'), { timeout: 30_000 }).toContain(body);
  });

  it('no worker, no CSP violation, no error about wasm in the page', () => {
    expect(workers).toEqual([]);
    expect(
      consoleErrors.filter((e) => /wasm|WebAssembly|CSP|Content.Security|SharedArrayBuffer|Memory/i.test(e)),
    ).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
