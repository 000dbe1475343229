/**
 * The review workflow (`npm run start:review`) end to end, in Chromium on the built /admin/ against
 * decap-server in git mode on a clone made the way the script makes it (scripts/lib/review-repo.mjs):
 * a practice in Dutch and English is saved as a draft on its own branch (main untouched), moved to
 * review and to ready, and published as one commit on main with exactly its two files; the site built
 * from that main has the practice's page. Editing a published entry goes through a draft too, and a
 * discarded draft leaves no branch and no commit behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openCmsSession, type CmsSession } from '../helpers/cms-admin.ts';
import { projectRoot } from '../helpers/paths.ts';
import { userEnv } from '../helpers/user-env.ts';
import { axeViolations } from '../helpers/axe.ts';
import { serveSite } from '../helpers/server.ts';
import { firstSearchResult } from '../helpers/search-page.ts';
import { prepareReviewRepo } from '../../scripts/lib/review-repo.mjs';

let work: string;
let clone: string;
let cms: CmsSession;
let page: Page;
const pageErrors: string[] = [];
const consoleProblems: string[] = [];

const admin = (hash: string) => cms.admin(hash);
const git = (...args: string[]) => execFileSync('git', ['-C', clone, ...args], { encoding: 'utf8' }).trim();
const branches = () =>
  git('branch', '--list', '--format=%(refname:short)')
    .split('\n')
    .filter((b) => b.startsWith('cms/'));
const control = (name: string, pane = 0) => page.locator(`[id^="${name}-field"]`).nth(pane);

const practice = {
  slug: 'review-een-buurtmaaltijd',
  nl: 'Review: een buurtmaaltijd',
  en: 'Review: a neighbourhood meal',
};
const files = [`content/practices/en/${practice.slug}.mdx`, `content/practices/nl/${practice.slug}.mdx`];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'shk-review-'));
  clone = join(work, 'repo');
  prepareReviewRepo(projectRoot, clone);
  cms = await openCmsSession(clone, {
    mode: 'git',
    cleanup: work,
    watch: (p) => {
      p.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message} (at ${p.url()})\n${e.stack ?? ''}`));
      p.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()}: ${m.text()}`);
      });
      p.on('dialog', (d) => void d.accept().catch(() => undefined));
    },
  });
  page = cms.page;
}, 120_000);

afterAll(() => cms?.close());

/** Saves the entry in the editor as a draft and waits for Decap to confirm it. */
async function saveDraft() {
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await page.getByText('Wijzigingen opgeslagen').first().waitFor({ timeout: 60_000 });
}

/** Sets the workflow status in the editor's toolbar (Concept, Wordt beoordeeld, Klaar). */
async function setStatus(label: string) {
  await page.getByRole('button', { name: /^Status: / }).click();
  await page.getByRole('menuitem', { name: label }).click();
  await page.getByRole('button', { name: `Status: ${label}` }).waitFor({ timeout: 60_000 });
}

async function publishNow() {
  await page.getByRole('button', { name: 'Publiceer', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Publiceer nu' }).click();
}

describe('CMS review workflow with real git (decap-server git mode on a clone)', () => {
  it("the clone starts on main at the project's commit, with no drafts", () => {
    expect(git('rev-parse', 'main')).toBe(
      execFileSync('git', ['-C', projectRoot, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim(),
    );
    expect(git('status', '--porcelain')).toBe('');
    expect(branches()).toEqual([]);
  });

  it('creates a practice in Dutch and English as a draft, reviews it, publishes it as one commit with its two files', async () => {
    const mainBefore = git('rev-parse', 'main');
    await page.goto(admin('/collections/practices/new'));
    await control('title').waitFor({ timeout: 60_000 });
    await control('title').fill(practice.nl);
    await control('summary').fill('Buren koken één keer per maand samen met de nieuwkomers.');
    await control('published').fill('2026-01-15');
    await control('themes').click();
    await page.keyboard.type('Matchen');
    await page.getByRole('option', { name: 'Matchen', exact: true }).first().click();
    await control('body').fill('## Wat de groep deed\n\nEen maaltijd met de hele straat.\n');
    await control('title', 1).fill(practice.en);
    await control('summary', 1).fill('Once a month, neighbours cook together with the newcomers.');
    await control('body', 1).fill('## What the group did\n\nA meal with the whole street.\n');
    await saveDraft();

    // The draft lives on its own branch; main is untouched, and so is the clone's working tree.
    expect(branches()).toEqual([`cms/practices/${practice.slug}`]);
    expect(git('rev-parse', 'main')).toBe(mainBefore);
    expect(git('diff', '--name-only', 'main', `cms/practices/${practice.slug}`).split('\n').sort()).toEqual(files);

    await setStatus('Wordt beoordeeld');
    // The workflow view shows it under review; it loads cleanly and axe finds nothing the project causes.
    consoleProblems.length = 0;
    await page.goto(admin('/workflow'));
    const card = page.getByText(practice.nl).first();
    await card.waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    expect(consoleProblems).toEqual([]);
    const violations = await axeViolations(page);
    console.log(`[cms-review] axe on the workflow view (Decap's own markup):\n${violations.join('\n') || 'none'}`);

    await page.goto(admin(`/collections/practices/entries/${practice.slug}`));
    await control('title').waitFor({ timeout: 60_000 });
    await setStatus('Klaar');
    expect(git('rev-parse', 'main'), 'ready is not published').toBe(mainBefore);
    await publishNow();
    await expect.poll(() => git('rev-parse', 'main'), { timeout: 60_000 }).not.toBe(mainBefore);

    // One commit on main (first parent) with exactly the entry's two files; the draft branch is gone.
    expect(git('rev-list', '--first-parent', '--count', `${mainBefore}..main`)).toBe('1');
    expect(git('diff', '--name-only', mainBefore, 'main').split('\n').sort()).toEqual(files);
    await expect.poll(branches).toEqual([]);
    expect(git('show', `main:${files[1]}`)).toContain(practice.nl);
  }, 300_000);

  it("the site built from the clone's main has the practice's page in both languages, and search finds it", async () => {
    // A checkout of main as a host would make it, built with the project's tools.
    const checkout = join(work, 'site');
    execFileSync('git', ['clone', '--quiet', '--branch', 'main', clone, checkout]);
    symlinkSync(join(projectRoot, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    const out = join(checkout, 'dist');
    const { CONTENT_DIR: _ignored, ...env } = userEnv();
    execFileSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: checkout,
      env: {
        ...env,
        ASTRO_OUT_DIR: out,
        ASTRO_CACHE_DIR: join(checkout, '.astro-cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: 'pipe',
      timeout: 400_000,
    });
    const nlPage = join(out, 'goede-praktijken', practice.slug, 'index.html');
    const enPage = join(out, 'en', 'best-practices', practice.slug, 'index.html');
    expect(existsSync(nlPage), nlPage).toBe(true);
    expect(readFileSync(nlPage, 'utf8')).toContain('een buurtmaaltijd');
    expect(readFileSync(enPage, 'utf8')).toContain('a neighbourhood meal');
    // Pagefind indexed it: each language's search page finds it first for its own word.
    const built = await serveSite(out);
    try {
      expect(await firstSearchResult(page.context(), built.origin, 'nl', 'buurtmaaltijd')).toMatchObject({
        path: `/goede-praktijken/${practice.slug}/`,
      });
      expect(await firstSearchResult(page.context(), built.origin, 'en', 'meal')).toMatchObject({
        path: `/en/best-practices/${practice.slug}/`,
      });
    } finally {
      await built.close();
    }
  }, 420_000);

  it('edits the published practice through a draft: main changes only on publish, only that file', async () => {
    const mainBefore = git('rev-parse', 'main');
    await page.goto(admin(`/collections/practices/entries/${practice.slug}`));
    await control('summary').waitFor({ timeout: 60_000 });
    await control('summary').fill('Buren koken twee keer per maand samen met de nieuwkomers.');
    await saveDraft();
    expect(branches()).toEqual([`cms/practices/${practice.slug}`]);
    expect(git('rev-parse', 'main')).toBe(mainBefore);
    await setStatus('Klaar');
    await publishNow();
    await expect.poll(() => git('rev-parse', 'main'), { timeout: 60_000 }).not.toBe(mainBefore);
    expect(git('diff', '--name-only', mainBefore, 'main')).toBe(files[1]);
    expect(git('show', `main:${files[1]}`)).toContain('twee keer per maand');
  }, 300_000);

  it('discards a draft: its branch goes, main and the content stay as they were', async () => {
    const mainBefore = git('rev-parse', 'main');
    await page.goto(admin('/collections/practices/new'));
    await control('title').waitFor({ timeout: 60_000 });
    await control('title').fill('Review: een concept dat weg mag');
    await control('summary').fill('Dit concept wordt weggegooid.');
    await control('published').fill('2026-01-15');
    await control('themes').click();
    await page.keyboard.type('Wonen');
    await page.getByRole('option', { name: 'Wonen', exact: true }).first().click();
    await saveDraft();
    expect(branches()).toEqual(['cms/practices/review-een-concept-dat-weg-mag']);
    await page.getByRole('button', { name: 'Niet-gepubliceerd item verwijderen' }).click();
    await expect.poll(branches, { timeout: 60_000 }).toEqual([]);
    expect(git('rev-parse', 'main')).toBe(mainBefore);
    expect(git('status', '--porcelain')).toBe('');
  }, 300_000);

  it('had no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
