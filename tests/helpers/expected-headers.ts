/**
 * What the site must answer for a set of paths, written out: the security headers, caching, media types and
 * the uploads rules. The nginx test, the preview test and the _headers test check the same table.
 * Paths of hashed files are looked up in the build; the expected values never come from src/lib/headers.ts.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { rawGet } from './raw-http.ts';

export const REVALIDATE = 'public, max-age=0, must-revalidate';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const PAGE_CSP = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
export const UPLOAD_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** Sent with every response. */
export const SECURITY: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin-allow-popups',
};

export interface HeaderCase {
  path: string;
  /** Content-Type a server (nginx, preview) sends; static hosts use their own table. */
  type: string;
  cache: string;
  /** Every Content-Security-Policy, in order (joined with ", " as hosts and HTTP clients join them). */
  csp: string[];
  disposition?: string;
  robots?: string;
  /** When _headers (which has no "except") gives something else: what it gives, and why that is acceptable. */
  headersFile?: Partial<Pick<HeaderCase, 'csp' | 'disposition'>>;
}

/** Files the tests add to a copy of the build's uploads folder: types an editor can upload and two that the build refuses. */
export const SAMPLE_UPLOADS: Record<string, string> = {
  'photo.png': 'image/png',
  'Report.DOCX': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'handout.odt': 'application/vnd.oasis.opendocument.text',
  'evil.html': 'text/html; charset=utf-8',
  'evil.svg': 'image/svg+xml; charset=utf-8',
};

/** A copy of a build with SAMPLE_UPLOADS and a web manifest added (files the build refuses never reach the real one). */
export function siteWithSampleUploads(dist: string): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'site-copy-'));
  cpSync(dist, root, { recursive: true });
  for (const name of Object.keys(SAMPLE_UPLOADS)) {
    // The "evil" files would run script if they were ever shown as a page.
    writeFileSync(
      join(root, 'uploads', name),
      name.startsWith('evil') ? '<script>parent.pwned=1</script><svg/onload=alert(1)>' : `sample ${name}`,
    );
  }
  // A web app manifest (the site may get one): its media type.
  writeFileSync(join(root, 'sample.webmanifest'), '{"name":"Samen Hier"}');
  // Hidden files are never served; /.well-known/ is (security.txt, certificate challenges).
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(root, 'uploads', '.htaccess'), 'Options +Indexes');
  mkdirSync(join(root, '.well-known'));
  writeFileSync(join(root, '.well-known', 'security.txt'), 'Contact: mailto:info@example.org');
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

const first = (dir: string, pattern: RegExp) => {
  const name = readdirSync(dir).find((f) => pattern.test(f));
  if (!name) throw new Error(`no file like ${pattern} in ${dir}: was the site built?`);
  return name;
};

const html = 'text/html; charset=utf-8';
const octets = 'application/octet-stream';

export function headerCases(dist: string, withSampleUploads = true): HeaderCase[] {
  const astro = join(dist, '_astro');
  const pagefind = join(dist, 'pagefind');
  const shortLink = readdirSync(join(dist, 'm'))[0]!;
  const cases: HeaderCase[] = [
    { path: '/', type: html, cache: REVALIDATE, csp: [PAGE_CSP] },
    { path: '/en/', type: html, cache: REVALIDATE, csp: [PAGE_CSP] },
    { path: `/m/${shortLink}/`, type: html, cache: REVALIDATE, csp: [PAGE_CSP] },
    { path: `/_astro/${first(astro, /\.css$/)}`, type: 'text/css; charset=utf-8', cache: IMMUTABLE, csp: [PAGE_CSP] },
    {
      path: `/_astro/${first(astro, /^search-client\..*\.js$/)}`,
      type: 'text/javascript; charset=utf-8',
      cache: IMMUTABLE,
      csp: [PAGE_CSP],
    },
    { path: `/_astro/${first(astro, /\.wasm$/)}`, type: 'application/wasm', cache: IMMUTABLE, csp: [PAGE_CSP] },
    { path: '/agenda.ics', type: 'text/calendar; charset=utf-8', cache: REVALIDATE, csp: [PAGE_CSP] },
    { path: '/en/agenda.ics', type: 'text/calendar; charset=utf-8', cache: REVALIDATE, csp: [PAGE_CSP] },
    { path: '/rss.xml', type: 'application/xml; charset=utf-8', cache: REVALIDATE, csp: [PAGE_CSP] },
    { path: '/sitemap-index.xml', type: 'application/xml; charset=utf-8', cache: REVALIDATE, csp: [PAGE_CSP] },
    { path: '/robots.txt', type: 'text/plain; charset=utf-8', cache: REVALIDATE, csp: [PAGE_CSP] },
    { path: '/favicon.svg', type: 'image/svg+xml; charset=utf-8', cache: REVALIDATE, csp: [PAGE_CSP] },
    { path: '/pagefind/pagefind.js', type: 'text/javascript; charset=utf-8', cache: REVALIDATE, csp: [PAGE_CSP] },
    {
      path: '/pagefind/pagefind-entry.json',
      type: 'application/json; charset=utf-8',
      cache: REVALIDATE,
      csp: [PAGE_CSP],
    },
    { path: '/pagefind/cards-nl.json', type: 'application/json; charset=utf-8', cache: REVALIDATE, csp: [PAGE_CSP] },
    { path: '/pagefind/wasm.nl.pagefind', type: octets, cache: REVALIDATE, csp: [PAGE_CSP] },
    { path: `/pagefind/${first(pagefind, /\.pf_meta$/)}`, type: octets, cache: REVALIDATE, csp: [PAGE_CSP] },
    {
      path: `/pagefind/index/${first(join(pagefind, 'index'), /\.pf_index$/)}`,
      type: octets,
      cache: REVALIDATE,
      csp: [PAGE_CSP],
    },
    {
      path: `/pagefind/fragment/${first(join(pagefind, 'fragment'), /\.pf_fragment$/)}`,
      type: octets,
      cache: REVALIDATE,
      csp: [PAGE_CSP],
    },
    { path: '/admin/', type: html, cache: 'no-store', csp: [PAGE_CSP], robots: 'noindex' },
    {
      path: `/uploads/${first(join(dist, 'uploads'), /\.pdf$/)}`,
      type: 'application/pdf',
      cache: REVALIDATE,
      csp: [PAGE_CSP, UPLOAD_CSP],
    },
  ];
  if (!withSampleUploads) return cases;
  const sandboxed = [PAGE_CSP, UPLOAD_CSP, 'sandbox'];
  // _headers lists the uploadable types one by one; a type the build refuses gets the uploads policy there
  // (no script runs under default-src 'none'), but not the sandbox or the download.
  const refused = { csp: [PAGE_CSP, UPLOAD_CSP], disposition: undefined };
  cases.push(
    {
      path: '/sample.webmanifest',
      type: 'application/manifest+json; charset=utf-8',
      cache: REVALIDATE,
      csp: [PAGE_CSP],
    },
    { path: '/uploads/photo.png', type: 'image/png', cache: REVALIDATE, csp: sandboxed },
    {
      path: '/uploads/Report.DOCX',
      type: SAMPLE_UPLOADS['Report.DOCX']!,
      cache: REVALIDATE,
      csp: sandboxed,
      disposition: 'attachment',
    },
    {
      path: '/uploads/handout.odt',
      type: SAMPLE_UPLOADS['handout.odt']!,
      cache: REVALIDATE,
      csp: sandboxed,
      disposition: 'attachment',
    },
    {
      path: '/uploads/evil.html',
      type: html,
      cache: REVALIDATE,
      csp: sandboxed,
      disposition: 'attachment',
      headersFile: refused,
    },
    {
      path: '/uploads/evil.svg',
      type: 'image/svg+xml; charset=utf-8',
      cache: REVALIDATE,
      csp: sandboxed,
      disposition: 'attachment',
      headersFile: refused,
    },
  );
  return cases;
}

/** Checks one response's headers (lower-case names; repeated headers joined with ", ") against a case. */
export function expectHeaders(
  c: HeaderCase,
  get: (name: string) => string | undefined,
  options: { type: boolean; headersFile?: boolean },
) {
  const want = options.headersFile ? { ...c, ...c.headersFile } : c;
  const label = `${c.path}:`;
  for (const [name, value] of Object.entries(SECURITY)) expect(get(name), `${label} ${name}`).toBe(value);
  expect(get('cache-control'), `${label} cache-control`).toBe(want.cache);
  expect(get('content-security-policy'), `${label} content-security-policy`).toBe(want.csp.join(', '));
  expect(get('content-disposition'), `${label} content-disposition`).toBe(want.disposition);
  expect(get('x-robots-tag'), `${label} x-robots-tag`).toBe(want.robots);
  if (options.type) expect(get('content-type'), `${label} content-type`).toBe(want.type);
}

/** One test per case against a running server: status 200 and the case's headers (origin read when it runs). */
export function itServesTheHeaderCases(dist: string, origin: () => string): void {
  it.each(headerCases(dist).map((c) => [c.path, c] as const))('%s', async (_path, c) => {
    const res = await rawGet(`${origin()}${c.path}`);
    expect(res.status, `${c.path} status`).toBe(200);
    expectHeaders(c, (name) => [res.headers[name] ?? []].flat().join(', ') || undefined, { type: true });
  });
}

/** Paths of hidden files in siteWithSampleUploads(), which must answer 404, and the one that must not. */
export const HIDDEN_PATHS = ['/.env', '/uploads/.htaccess'];
export const WELL_KNOWN_PATH = '/.well-known/security.txt';
