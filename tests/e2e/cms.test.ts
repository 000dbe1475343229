/**
 * The CMS end to end, in Chromium, against the built /admin/ and the real decap-server on 127.0.0.1.
 *
 * decap-server works on a throw-away copy of the project's content (GIT_REPO_DIRECTORY in a temp
 * folder), so nothing a test writes can touch the working tree, and the copy is removed after the
 * run, also when a test fails. The page is pointed at that decap-server with ?decap_port= (honoured
 * by admin/main.ts on loopback addresses only).
 *
 * Names of existing entries are read from content/ at run time: whatever starter content main has.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { imageProblems } from '../../scripts/lib/page-weight.ts';
import { userEnv } from '../helpers/user-env.ts';
import { existsSync, writeFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { serveSite, type StaticServer } from '../helpers/server.ts';
import { startDecapServer, type DecapServer } from '../helpers/decap-server.ts';
import { projectRoot } from '../helpers/paths.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { checkMdx } from '../../admin/mdx/guard.ts';
import { collections, type CollectionName } from '../../src/schema/index.ts';
import { entryPath } from '../../src/i18n/routes.ts';
import { firstSearchResult } from '../helpers/search-page.ts';
import { z } from 'astro/zod';

let repo: string;
let decap: DecapServer;
let site: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const outsideRequests: string[] = [];
let cmsContext: BrowserContext;
let loginMs = 0;
const consoleLog: string[] = [];

let loads = 0;
/**
 * URL of a CMS screen. Each visit is a full page load (a fresh query string): Decap does not reload
 * its editor when only the hash changes from one entry to another.
 */
const admin = (hash: string) => `${site.origin}/admin/?decap_port=${decap.port}&load=${++loads}#${hash}`;
const file = (...parts: string[]) => join(repo, ...parts);
const read = (...parts: string[]) => readFileSync(file(...parts), 'utf8');

function splitMdx(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?\n)---/.exec(text);
  if (!m) throw new Error(`no frontmatter in:\n${text.slice(0, 200)}`);
  return { data: (yaml.load(m[1]!) ?? {}) as Record<string, unknown>, body: text.slice(m[0].length) };
}

function titleOf(collection: CollectionName, slug: string): string {
  const path =
    collections[collection].format === 'mdx'
      ? join(projectRoot, 'content', collections[collection].folder, 'nl', `${slug}.mdx`)
      : join(projectRoot, 'content', collections[collection].folder, `${slug}.yaml`);
  const text = readFileSync(path, 'utf8');
  const data =
    collections[collection].format === 'mdx' ? splitMdx(text).data : (yaml.load(text) as Record<string, unknown>);
  return String(data.title);
}

function slugsOf(collection: CollectionName): string[] {
  const def = collections[collection];
  const dir = join(projectRoot, 'content', def.folder, def.format === 'mdx' ? 'nl' : '');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(mdx|yaml)$/.test(f))
        .map((f) => f.replace(/\.(mdx|yaml)$/, ''))
        .sort()
    : [];
}

/** `probe()`, with a throw counted as "not yet" (e.g. a file read while decap-server is still writing it). */
async function attempt<T>(probe: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await probe();
  } catch {
    return undefined;
  }
}

/** Polls `probe` (vi.waitFor) until it gives a value; a timeout names `what`, plus what `explain` reports. */
async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeout = 30_000,
  explain?: () => Promise<string>,
): Promise<T> {
  try {
    return await vi.waitFor(
      async () => {
        const value = await attempt(probe);
        if (!value) throw new Error(`not yet: ${what}`);
        return value as T;
      },
      { timeout, interval: 200 },
    );
  } catch {
    throw new Error(`timed out waiting for ${what}${explain ? `\n${await explain()}` : ''}`);
  }
}

/**
 * The content checks over the copy: the project's own `check:content` when the tree has it, and in
 * any case the schema of each collection (image paths must exist) and the MDX guard's rules.
 */
function checkEntry(collection: CollectionName, relPath: string) {
  const abs = file(relPath);
  const text = readFileSync(abs, 'utf8');
  const { data, body } = splitMdx(text);
  const schema = collections[collection].schema({
    image: () =>
      z.string().refine((p) => existsSync(p.startsWith('/') ? file('public', p) : join(abs, '..', p)), {
        error: 'image file does not exist',
      }),
  });
  const result = schema.safeParse(data);
  expect(result.success, `${relPath}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
  expect(checkMdx(body), `${relPath}: MDX guard`).toEqual([]);
}

function runProjectContentChecks() {
  const script = join(projectRoot, 'scripts', 'check-content.ts');
  if (!existsSync(script)) return 'skipped: scripts/check-content.ts is not in this tree';
  execFileSync(process.execPath, [script, '--root', repo], { cwd: projectRoot, stdio: 'pipe' });
  return 'passed';
}

/** A tab in the CMS's browser context (the login is kept in its storage), with errors and console recorded. */
async function newTab(): Promise<Page> {
  const tab = await cmsContext.newPage();
  tab.setDefaultTimeout(20_000);
  tab.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}\n${e.stack ?? ''}`));
  tab.on('dialog', (d) => void d.accept().catch(() => undefined));
  tab.on('console', (m) => consoleLog.push(`${m.type()}: ${m.text()}`));
  return tab;
}

async function login() {
  await page.goto(admin('/'));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('link', { name: collections.practices.label.nl }).first().waitFor();
}

/** Waits for the editor of an entry: each visit loads the whole CMS, which a busy machine takes a while to start. */
const editorReady = () => control('title').waitFor({ timeout: 60_000 });

/** The field control of a field in the Dutch (0) or English (1) pane. */
const control = (name: string, pane = 0) => page.locator(`[id^="${name}-field"]`).nth(pane);

async function chooseOption(name: string, label: string, pane = 0) {
  await control(name, pane).click();
  await page.keyboard.type(label);
  await page.getByRole('option', { name: label, exact: true }).first().click();
  await chosen(label).waitFor();
}

/** The chip (multiple choice) or value (single choice) a select or relation field shows once an option is chosen. */
const chosen = (label: string) =>
  page.locator('[class*="multiValue"]:visible, [class*="singleValue"]:visible').filter({ hasText: label }).first();

async function publishNow() {
  await page.getByRole('button', { name: 'Publiceer', exact: true }).click();
  await page.getByText('Publiceer nu', { exact: true }).click();
}

/** The messages Decap shows next to fields that keep an entry from being saved (e.g. "Samenvatting is vereist."). */
const fieldErrors = () =>
  page
    .locator('[class*="ControlErrorsList"] li')
    .allTextContents()
    .catch(() => [] as string[]);

/**
 * Publishes the entry in the editor and waits until `saved()` sees the files on disk. A save the CMS
 * refuses (a field left empty or invalid) fails at once with the editor's own messages, and a timeout
 * says what the editor and its console showed, so a failure on a CI machine explains itself.
 */
async function publishAndWaitFor(what: string, saved: () => boolean, timeout = 30_000) {
  await publishNow();
  const outcome = await waitFor(
    what,
    async () => {
      if (await attempt(saved)) return { refused: [] };
      const refused = await fieldErrors();
      return refused.length > 0 && { refused };
    },
    timeout,
    editorReport,
  );
  if (outcome.refused.length) throw new Error(`the CMS refused to save ${what}: ${outcome.refused.join(' ')}`);
}

/** What the editor page, its console and decap-server last showed: evidence for a save that never came. */
async function editorReport(): Promise<string> {
  const shown = await page.evaluate(() => document.body.innerText).catch(() => '(page not readable)');
  const errors = consoleLog.filter((line) => line.startsWith('error')).slice(-5);
  return `--- the editor shows\n${shown.slice(0, 2000)}\n--- console errors\n${errors.join('\n')}\n--- decap-server\n${decap.output().slice(-1500)}`;
}

beforeAll(async () => {
  // A whole project copy, so the rebuild below has its own .astro/ cache and never leaves the project's
  // cache pointing at this temporary folder.
  repo = copyProject('shk-cms-');
  site = await serveSite();
  // The backend answers the site's origin only.
  decap = await startDecapServer(repo, [site.origin]);
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
  cmsContext = context;
  // Locally the CMS talks only to this site and decap-server, both on 127.0.0.1.
  context.on('request', (request) => {
    const url = request.url();
    if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url) && !/^(data|blob|about):/.test(url)) outsideRequests.push(url);
  });
  page = await newTab();
  const started = Date.now();
  await login();
  loginMs = Date.now() - started;
}, 90_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) {
    mkdirSync(join(projectRoot, '.tmp', 'cms-e2e'), { recursive: true });
    const name = ctx.task.name.slice(0, 40).replace(/\W+/g, '-');
    // Evidence for the failure, but never at the cost of a hanging hook when the page itself hangs.
    const within = <T>(promise: Promise<T>, fallback: T) =>
      Promise.race([
        promise.catch(() => fallback),
        new Promise<T>((resolve) => setTimeout(() => resolve(fallback), 10_000)),
      ]);
    await within(
      page.screenshot({ path: join(projectRoot, '.tmp', 'cms-e2e', `${name}.png`), timeout: 10_000 }),
      undefined,
    );
    const text = await within(
      page.evaluate(() => document.body.innerText),
      '',
    );
    writeFileSync(
      join(projectRoot, '.tmp', 'cms-e2e', `${name}.txt`),
      `${text}\n\n--- console\n${consoleLog.join('\n')}\n--- decap-server\n${decap.output()}`,
    );
  }
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await site?.close().catch(() => undefined);
  await decap?.close().catch(() => undefined);
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('CMS with decap-server (local editing)', () => {
  it('logs in without an account and lists every collection', async () => {
    await page.goto(admin('/'));
    for (const name of Object.keys(collections) as CollectionName[]) {
      // waitFor, not isVisible(): after goto the CMS is still rendering its collection list.
      await page.getByRole('link', { name: collections[name].label.nl }).first().waitFor({ state: 'visible' });
    }
    console.log(`[cms] first load + login to collection list: ${loginMs} ms`);
  });

  const practice = {
    title: 'Test: een buurtapp voor de groep',
    slug: 'test-een-buurtapp-voor-de-groep',
    en: 'Test: a neighbourhood app for the group',
  };

  it('creates a Dutch best practice with themes, phases, a related case and an uploaded image, adds English, publishes', async () => {
    const caseSlug = slugsOf('cases')[0];
    expect(caseSlug, 'needs at least one case in content/').toBeDefined();
    const image = join(repo, 'buurt-foto.png');
    await sharp({ create: { width: 120, height: 80, channels: 3, background: '#3a69c7' } })
      .png()
      .toFile(image);

    const started = Date.now();
    await page.goto(admin('/collections/practices/new'));
    await editorReady();
    console.log(`[cms] new-entry editor usable after ${Date.now() - started} ms`);

    await control('title').fill(practice.title);
    await control('summary').fill('Een groep gebruikt een buurtapp om hulp te vragen en aan te bieden.');
    await page.locator('[id^="published-field"]').first().fill('2026-01-15');
    await chooseOption('themes', 'Matchen');
    await chooseOption('themes', 'Wonen');
    await chooseOption('phases', 'Oriëntatie');
    const caseTitle = titleOf('cases', caseSlug!);
    await control('cases').click();
    await page.keyboard.type(caseTitle.slice(0, 6));
    await page.getByRole('option', { name: caseTitle }).first().click();
    await chosen(caseTitle).waitFor();

    // Cover image: upload through the media library.
    await page.getByRole('button', { name: 'Kies een afbeelding' }).first().click();
    await page.locator('input[type="file"]').setInputFiles(image);
    await page.getByRole('button', { name: 'Gebruik selectie' }).click();
    // The field holds the image once it offers to choose another one.
    await page.getByRole('button', { name: 'Kies een andere afbeelding' }).first().waitFor();
    await control('alt').fill('Een blauwe rechthoek als voorbeeldfoto');

    // Body: text plus a component inserted through its form, not typed as JSX.
    const body = control('body');
    await body.fill('## Wat de groep deed\n\nDe groep maakte een buurtapp. Kosten: 2 * 3 * 4 euro.\n');
    await page.locator('[data-component="Callout"]').first().click();
    const form = page.getByTestId('mdx-insert-form');
    await form.locator('[id^="title-field"]').fill('Tip van de groep');
    await form.locator('[id^="children-field"]').fill('Spreek af wie de app beheert.');
    await page.getByTestId('mdx-insert-confirm').click();

    // English version, side by side.
    await control('title', 1).fill(practice.en);
    await control('summary', 1).fill('A group uses a neighbourhood app to ask for and offer help.');
    await control('alt', 1).fill('A blue rectangle as an example photo');
    await control('body', 1).fill('## What the group did\n\nThe group made a neighbourhood app.\n');

    const nl = `content/practices/nl/${practice.slug}.mdx`;
    const en = `content/practices/en/${practice.slug}.mdx`;
    // Wait until both files are completely written (a read during the write sees a partial file).
    await publishAndWaitFor(
      `${nl} and ${en}`,
      () => splitMdx(read(nl)).data.title === practice.title && splitMdx(read(en)).data.title === practice.en,
    );

    const dutch = splitMdx(read(nl));
    expect(dutch.data).toMatchObject({
      title: practice.title,
      themes: ['matching', 'housing'],
      phases: ['orientation'],
      cases: [caseSlug],
    });
    const cover = dutch.data.cover as { src: string; alt: string };
    expect(cover.src).toMatch(/^\.\.\/\.\.\/\.\.\/src\/assets\/uploads\/buurt-foto\.png$/);
    expect(existsSync(file('src/assets/uploads/buurt-foto.png'))).toBe(true);
    expect(dutch.body).toContain('Kosten: 2 * 3 * 4 euro.');
    expect(dutch.body).toContain(
      '<Callout type="info" title="Tip van de groep">\nSpreek af wie de app beheert.\n</Callout>',
    );
    const english = splitMdx(read(en));
    expect(english.data).toMatchObject({
      title: practice.en,
      themes: ['matching', 'housing'],
      cover: { src: cover.src, alt: 'A blue rectangle as an example photo' },
    });

    checkEntry('practices', nl);
    checkEntry('practices', en);
    console.log(`[cms] project content checks: ${runProjectContentChecks()}`);
  });

  it('a rebuild from the edited content publishes the new practice in both languages, and search finds it', async () => {
    // The same `astro build` a host runs after the CMS commits, on the edited copy of the content.
    const out = join(repo, 'dist');
    const { CONTENT_DIR: _ignored, ...env } = userEnv();
    execFileSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: repo,
      // node_modules is linked to the project's: keep this copy's content cache inside the copy.
      env: { ...env, ASTRO_OUT_DIR: out, ASTRO_CACHE_DIR: join(repo, '.astro-cache') },
      stdio: 'pipe',
      timeout: 240_000,
    });
    const nlPage = readFileSync(join(out, entryPath('practices', practice.slug, 'nl').slice(1), 'index.html'), 'utf8');
    const enPage = readFileSync(join(out, entryPath('practices', practice.slug, 'en').slice(1), 'index.html'), 'utf8');
    expect(nlPage).toContain(practice.title);
    // The uploaded cover went through Astro's image pipeline: a modern format with its size set.
    const images = imageProblems(nlPage);
    expect(images.images, 'the uploaded cover is on the page').toBeGreaterThan(0);
    expect(images.problems).toEqual([]);
    expect(enPage).toContain(practice.en);
    // The rebuild indexed it: the new practice is found by search, in each language on its own search page.
    const rebuilt = await serveSite(out);
    try {
      for (const [locale, title] of [
        ['nl', practice.title],
        ['en', practice.en],
      ] as const) {
        const first = await firstSearchResult(page.context(), rebuilt.origin, locale, 'buurtapp');
        expect(first.path).toBe(entryPath('practices', practice.slug, locale));
        expect(first.title).toContain(title.replace(/^Test: /, ''));
      }
    } finally {
      await rebuilt.close();
    }
  }, 300_000);

  it('edits an existing event: adds a session with a material, and nothing else in the file changes', async () => {
    const slug = slugsOf('events')[0];
    const material = slugsOf('materials')[0];
    expect(slug && material, 'needs an event and a material in content/').toBeTruthy();
    const nl = `content/events/nl/${slug}.mdx`;
    const en = `content/events/en/${slug}.mdx`;
    const before = splitMdx(read(nl));
    const beforeEn = existsSync(file(en)) ? splitMdx(read(en)) : undefined;
    const sessionsBefore = (before.data.sessions as unknown[] | undefined) ?? [];

    await page.goto(admin(`/collections/events/entries/${slug}`));
    await editorReady();
    await page
      .getByRole('button', { name: /Voeg .*toe/ })
      .filter({ hasText: /Sessies/i })
      .first()
      .click();
    // Existing sessions are collapsed (their fields hidden), so the new one holds the first visible
    // session fields of the Dutch pane (index 0 of id/materials; index 1 of title, after the event's own).
    await page.locator('[id^="id-field"]:visible').nth(0).fill('test-sessie-cms');
    await page.locator('[id^="title-field"]:visible').nth(1).fill('Testsessie vanuit het CMS');
    const start = String(before.data.start).slice(0, 10);
    // Date-time inputs of the Dutch pane in order: the event's start and end, then the new session's.
    const times = page.locator('input[type="datetime-local"]:visible');
    await times.nth(2).fill(`${start}T13:00`);
    await times.nth(3).fill(`${start}T14:00`);
    const materialTitle = titleOf('materials', material!);
    const materials = page.locator('[id^="materials-field"]:visible');
    await materials.nth(0).click();
    await page.keyboard.type(materialTitle.slice(0, 6));
    await page.getByRole('option', { name: materialTitle }).first().click();
    await chosen(materialTitle).waitFor();

    await publishAndWaitFor(
      'the saved event',
      () =>
        JSON.stringify(splitMdx(read(nl)).data.sessions ?? []).includes('test-sessie-cms') &&
        splitMdx(read(nl)).body === before.body &&
        // decap-server writes the English file after the Dutch one: wait until it is there in full too.
        (!beforeEn || splitMdx(read(en)).body === beforeEn.body),
    );

    const after = splitMdx(read(nl));
    expect(after.body, 'body byte-identical').toBe(before.body);
    const { sessions, ...rest } = after.data;
    const { sessions: _old, ...restBefore } = before.data;
    expect(rest).toEqual(restBefore);
    expect(sessions).toEqual([
      ...sessionsBefore,
      {
        id: 'test-sessie-cms',
        title: 'Testsessie vanuit het CMS',
        start: `${start}T13:00`,
        end: `${start}T14:00`,
        materials: [material],
      },
    ]);
    if (beforeEn) {
      const afterEn = splitMdx(read(en));
      expect(afterEn.body).toBe(beforeEn.body);
      expect(afterEn.data).toEqual(beforeEn.data);
    }
    checkEntry('events', nl);
    console.log(`[cms] project content checks after the event edit: ${runProjectContentChecks()}`);
  });

  it('refuses to save an event that ends before it starts (rule from the schema)', async () => {
    await page.goto(admin('/collections/events/new'));
    await editorReady();
    await control('title').fill('Test: evenement dat te vroeg eindigt');
    await control('summary').fill('Dit evenement eindigt voordat het begint.');
    await page.locator('[id^="published-field"]').first().fill('2026-01-15');
    await chooseOption('type', 'Workshop');
    await page.locator('[id^="start-field"]').first().fill('2026-03-10T14:00');
    await page.locator('[id^="end-field"]').first().fill('2026-03-10T10:00');
    await control('online').fill('https://example.org/webinar');
    await page
      .getByRole('button', { name: /Voeg .*toe/ })
      .filter({ hasText: /Organisatoren/i })
      .first()
      .click();
    await page.locator('[id^="item-field"]').first().fill('Samen Hier');
    // Decap reports the refused save as a notification and also leaves an unhandled rejection behind: that one
    // is expected here, so it is taken out of the page's errors once it has arrived.
    const rejection = page.waitForEvent('pageerror');
    const errorsBefore = pageErrors.length;
    await publishNow();
    await page
      .getByText(/eindigen na het begin/)
      .first()
      .waitFor();
    await rejection;
    pageErrors.splice(errorsBefore);
    expect(existsSync(file('content/events/nl/test-evenement-dat-te-vroeg-eindigt.mdx'))).toBe(false);
  });

  it('deletes an entry (both language versions)', async () => {
    const nl = file(`content/practices/nl/${practice.slug}.mdx`);
    const en = file(`content/practices/en/${practice.slug}.mdx`);
    expect(existsSync(nl)).toBe(true);
    await page.goto(admin(`/collections/practices/entries/${practice.slug}`));
    await editorReady();
    await page.getByRole('button', { name: /Gepubliceerd item verwijderen|Item verwijderen/ }).click();
    await waitFor('the files to be deleted', () => !existsSync(nl) && !existsSync(en));
  });

  it('saving every starter entry after a frontmatter-only change keeps its body byte-identical', async () => {
    // Decap saves only a changed entry, so each entry gets the smallest real change: the "example
    // content" switch. Everything else, above all the MDX body, must come back as it was.
    const starters = (['practices', 'cases', 'events', 'news', 'pages'] as const).flatMap((c) =>
      slugsOf(c).map((s) => [c, s] as const),
    );
    for (const [collection, slug] of starters) {
      const paths = ['nl', 'en']
        .map((l) => `content/${collections[collection].folder}/${l}/${slug}.mdx`)
        .filter((p) => existsSync(file(p)));
      const before = Object.fromEntries(paths.map((p) => [p, splitMdx(read(p))]));
      const wasExample = before[paths[0]!]!.data.example === true;
      // Open the entry; after a save Decap may still be settling on the previous one, so retry.
      const title = String(before[paths[0]!]!.data.title);
      for (let attempt = 0; ; attempt++) {
        try {
          // Each entry in a fresh tab: leaving one that Decap still counts as being saved raises a "leave
          // page?" prompt that can hang the navigation. A busy machine can also hold the load event back; the
          // editor's own field is what counts.
          await page.close();
          page = await newTab();
          await page.goto(admin(`/collections/${collection}/entries/${slug}`), { waitUntil: 'domcontentloaded' });
          await expect.poll(() => control('title').inputValue(), { timeout: 30_000 }).toBe(title);
          break;
        } catch (err) {
          if (attempt >= 2) throw err;
        }
      }
      await control('example').click();
      await publishAndWaitFor(paths.join(' and '), () =>
        paths.every((p) => splitMdx(read(p)).data.example === !wasExample),
      );
      for (const p of paths) {
        const after = splitMdx(read(p));
        expect(after.body, `${p}: body`).toBe(before[p]!.body);
        expect(after.data, `${p}: data`).toEqual({ ...before[p]!.data, example: !wasExample });
      }
    }
  }, 600_000);

  it('had no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });

  it('made no request outside 127.0.0.1 and set no cookie', async () => {
    expect(outsideRequests).toEqual([]);
    expect(await cmsContext.cookies()).toEqual([]);
  });
});
