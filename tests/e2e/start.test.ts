/**
 * `npm start` as a new user runs it: the site and the local CMS backend come up, and the kernel's socket table
 * shows both listening on 127.0.0.1 only (never 0.0.0.0 or ::). The dev server's pages carry a
 * Content-Security-Policy (src/integrations/dev-csp.ts): in Chromium a `javascript:` link and an inline event
 * handler do not run, while live reload and /admin/ (talking to the CMS backend) work without a violation.
 * Stopped by the process group's PID.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../helpers/paths.ts';
import { freePort } from '../helpers/decap-server.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { listeningAddresses } from '../helpers/listening.ts';
import { userEnv } from '../helpers/user-env.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { collections } from '../../src/schema/index.ts';

let server: ServerProcess;
let sitePort: number;
let decapPort: number;
let browser: Browser | undefined;

beforeAll(async () => {
  sitePort = await freePort();
  decapPort = await freePort();
  server = startServerProcess('npm start', 'npm', ['start'], {
    cwd: projectRoot,
    env: { ...userEnv(), PORT: String(sitePort), DECAP_PORT: String(decapPort) },
  });
  await server.until(
    'both servers to listen',
    () => listeningAddresses(sitePort).length > 0 && listeningAddresses(decapPort).length > 0,
  );
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The dev server answers once Vite has bundled its dependencies; a request in between may hang. */
const home = () => fetch(`http://127.0.0.1:${sitePort}/`, { signal: AbortSignal.timeout(15_000) });
const siteUp = () => server.until('the home page', async () => (await home().catch(() => undefined))?.ok === true);

/** A page that records every CSP violation and the dev server's live-reload connection from the first script on. */
async function watchedPage(): Promise<{ page: Page; violations: string[]; console: string[] }> {
  browser ??= await launchBrowser();
  const page = await browser.newPage();
  const violations: string[] = [];
  const console: string[] = [];
  page.on('console', (m) => console.push(m.text()));
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
        `${e.effectiveDirective} ${e.blockedURI}`,
      ),
    ),
  );
  return { page, violations, console };
}

/** A `javascript:` link and a button with an inline onclick handler, both setting the title to "ran". */
function injectBadElements() {
  const link = document.createElement('a');
  link.id = 'bad-link';
  link.href = "javascript:document.title='ran'";
  link.textContent = 'bad link';
  const button = document.createElement('button');
  button.id = 'bad-handler';
  button.setAttribute('onclick', "document.title='ran'");
  button.textContent = 'bad handler';
  document.body.prepend(link, button);
}

/**
 * Puts the bad elements in the page and clicks both; again when the dev server reloaded the page in between
 * (Vite does so once after optimizing newly found dependencies).
 */
async function clickBadElements(page: Page) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.evaluate(injectBadElements);
      await page.click('#bad-link', { timeout: 15_000 });
      await page.click('#bad-handler', { timeout: 15_000 });
      return;
    } catch (err) {
      if (attempt === 3 || !/context was destroyed|navigation|not attached|Timeout/i.test(String(err))) throw err;
      await page.waitForLoadState('load');
    }
  }
}

describe('npm start', () => {
  it('binds the CMS backend to 127.0.0.1 only', () => {
    expect(listeningAddresses(decapPort)).toEqual(['127.0.0.1']);
  });

  it('binds the site to 127.0.0.1 only', () => {
    expect(listeningAddresses(sitePort)).toEqual(['127.0.0.1']);
  });

  it('serves the site and the local CMS backend, which answers the site and refuses another origin', async () => {
    await siteUp();
    expect(await (await home()).text()).toContain('Samen Hier');
    const info = (origin?: string) =>
      fetch(`http://127.0.0.1:${decapPort}/api/v1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(origin && { origin }) },
        body: JSON.stringify({ action: 'info' }),
        signal: AbortSignal.timeout(15_000),
      });
    const fromSite = await info(`http://127.0.0.1:${sitePort}`);
    expect(fromSite.status).toBe(200);
    expect(fromSite.headers.get('access-control-allow-origin')).toBe(`http://127.0.0.1:${sitePort}`);
    const foreign = await info(`http://127.0.0.1:${sitePort + 1}`);
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  }, 240_000);

  it('sends a Content-Security-Policy with the dev pages, without unsafe-inline scripts', async () => {
    await siteUp();
    const policy = (await home()).headers.get('content-security-policy') ?? '';
    const scriptSrc = policy
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toMatch(/^script-src 'self' /);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${sitePort} ws://localhost:${sitePort}`);
    expect(policy).not.toContain(`http://127.0.0.1:${decapPort}`);
    const admin = await fetch(`http://127.0.0.1:${sitePort}/admin/`, { signal: AbortSignal.timeout(120_000) });
    expect(admin.headers.get('content-security-policy')).toContain(`http://127.0.0.1:${decapPort}`);
  }, 240_000);

  it('runs no javascript: link and no inline event handler in dev, and live reload connects', async () => {
    await siteUp();
    const { page, violations, console } = await watchedPage();
    await page.goto(`http://127.0.0.1:${sitePort}/`, { timeout: 120_000 });
    await expect.poll(() => console.some((line) => line.includes('[vite] connected')), { timeout: 60_000 }).toBe(true);
    expect(violations).toEqual([]);
    await clickBadElements(page);
    // One report each: the link (a script URL) and the handler (an inline attribute).
    await expect
      .poll(() => [...new Set(violations)].sort())
      .toEqual(['script-src-attr inline', 'script-src-elem inline']);
    // Neither ran: both would have set the title.
    expect(await page.title()).not.toBe('ran');
    await page.close();
  }, 240_000);

  it('serves /admin/, which reaches the CMS backend and lists the collections without a violation', async () => {
    await siteUp();
    const { page, violations } = await watchedPage();
    await page.goto(`http://127.0.0.1:${sitePort}/admin/?decap_port=${decapPort}`, { timeout: 180_000 });
    await page.getByRole('button', { name: 'Inloggen' }).click({ timeout: 120_000 });
    await page.getByRole('link', { name: collections.practices.label.nl }).first().waitFor({ timeout: 60_000 });
    expect(violations).toEqual([]);
    await page.close();
  }, 300_000);
});
