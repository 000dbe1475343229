/**
 * The CMS's MDX check under `astro dev` (`npm start`), where Vite serves admin/ from source instead of the CMS
 * bundle: `satteri` must take its browser binding, which the dev server resolves to admin/mdx/satteri-wasm.ts
 * (src/integrations/admin-bundle.ts), and that must fetch the vendored wasm and give the build's verdict. Checked in
 * Chromium on /admin/ by importing the editor's guard module as the body editor does (the page's own import, as a
 * string: vitest rewrites import() in test code).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/paths.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { startAstroDevCopy } from '../helpers/astro-dev.ts';

const version = (
  JSON.parse(readFileSync(join(projectRoot, 'node_modules/satteri/package.json'), 'utf8')) as { version: string }
).version;
let dir: string;
let origin: string;
let server: ServerProcess;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  ({ dir, origin, server } = await startAstroDevCopy('shk-dev-cms-wasm-', '/admin/'));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the CMS MDX check under astro dev', () => {
  it("parses with the vendored wasm and gives the build's verdict in Dutch", async () => {
    await page.goto(`${origin}/admin/`, { timeout: 120_000, waitUntil: 'commit' });
    // The first visit may reload once while Vite pre-bundles the CMS's dependencies: ask again until it answers.
    // Each try gets 30 s: an import started just before such a reload never settles.
    const check = () =>
      Promise.race([
        // A string, not a function: vitest would rewrite an import() in this file's code for Node.
        page.evaluate(
          `import('/admin/mdx/guard.ts').then((g) => [g.checkMdx(${JSON.stringify('Tekst[^1].\n\n[^1]: {1+1}\n')}), g.checkMdx('## Kop')])`,
        ),
        new Promise((resolve) => setTimeout(() => resolve('no answer within 30 s'), 30_000)),
      ]).catch((err: Error) => err.message);
    await expect.poll(check, { timeout: 200_000, interval: 2_000 }).toEqual([
      [
        {
          line: 3,
          column: 7,
          message: '{1+1} tussen accolades is code en mag niet in de tekst: schrijf \\{ en \\} om accolades te tonen',
        },
      ],
      [],
    ]);
    expect(requests).toContain(`/admin/vendor/satteri-${version}.wasm`);
    expect(requests.filter((p) => p.includes('satteri/dist/binding.js'))).toEqual([]);
    expect(errors.filter((e) => /wasm|WebAssembly|satteri|Content.Security/i.test(e))).toEqual([]);
  }, 300_000);
});
