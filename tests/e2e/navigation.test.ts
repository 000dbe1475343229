/**
 * A visitor in Chromium on the built site (served on 127.0.0.1): home → practice → related case,
 * the language switch, keyboard-only use of the skip link and the menu on a narrow screen, the
 * menu without JavaScript, copy link, and the print stylesheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { serveSite, type StaticServer } from '../helpers/server.ts';
import { contentEntries, list } from '../helpers/content-data.ts';
import { sitePages, find, attr, hasClass } from '../helpers/html.ts';
import { entryPath, homePath } from '../../src/i18n/routes.ts';
import { dictionaries } from '../../src/i18n/t.ts';

let server: StaticServer;
let browser: Browser;
const entries = contentEntries();

beforeAll(async () => {
  server = await serveSite();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
  const page = await browser.newPage(options);
  await page.goto(server.origin + path);
  return page;
}
const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Cases related to a practice in either direction, that have a page. */
function casesOf(slug: string): string[] {
  const practice = entries.find((e) => e.collection === 'practices' && e.locale === 'nl' && e.slug === slug)!;
  const cases = entries.filter((e) => e.collection === 'cases' && e.locale === 'nl');
  const listed = list(practice, 'cases');
  return cases.filter((c) => listed.includes(c.slug) || list(c, 'practices').includes(slug)).map((c) => c.slug);
}

describe('a visitor', () => {
  it('goes from home to a practice to a related case', async () => {
    const page = await open('/');
    const hrefs = await page
      .locator('[aria-labelledby="home-practices"] .card__title a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    const withCase = hrefs.find((h) => casesOf(h.split('/').at(-2)!).length > 0);
    expect(withCase, 'a featured practice on home with a related municipality (check the content)').toBeDefined();
    await page.click(`a[href="${withCase}"]`);
    expect(pathOf(page)).toBe(withCase);
    const slug = withCase!.split('/').at(-2)!;
    const practiceTitle = await page.locator('h1').textContent();
    expect(practiceTitle?.trim().length).toBeGreaterThan(3);

    const caseLink = page.locator('[aria-labelledby="related-cases"] .card__title a').first();
    const caseHref = await caseLink.getAttribute('href');
    expect(casesOf(slug).map((c) => entryPath('cases', c, 'nl'))).toContain(caseHref);
    await caseLink.click();
    expect(pathOf(page)).toBe(caseHref);
    // ...and the case links back to the practice.
    expect(await page.locator(`[aria-labelledby="related-practices"] a[href="${withCase}"]`).count()).toBe(1);
    await page.close();
  });

  it('switches language to the counterpart page and back', async () => {
    const twin = entries.find((e) => e.collection === 'practices' && e.locale === 'en')!;
    const nl = entryPath('practices', twin.slug, 'nl');
    const en = entryPath('practices', twin.slug, 'en');
    const page = await open(nl);
    await page.click('header .lang-switch');
    expect(pathOf(page)).toBe(en);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('header .lang-switch');
    expect(pathOf(page)).toBe(nl);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await page.close();
  });

  it('without a translation, lands on the other language with a visible notice', async () => {
    // A page whose switch has no counterpart: an untranslated entry if content has one, else the 404 page.
    const untranslated = sitePages().find((p) => {
      const sw = find(p.doc, (el) => el.tagName === 'a' && hasClass(el, 'lang-switch'));
      return sw && attr(sw, 'href')!.endsWith('#untranslated') && p.path !== '/404.html';
    });
    const from = untranslated?.path ?? '/en/404/';
    const page = await open(from);
    const target = await page.getAttribute('header .lang-switch', 'href');
    await page.click('header .lang-switch');
    expect(pathOf(page) + new URL(page.url()).hash).toBe(target);
    const lang = (await page.getAttribute('html', 'lang')) as 'nl' | 'en';
    expect(from.startsWith('/en/') ? 'nl' : 'en').toBe(lang);
    const notice = page.locator('#untranslated');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect((await notice.textContent())?.trim()).toBe(dictionaries[lang]['lang.noTranslation']);
    // The notice is hidden when the same page is opened normally.
    await page.goto(server.origin + pathOf(page));
    expect(await page.locator('#untranslated').isVisible()).toBe(false);
    await page.close();
  });
});

describe('keyboard only, narrow screen', () => {
  it('the skip link is the first stop, becomes visible, and moves focus to the content', async () => {
    const page = await open('/', { viewport: { width: 375, height: 800 } });
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 10).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab goes into the content, not back to the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await page.close();
  });

  it('opens the menu, walks into it, and closes it with Escape', async () => {
    const page = await open(homePath('nl'), { viewport: { width: 375, height: 800 } });
    const toggle = page.locator('.menu-toggle');
    const firstLink = page.locator('#site-nav a').first();
    expect(await toggle.isVisible()).toBe(true);
    expect(await firstLink.isVisible()).toBe(false);
    for (let i = 0; i < 10 && !(await toggle.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await firstLink.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await firstLink.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await firstLink.isVisible()).toBe(false);
    // Space toggles too, then following a menu link works.
    await page.keyboard.press('Space');
    expect(await firstLink.isVisible()).toBe(true);
    const href = await firstLink.getAttribute('href');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(server.origin + href);
    await page.close();
  });

  it('without JavaScript the whole menu is shown and the button is not', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.origin + '/');
    expect(await page.locator('.menu-toggle').isVisible()).toBe(false);
    const links = page.locator('#site-nav a');
    const count = await links.count();
    expect(count).toBeGreaterThan(4);
    for (let i = 0; i < count; i++) expect(await links.nth(i).isVisible()).toBe(true);
    await context.close();
  });

  it('has no horizontal scrolling at 320 px', async () => {
    for (const path of [
      '/',
      entryPath('practices', entries.find((e) => e.collection === 'practices')!.slug, 'nl'),
      entryPath('cases', entries.find((e) => e.collection === 'cases')!.slug, 'nl'),
    ]) {
      const page = await open(path, { viewport: { width: 320, height: 700 } });
      await page.locator('.menu-toggle').click();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
  });
});

describe('detail page tools', () => {
  const practice = entries.find((e) => e.collection === 'practices' && e.locale === 'nl')!;
  const path = entryPath('practices', practice.slug, 'nl');

  it('copies the link with the copy-link button', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(server.origin + path);
    await page.click('[data-copy-link]');
    await expect.poll(() => page.locator('.copy-link__status').textContent()).toBe(dictionaries.nl['share.copied']);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(server.origin + path);
    expect(pathOf(page)).toBe(path);
    await context.close();
  });

  it('prints without navigation, with the address and date of the page', async () => {
    const page = await open(path);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.locator('.copy-link').isVisible()).toBe(false);
    const origin = page.locator('.print-origin');
    expect(await origin.isVisible()).toBe(true);
    expect(await origin.textContent()).toContain(path);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(1000);
    await page.close();
  });
});
