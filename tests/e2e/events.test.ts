/**
 * Events in Chromium on the built site: accessibility (axe, WCAG 2.1 A/AA) of an event page, a material
 * page and a room card; from a room card (its link and its QR code) to the session on the event page;
 * "add to calendar" downloads the .ics in one click.
 *
 * Searching a phrase from a PDF in Chromium is tested once the search branch (Pagefind) is merged: the
 * build tests already check that the PDF text sits inside <main> of the material page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { launchBrowser } from '../helpers/browser.ts';
import { serveSite, type StaticServer } from '../helpers/server.ts';
import { loadEvents } from '../helpers/events-content.ts';
import { entryPath } from '../../src/i18n/routes.ts';
import { eventIcsPath, roomCardPath } from '../../src/lib/event-paths.ts';
import { SITE_URL } from '../../src/site.config.ts';

const events = loadEvents();
const event = events.find((e) => e.locale === 'nl' && e.data.sessions.some((s) => s.materials.length > 0))!;
const session = event.data.sessions.find((s) => s.materials.length > 0)!;
const material = session.materials[0]!;

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await serveSite();
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${server.origin}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('accessibility (axe, WCAG 2.1 A and AA, 2.2 AA)', () => {
  const pages: [string, string][] = [
    ['event page (nl)', entryPath('events', event.slug, 'nl')],
    ['material page (nl)', entryPath('materials', material, 'nl')],
    ['material page (en)', entryPath('materials', material, 'en')],
    ['room card A4 (nl)', roomCardPath('nl', event.slug, session.id)],
    ['room card A5 (nl)', roomCardPath('nl', event.slug, session.id, 'a5')],
    ['events index (nl)', '/evenementen/'],
  ];
  if (events.some((e) => e.slug === event.slug && e.locale === 'en')) {
    pages.push(
      ['event page (en)', entryPath('events', event.slug, 'en')],
      ['room card A4 (en)', roomCardPath('en', event.slug, session.id)],
    );
  }

  it.each(pages)('%s has no violations', async (_, path) => {
    const page = await open(path);
    // Open the collapsed PDF text so axe checks it too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('from a room card to the session', () => {
  it('the short link on the card lands on the session anchor of the event page', async () => {
    const page = await open(roomCardPath('nl', event.slug, session.id));
    await page.click('.card-url a');
    await page.waitForURL((url) => url.hash === `#${session.id}`);
    const url = new URL(page.url());
    expect(url.pathname).toBe(entryPath('events', event.slug, 'nl'));
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(session.id);
    // The session's materials are right there.
    expect(await page.locator(`[id="${session.id}"] a[href="${entryPath('materials', material, 'nl')}"]`).count()).toBe(
      1,
    );
    await page.close();
  });

  it('the QR code on the card, as a camera sees it, leads to the same place', async () => {
    const page = await open(roomCardPath('nl', event.slug, session.id));
    const shot = await page.locator('.card-qr svg').screenshot();
    const { data, info } = await sharp(shot).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const decoded = jsQR(
      new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
      info.width,
      info.height,
    )?.data;
    expect(decoded).toMatch(new RegExp(`^${SITE_URL.replace(/[.]/g, '\\.')}/m/[a-z0-9-]+/$`));
    // The phone would open SITE_URL; here the same path is opened on the local server.
    await page.goto(`${server.origin}${new URL(decoded!).pathname}`);
    await page.waitForURL((url) => url.hash === `#${session.id}`);
    expect(new URL(page.url()).pathname).toBe(entryPath('events', event.slug, 'nl'));
    await page.close();
  });
});

describe('add to calendar', () => {
  it('downloads the event .ics in one click', async () => {
    const page = await open(entryPath('events', event.slug, 'nl'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.event-facts a.add-to-calendar')]);
    expect(download.suggestedFilename()).toBe(`${event.slug}.ics`);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR/);
    expect(new URL(download.url()).pathname).toBe(eventIcsPath('nl', event.slug));
    await page.close();
  });
});
