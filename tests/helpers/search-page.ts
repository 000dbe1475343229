/** The site's own search page, driven in Chromium: the first result for a query in one language. */
import type { BrowserContext } from 'playwright-core';
import { sectionPath } from '../../src/i18n/routes.ts';

export interface FirstResult {
  /** Path of the first result's page. */
  path: string;
  /** Its title as the result list shows it. */
  title: string;
}

/** Opens `origin`'s search page for `locale` with `query` and reads the first result. */
export async function firstSearchResult(
  context: BrowserContext,
  origin: string,
  locale: 'nl' | 'en',
  query: string,
): Promise<FirstResult> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}${sectionPath(locale, 'search')}?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('[data-search-page][data-ready]');
    const first = page.locator('[data-search-page] .sr-result .sr-link').first();
    await first.waitFor();
    return {
      path: new URL(await first.evaluate((a) => (a as HTMLAnchorElement).href)).pathname,
      title: (await first.textContent()) ?? '',
    };
  } finally {
    await page.close();
  }
}
