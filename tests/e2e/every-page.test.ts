/**
 * Every page of the built site in both languages (read from the built files), in Chromium on
 * 127.0.0.1: axe reports no WCAG 2.1 A/AA (and 2.2 AA) violation, no request leaves 127.0.0.1, no cookie is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveSite, type StaticServer } from '../helpers/server.ts';
import { sitePages } from '../helpers/html.ts';

// Redirect pages are left out: they navigate away at once (their targets are checked themselves).
const paths = sitePages().map((p) => p.path);

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const outside: string[] = [];
const cspViolations: string[] = [];

beforeAll(async () => {
  server = await serveSite();
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${server.origin}/`) && !/^(data|blob|about):/.test(url))
      outside.push(`${page.url()} -> ${url}`);
  });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

const axe = (p: Page) => axeViolations(p);

describe('every page', () => {
  it('covers both languages', () => {
    expect(paths.filter((p) => p.startsWith('/en/')).length).toBeGreaterThan(10);
    expect(paths.filter((p) => !p.startsWith('/en/')).length).toBeGreaterThan(10);
  });

  it('has no axe violations (WCAG 2.1 A and AA, 2.2 AA)', async () => {
    const problems: string[] = [];
    for (const path of paths) {
      const response = await page.goto(server.origin + path);
      expect(response?.ok(), path).toBe(true);
      const violations = await axe(page);
      if (violations.length) problems.push(`${path}\n  ${violations.join('\n  ')}`);
    }
    expect(problems.join('\n')).toBe('');
  }, 600_000);

  it('has no axe violations on a narrow screen, menu closed and open', async () => {
    const narrow = await context.newPage();
    await narrow.setViewportSize({ width: 375, height: 800 });
    const problems: string[] = [];
    for (const path of paths.filter((p) => /^\/(en\/)?([^/]+\/)?$/.test(p)).slice(0, 12)) {
      await narrow.goto(server.origin + path);
      problems.push(...(await axe(narrow)).map((v) => `${path} (closed): ${v}`));
      await narrow.click('.menu-toggle');
      problems.push(...(await axe(narrow)).map((v) => `${path} (open): ${v}`));
    }
    await narrow.close();
    expect(problems.join('\n')).toBe('');
  }, 300_000);

  it('made no request outside 127.0.0.1', () => {
    expect(outside).toEqual([]);
  });

  it('broke no rule of its Content-Security-Policy', () => {
    expect(cspViolations).toEqual([]);
  });

  it('set no cookie', async () => {
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });
});
