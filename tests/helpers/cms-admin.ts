/**
 * Helpers for Chromium tests of the CMS (/admin/ of the built site against a decap-server): the
 * entries content/ holds, and the page that logs in. Entry names are read from the folder at run
 * time, so the tests cover whatever starter content the project has.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveSite, type StaticServer } from './server.ts';
import { startDecapServer, type DecapServer } from './decap-server.ts';
import { collections, collectionNames } from '../../src/schema/index.ts';

export interface StarterEntry {
  /** Decap's collection name (`settings` is the file collection of content/settings/site.yaml). */
  collection: string;
  slug: string;
  /** The entry's files, relative to the project root (both language versions where they exist). */
  files: string[];
}

/** Every entry under `root`/content, with its files: the items an editor can open in the CMS. */
export function starterEntries(root: string): StarterEntry[] {
  const out: StarterEntry[] = [];
  for (const name of collectionNames) {
    const def = collections[name];
    const dir = join('content', def.folder);
    if (def.format === 'yaml') {
      for (const f of existsSync(join(root, dir))
        ? readdirSync(join(root, dir))
            .filter((f) => f.endsWith('.yaml'))
            .sort()
        : []) {
        out.push({ collection: name, slug: f.replace(/\.yaml$/, ''), files: [join(dir, f)] });
      }
      continue;
    }
    const nl = join(root, dir, 'nl');
    for (const f of existsSync(nl)
      ? readdirSync(nl)
          .filter((f) => f.endsWith('.mdx'))
          .sort()
      : []) {
      const files = ['nl', 'en'].map((l) => join(dir, l, f)).filter((p) => existsSync(join(root, p)));
      out.push({ collection: name, slug: f.replace(/\.mdx$/, ''), files });
    }
  }
  out.push({ collection: 'settings', slug: 'site', files: ['content/settings/site.yaml'] });
  return out;
}

/** Opens the CMS and logs in (decap-server needs no account: the button is enough). */
export async function loginToCms(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('link', { name: collections.practices.label.nl }).first().waitFor({ timeout: 90_000 });
}

/** A logged-in CMS in Chromium: the built /admin/ served on 127.0.0.1, talking to its own decap-server. */
export interface CmsSession {
  decap: DecapServer;
  site: StaticServer;
  browser: Browser;
  page: Page;
  /** URL of a CMS screen; each is a full page load (Decap does not reload its editor on a hash change alone). */
  admin: (hash: string) => string;
  /** Stops browser, site and decap-server, and removes `cleanup` (the test's throw-away folder). */
  close: () => Promise<void>;
}

/**
 * Starts decap-server on `repo` (fs mode, or git mode for the review workflow), serves the built site,
 * opens Chromium (Dutch, a desktop window), lets `watch` attach listeners, and logs in.
 */
export async function openCmsSession(
  repo: string,
  options: { mode?: 'fs' | 'git'; cleanup: string; watch?: (page: Page) => void },
): Promise<CmsSession> {
  // The site first: the CMS backend answers only the origin /admin/ is served from.
  const site = await serveSite();
  const decap = await startDecapServer(repo, [site.origin], options.mode ?? 'fs');
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  options.watch?.(page);
  let loads = 0;
  const admin = (hash: string) => `${site.origin}/admin/?decap_port=${decap.port}&load=${++loads}#${hash}`;
  const close = async () => {
    await browser.close().catch(() => undefined);
    await site.close().catch(() => undefined);
    await decap.close().catch(() => undefined);
    rmSync(options.cleanup, { recursive: true, force: true });
  };
  await loginToCms(page, admin('/'));
  return { decap, site, browser, page, admin, close };
}
