/**
 * Helpers for Chromium tests of the CMS (/admin/ of the built site against a decap-server): the
 * entries content/ holds, and the page that logs in. Entry names are read from the folder at run
 * time, so the tests cover whatever starter content the project has.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
      for (const f of existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.endsWith('.yaml')).sort() : []) {
        out.push({ collection: name, slug: f.replace(/\.yaml$/, ''), files: [join(dir, f)] });
      }
      continue;
    }
    const nl = join(root, dir, 'nl');
    for (const f of existsSync(nl) ? readdirSync(nl).filter((f) => f.endsWith('.mdx')).sort() : []) {
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
