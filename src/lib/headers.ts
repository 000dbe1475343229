/**
 * THE response headers, caching rules and media types of the built site, once. From these rules:
 * - the build writes `dist/_headers` (Netlify, Cloudflare Pages) and `dist/_nginx.conf` (an nginx `server`
 *   include), see src/lib/serve-config.ts and src/integrations/serve.ts;
 * - `npm run preview` (scripts/preview.ts) answers with the same headers;
 * - the tests check real responses of nginx and of the preview, and the generated `_headers`.
 *
 * A rule's `path` is written as in `_headers`: an exact path, or a pattern with one `*` (any characters,
 * `/` included). Every rule whose path matches applies; a header set by two matching rules is sent twice
 * (hosts join the values with ", "), which for Content-Security-Policy means both policies are enforced.
 * Every other header must come from one matching rule only (tests/unit/headers.test.ts checks samples).
 *
 * To add a rule (a new folder, a file with its own caching): add it to `headerRules` below, and a type to
 * `MEDIA_TYPES` when the site gets a new kind of file (`.webmanifest` is there). Nothing else needs to change.
 * A service worker at /sw.js needs no rule: everything without one revalidates (REVALIDATE), and its scope is /.
 */
import { UPLOAD_FOLDERS, UPLOAD_TYPES } from '../schema/uploads.ts';

export interface HeaderRule {
  /** `_headers` path pattern: `/exact/path`, `/folder/*`, `/folder/*.ext`. */
  path: string;
  /**
   * File endings (lower case) this rule does NOT apply to. nginx and the preview match them case-insensitively;
   * `_headers` has no "except", so there the rule is written once per ending in `expandTo` that is not excluded.
   */
  except?: readonly string[];
  /** The endings `_headers` lists one by one for a rule with `except`. */
  expandTo?: readonly string[];
  headers: Readonly<Record<string, string>>;
  /** Why the rule exists (written into the generated files as a comment). */
  why: string;
}

/**
 * What both Netlify and Cloudflare Pages send when a file has no Cache-Control rule: every visit revalidates
 * (a cheap 304 when nothing changed). nginx and the preview send the same, so HTML pages, feeds (rss.xml,
 * sitemaps), calendars (.ics) and everything else without a rule is never served stale.
 */
export const REVALIDATE = 'public, max-age=0, must-revalidate';
/** Fingerprinted files: their name changes when their content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Headers a <meta> cannot set (the page's own script/style CSP is a <meta> in each page, astro.config.mjs). */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'X-Frame-Options': 'DENY',
  // allow-popups: the CMS logs editors in through a popup of the OAuth provider (another origin) that reports
  // back to window.opener; plain same-origin would cut that link. The site's own pages open no popups.
  'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
} as const;

const uploadsPath = UPLOAD_FOLDERS.public.urlPath;
const uploadEndings = Object.keys(UPLOAD_TYPES);
/** Uploads a browser shows itself rather than saving: images and PDFs. */
const inlineUploads = uploadEndings.filter((ext) => UPLOAD_TYPES[ext]!.kind === 'image' || ext === 'pdf');

export const headerRules: readonly HeaderRule[] = [
  { path: '/*', headers: SECURITY_HEADERS, why: 'Security headers for every response.' },
  {
    path: '/_astro/*',
    headers: { 'Cache-Control': IMMUTABLE },
    why: 'Fingerprinted build assets (CSS, JS, images) never change under the same name.',
  },
  {
    path: '/pagefind/*',
    headers: { 'Cache-Control': REVALIDATE },
    why: 'The search index keeps its file names (pagefind-entry.json, cards-<lang>.json) from build to build.',
  },
  {
    path: '/admin/*',
    headers: { 'X-Robots-Tag': 'noindex', 'Cache-Control': 'no-store' },
    why: 'The CMS: never indexed, never cached (a stale CMS bundle would write with old rules).',
  },
  {
    path: `${uploadsPath}*`,
    headers: { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" },
    why: "Uploads are files from editors: nothing in them may run script or load anything on the site's origin.",
  },
  {
    path: `${uploadsPath}*`,
    except: ['pdf'],
    expandTo: uploadEndings,
    headers: { 'Content-Security-Policy': 'sandbox' },
    why: 'Uploads open in a sandbox (a unique origin). Not PDFs: Chromium refuses to show a PDF in a sandbox.',
  },
  {
    path: `${uploadsPath}*`,
    except: inlineUploads,
    expandTo: uploadEndings,
    headers: { 'Content-Disposition': 'attachment' },
    why: 'Uploads other than images and PDFs are downloaded, never opened in the browser.',
  },
];

/**
 * Media types by file ending: the whole table nginx gets (its `types` block replaces the default one) and
 * the preview uses. Text types are sent with `; charset=utf-8`.
 */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  map: 'application/json',
  xml: 'application/xml',
  xsl: 'application/xslt+xml',
  txt: 'text/plain',
  ics: 'text/calendar',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  webmanifest: 'application/manifest+json',
  wasm: 'application/wasm',
  // Pagefind's index: gzip data that Pagefind unpacks itself (so never sent with Content-Encoding).
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
  ...Object.fromEntries(Object.entries(UPLOAD_TYPES).map(([ext, { mime }]) => [ext, mime])),
};

/** Media types that carry text and get `; charset=utf-8`. */
export function isText(mediaType: string): boolean {
  return /^text\/|^application\/(json|xml|manifest\+json|xslt\+xml)$|\+xml$/.test(mediaType);
}

/** The Content-Type for a file path, by its ending; unknown endings are plain bytes. */
export function contentTypeFor(path: string): string {
  const ext = /\.([a-z0-9_]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  const type = MEDIA_TYPES[ext] ?? 'application/octet-stream';
  return isText(type) ? `${type}; charset=utf-8` : type;
}

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** A rule's path as a regular expression over the request path (PCRE and JavaScript alike). */
export function ruleRegExpSource(rule: Pick<HeaderRule, 'path' | 'except'>): string {
  if (rule.path.split('*').length > 2) throw new Error(`header rule ${rule.path}: at most one * is supported`);
  const [head, tail] = rule.path.split('*') as [string, string | undefined];
  let source = `^${escapeRegExp(head)}`;
  if (tail === undefined) return `${source}$`;
  const except = rule.except?.length ? `(?!.*\\.(?:${rule.except.map(escapeRegExp).join('|')})$)` : '';
  source += `${except}.*${escapeRegExp(tail)}$`;
  return source;
}

/** Whether a rule applies to a request path (case-insensitive, as nginx's `~*`). */
export function ruleMatches(rule: HeaderRule, path: string): boolean {
  return new RegExp(ruleRegExpSource(rule), 'i').test(path);
}

/**
 * The headers the site sends for a request path, as [name, value] pairs (a name may come twice: two
 * Content-Security-Policy headers are two policies, both enforced). Cache-Control falls back to REVALIDATE.
 */
export function headersFor(path: string): [string, string][] {
  const result: [string, string][] = [];
  for (const rule of headerRules) if (ruleMatches(rule, path)) result.push(...Object.entries(rule.headers));
  if (!result.some(([name]) => name === 'Cache-Control')) result.push(['Cache-Control', REVALIDATE]);
  return result;
}
