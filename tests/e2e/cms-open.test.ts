/**
 * Opening is not editing: every starter entry, opened in the CMS with both languages side by side,
 * with the preview shown, and left again without a change, shows no "unsaved changes" marker and no
 * "leave page?" prompt, and the files on disk are byte-identical afterwards. Decap against the real
 * decap-server on a throw-away copy of the project (tests/helpers/project-copy.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Page } from 'playwright-core';
import { copyProject } from '../helpers/project-copy.ts';
import { openCmsSession, starterEntries, type CmsSession, type StarterEntry } from '../helpers/cms-admin.ts';

let repo: string;
let cms: CmsSession;
let page: Page;
let entries: StarterEntry[];
const prompts: string[] = [];
const pageErrors: string[] = [];

const admin = (hash: string) => cms.admin(hash);
const snapshot = (entry: StarterEntry) =>
  Object.fromEntries(entry.files.map((f) => [f, readFileSync(join(repo, f), 'utf8')]));

beforeAll(async () => {
  repo = copyProject('shk-cms-open-');
  entries = starterEntries(repo);
  cms = await openCmsSession(repo, {
    cleanup: repo,
    watch: (p) => {
      // A prompt is recorded (and accepted, so a navigation it would hold up goes on and the test can report it).
      p.on('dialog', (d) => {
        prompts.push(`${d.type()}: ${d.message()} (${p.url()})`);
        void d.accept().catch(() => undefined);
      });
      p.on('pageerror', (e) => pageErrors.push(e.message));
    },
  });
  page = cms.page;
}, 120_000);

afterAll(() => cms?.close());

describe('CMS: opening an entry is not editing', () => {
  it('finds the starter entries of every collection', () => {
    const collectionsSeen = new Set(entries.map((e) => e.collection));
    expect([...collectionsSeen].sort()).toEqual([
      'cases',
      'events',
      'materials',
      'news',
      'pages',
      'practices',
      'settings',
    ]);
    // Every localized starter entry has its English version (both panes get opened).
    expect(entries.filter((e) => e.files.length === 1 && e.files[0]!.includes('/nl/'))).toEqual([]);
  });

  it('opens every starter entry in both languages, shows the preview, leaves: no marker, no prompt, files unchanged', async () => {
    const before = Object.fromEntries(entries.map((e) => [`${e.collection}/${e.slug}`, snapshot(e)]));
    const report: string[] = [];
    for (const entry of entries) {
      const key = `${entry.collection}/${entry.slug}`;
      const promptsBefore = prompts.length;
      await page.goto(admin(`/collections/${entry.collection}/entries/${entry.slug}`));
      // The editor has the entry once its first field shows the stored title (or the site name).
      await page.locator('[id^="title-field"], [id^="name-field"]').first().waitFor({ timeout: 60_000 });
      // Widgets that load something (relations fetch titles, images their thumbnails) have done so. Best effort:
      // a page that never goes quiet is still checked below, and leaving it shows any prompt regardless.
      await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
      const localized = entry.files.length > 1;
      if (localized) {
        // Both languages: the English pane holds the English title.
        const english = yaml.load(
          /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(repo, entry.files[1]!), 'utf8'))![1]!,
        ) as { title: string };
        await expect
          .poll(() =>
            page.locator('[id^="title-field"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
          )
          .toContain(english.title);
      }
      const preview = page.getByTitle('Wissel voorvertoning');
      if (await preview.count()) {
        // Shown on the right already for a collection in one language; after the second language otherwise.
        if (localized) await preview.click();
        // The preview has drawn the entry (its heading).
        await page
          .frameLocator('iframe')
          .first()
          .locator('h1')
          .first()
          .waitFor()
          .catch((err: Error) => {
            throw new Error(`${key}: the preview shows no heading`, { cause: err });
          });
        // Decap remembers the pane shown on the right: back to the second language for the next entry.
        if (localized) await page.getByTitle('Wissel i18n').click();
      }
      const shown = await page.evaluate(() => document.body.innerText);
      if (/niet-opgeslagen wijzigingen/i.test(shown))
        report.push(`${key}: "Niet-opgeslagen wijzigingen" shown after opening`);
      // Nothing to save: the editor offers no "Publiceer" (saving an unchanged entry is not possible).
      if (await page.getByRole('button', { name: 'Publiceer', exact: true }).count())
        report.push(`${key}: offers to publish an unchanged entry`);
      // Leave inside the CMS (back to the list: Decap's own navigation guard) and then the page itself.
      await page
        .getByRole('link', { name: /Terug naar/ })
        .first()
        .click();
      await page.waitForURL(/#\/collections\/[^/]+$/);
      await page.goto('about:blank');
      if (prompts.length > promptsBefore) report.push(`${key}: ${prompts.slice(promptsBefore).join('; ')}`);
    }
    expect(report).toEqual([]);
    for (const entry of entries)
      expect(snapshot(entry), `${entry.collection}/${entry.slug}`).toEqual(before[`${entry.collection}/${entry.slug}`]);
  }, 900_000);

  it('had no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
