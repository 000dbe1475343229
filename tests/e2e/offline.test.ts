/**
 * Offline use in Chromium on the built site (service workers work on http://127.0.0.1): save the congress
 * event, lose the network, and still open its page, materials, files, short links and room cards; an unsaved
 * page shows the offline page of its language listing the saved event; search says it needs a connection;
 * remove the pack and it is gone; a new deploy with a changed material updates the saved pack once online;
 * axe on the event page with the control in each state.
 *
 * Offline means both: Chromium's own offline mode (context.setOffline) and a server that drops every
 * connection, so nothing can come from the network, whoever asks.
 * The tests run in order and share one browser context (one device): each step starts where the last ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveSite, type StaticServer } from '../helpers/server.ts';
import { testDist } from '../helpers/paths.ts';

const EVENT = '/evenementen/congres-van-migratie-tot-participatie-2024/';
const EVENT_EN = '/en/events/congres-van-migratie-tot-participatie-2024/';
const EVENT_TITLE = 'Congres Van Migratie tot Participatie 2024';
const SESSION_TITLE =
  'Workshop Justice & Peace: burgerparticipatie bij de opvang van nieuwkomers via community sponsorship';
const ROOM_CARD = `${EVENT}workshop-samen-hier/kaart/`;
const MATERIALS = [
  {
    page: '/materialen/voorbeeld-handout-workshop/',
    file: '/uploads/voorbeeld-handout-workshop.pdf',
    title: 'Voorbeeld-hand-out: conclusies van de workshop over Samen Hier (voorbeeld)',
  },
  {
    page: '/materialen/example-slides-workshop/',
    file: '/uploads/example-slides-workshop.pdf',
    title: 'Example slides: conclusions of the Samen Hier workshop (example)',
  },
];
/** Short links of the session and the two materials, and where each leads (src/lib/short-links.ts derives the codes). */
const SHORT_LINKS = [
  { path: '/m/zhg8n/', lands: `${EVENT}#workshop-samen-hier` },
  { path: '/m/j9eva/', lands: '/materialen/voorbeeld-handout-workshop/' },
  { path: '/m/2ppb0/', lands: '/en/materials/example-slides-workshop/' },
];

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const deploys: string[] = [];

beforeAll(async () => {
  server = await serveSite();
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  for (const dir of deploys) rmSync(dir, { recursive: true, force: true });
});

async function goOffline(offline: boolean) {
  server.setReachable(!offline);
  await context.setOffline(offline);
}

const control = () => page.locator('#offline-save');
const status = () => control().locator('[role="status"]');
const focusedAction = () => page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.value);

/** Cache names and the registry's packs, as the page sees them. */
const storage = () =>
  page.evaluate(async () => ({
    caches: await caches.keys(),
    packs: Object.keys(((await (await caches.match('/.offline'))?.json()) ?? { packs: {} }).packs),
  }));

/** Press a control's button from the keyboard. */
async function press(action: 'save' | 'remove') {
  await control().locator(`button[value="${action}"]`).focus();
  await page.keyboard.press('Enter');
}

/**
 * Open a file from its link on the current page, as a phone does (a plain link: see MaterialItem.astro), and
 * read its bytes through the page (which the worker answers as it answers the link).
 */
async function openFile(href: string): Promise<Buffer> {
  const bytes = await page.evaluate(async (path) => [...new Uint8Array(await (await fetch(path)).arrayBuffer())], href);
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === href),
    page.locator(`a.material-download[href="${href}"]`).first().click(),
  ]);
  expect(response.status(), href).toBe(200);
  expect(response.fromServiceWorker(), `${href} answered by the service worker`).toBe(true);
  expect(response.headers()['content-type'], href).toBe('application/pdf');
  return Buffer.from(bytes);
}

async function expectNoAxeViolations(state: string) {
  expect(await axeViolations(page), `axe, control ${state}`).toEqual([]);
}

describe('offline use of an event', () => {
  it('shows the control only where the browser supports it', async () => {
    const without = await context.newPage();
    await without.addInitScript(() => delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker);
    await without.goto(server.origin + EVENT);
    await expect.poll(() => without.evaluate(() => document.readyState)).toBe('complete');
    expect(await without.locator('#offline-save').isHidden()).toBe(true);
    await without.close();
  });

  it('says what it stores, saves the congress event from the keyboard with progress, and shows when', async () => {
    await page.goto(server.origin + EVENT);
    await expect.poll(() => control().isVisible()).toBe(true);
    await expect
      .poll(() => control().locator('[data-unsaved] p').textContent())
      .toMatch(/^Bewaart het programma, de zaalkaarten en 2 materialen op dit apparaat, \d+(,\d)? kB\.$/);
    expect(await control().locator('button[value="save"]').textContent()).toBe('Bewaar voor offline gebruik');
    await expectNoAxeViolations('unsaved');

    await page.evaluate(() => {
      const live = document.querySelector('#offline-save [role="status"]')!;
      (window as unknown as { said: string[] }).said = [];
      new MutationObserver(() => (window as unknown as { said: string[] }).said.push(live.textContent ?? '')).observe(
        live,
        { childList: true, characterData: true, subtree: true },
      );
    });
    await press('save');
    await expect
      .poll(() => status().textContent(), { timeout: 30_000 })
      .toBe('Bewaard. Dit evenement werkt nu ook zonder verbinding.');
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(
      said.some((s) => /^Bezig met bewaren: \d+ van \d+ bestanden \(\d+%\)$/.test(s)),
      said.join(' | '),
    ).toBe(true);
    expect(await control().locator('[data-saved] p').textContent()).toMatch(
      /^Offline beschikbaar · bijgewerkt \d{2}:\d{2}$/,
    );
    expect(await control().locator('[data-unsaved]').isHidden()).toBe(true);
    expect(await focusedAction()).toBe('remove');
    expect((await storage()).packs).toEqual(['nl/congres-van-migratie-tot-participatie-2024']);
    await expectNoAxeViolations('saved');

    // A reload shows the saved state at once.
    await page.reload();
    await expect.poll(() => control().locator('[data-saved]').isVisible()).toBe(true);
  });

  it('offline: the event page, every material page and file, every short link and a room card still open', async () => {
    await goOffline(true);
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe(EVENT_TITLE);
    expect(await page.locator('#workshop-samen-hier h3').textContent()).toBe(SESSION_TITLE);

    for (const material of MATERIALS) {
      await page.goto(server.origin + material.page);
      expect(await page.locator('h1').textContent(), material.page).toBe(material.title);
      expect(await openFile(material.file), material.file).toEqual(readFileSync(join(testDist, material.file)));
    }
    for (const link of SHORT_LINKS) {
      await page.goto(server.origin + link.path);
      await page.waitForURL(server.origin + link.lands);
      expect(await page.locator('h1').count(), link.path).toBe(1);
    }
    await page.goto(server.origin + ROOM_CARD);
    expect(await page.locator('h1').textContent()).toBe(SESSION_TITLE);
    const ics = await page.evaluate((path) => fetch(path).then((r) => r.text()), EVENT.replace(/\/$/, '.ics'));
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
  });

  it('offline: a page not saved shows the offline page in its own language, listing the saved event', async () => {
    for (const [path, title, missing] of [
      ['/nieuws/', 'Offline beschikbaar', 'U bent offline, en de pagina die u opende is niet op dit apparaat bewaard.'],
      ['/en/news/', 'Available offline', 'You are offline, and the page you opened is not saved on this device.'],
    ] as const) {
      await page.goto(server.origin + path);
      expect(page.url()).toBe(server.origin + path);
      expect(await page.locator('h1').textContent(), path).toBe(title);
      await expect.poll(() => page.locator('[data-offline-missing]').textContent()).toBe(missing);
      await expect
        .poll(() =>
          page
            .locator('[data-offline-list] a')
            .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent])),
        )
        .toEqual([[EVENT, EVENT_TITLE]]);
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('offline: search (the dialog, and the search page seen before) says it needs a connection and links the saved event', async () => {
    await page.goto(server.origin + EVENT);
    await page.keyboard.press('/');
    await page.locator('#sr-dialog-input').fill('wonen');
    const dialog = page.locator('dialog.sr-dialog');
    await expect
      .poll(() => dialog.locator('.sr-status').textContent())
      .toBe(
        'Zoeken heeft een internetverbinding nodig. Zonder verbinding kunt u de evenementen openen die u op dit apparaat hebt bewaard:',
      );
    expect(await dialog.locator('.sr-empty a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      EVENT,
    ]);
    await page.keyboard.press('Escape');

    // The search page, opened once online (so kept while browsing), then offline.
    await goOffline(false);
    await page.goto(server.origin + '/en/search/');
    await goOffline(true);
    await page.reload();
    await page.locator('[data-search-page] input[type="search"]').fill('housing');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-search-page] [data-status]').textContent())
      .toBe('Search needs an internet connection. Without one, you can open the events you saved on this device:');
    expect(
      await page
        .locator('[data-search-page] [data-empty] a')
        .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('lang')])),
    ).toEqual([[EVENT, 'nl']]);
  });

  it('offline: saving another event fails with a clear message; axe on that state', async () => {
    await page.goto(server.origin + EVENT_EN);
    // Not saved: the offline page stands in for it.
    expect(await page.locator('h1').textContent()).toBe('Available offline');
    await goOffline(false);
    await page.goto(server.origin + EVENT_EN);
    await expect
      .poll(() => control().locator('[data-unsaved] p').textContent())
      .toMatch(/^Stores the programme, the room cards and 2 materials on this device, \d+(\.\d)? kB\.$/);
    await goOffline(true);
    await press('save');
    await expect
      .poll(() => status().textContent())
      .toMatch(/^Saving did not work \(.+\)\. Try again when you have a connection\.$/);
    await expectNoAxeViolations('after a failed save');
    expect((await storage()).packs).toEqual(['nl/congres-van-migratie-tot-participatie-2024']);
    expect((await storage()).caches.filter((c) => c.startsWith('shk-pack-'))).toHaveLength(1);
  });

  it('removing the pack removes it from the device', async () => {
    await page.goto(server.origin + EVENT);
    await expect.poll(() => control().locator('[data-saved]').isVisible()).toBe(true);
    await press('remove');
    await expect.poll(() => status().textContent()).toBe('Verwijderd van dit apparaat.');
    expect(await control().locator('[data-saved]').isHidden()).toBe(true);
    expect(await focusedAction()).toBe('save');
    const after = await storage();
    expect(after.packs).toEqual([]);
    expect(after.caches.filter((c) => c.startsWith('shk-pack-'))).toEqual([]);
    // Still offline: a material page that was only in the pack is gone.
    await page.goto(server.origin + MATERIALS[0]!.page);
    expect(await page.locator('h1').textContent()).toBe('Offline beschikbaar');
  });

  it('a new deploy with a changed material updates the saved pack once back online, and drops the old build', async () => {
    await goOffline(false);
    await page.goto(server.origin + EVENT);
    await expect.poll(() => control().isVisible()).toBe(true);
    await press('save');
    await expect
      .poll(() => status().textContent(), { timeout: 30_000 })
      .toBe('Bewaard. Dit evenement werkt nu ook zonder verbinding.');
    const before = await storage();

    // The deploy: the same site with one material file changed, a new pack version and a new worker build.
    const next = mkdtempSync(join(tmpdir(), 'offline-deploy-'));
    deploys.push(next);
    cpSync(testDist, next, { recursive: true });
    const changed = Buffer.concat([
      readFileSync(join(testDist, MATERIALS[0]!.file)),
      Buffer.from('\n% updated handout\n'),
    ]);
    writeFileSync(join(next, MATERIALS[0]!.file), changed);
    const manifest = join(next, 'offline/congres-van-migratie-tot-participatie-2024.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"version":"[0-9a-f]+"/g, '"version":"deploy2"'));
    const worker = readFileSync(join(next, 'sw.js'), 'utf8');
    const oldBuild = /build ([0-9a-f]{12})/.exec(worker)![1]!;
    writeFileSync(join(next, 'sw.js'), worker.replaceAll(oldBuild, 'deploy2build'));
    expect(before.caches).toContain(`shk-core-${oldBuild}`);
    server.serveFrom(next);

    await page.goto(server.origin + EVENT);
    const cached = () =>
      page.evaluate(async (file) => {
        const registry = await (await caches.match('/.offline'))!.json();
        const pack = registry.packs['nl/congres-van-migratie-tot-participatie-2024'];
        const hit = await (await caches.open(pack.cache)).match(file);
        return { version: pack.version, bytes: hit ? (await hit.arrayBuffer()).byteLength : 0 };
      }, MATERIALS[0]!.file);
    await expect.poll(cached, { timeout: 30_000 }).toEqual({ version: 'deploy2', bytes: changed.length });
    const after = await storage();
    expect(after.caches.filter((c) => c.includes(oldBuild))).toEqual([]);
    expect(after.caches.filter((c) => c.startsWith('shk-pack-'))).toEqual([
      'shk-pack-nl-congres-van-migratie-tot-participatie-2024-deploy2',
    ]);

    await goOffline(true);
    await page.goto(server.origin + MATERIALS[0]!.page);
    expect(await openFile(MATERIALS[0]!.file)).toEqual(changed);
    await goOffline(false);
  });
});
