/**
 * What a first visit to a page transfers (no cache): every response the page loads until the network is
 * idle, headers and bodies as they came over the wire, measured in Chromium against nginx serving the build
 * with the generated configuration (dist/_nginx.conf: the precompressed .br/.gz files). Three visits per page:
 * a browser that accepts brotli (every current browser), one that accepts only gzip, and one that accepts
 * no compression (what the same files cost without precompression and without compression on the fly).
 * Used by the bench (scripts/bench.ts); `node scripts/lib/transfer-size.ts DIST /path/ ...` prints it alone.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { startNginx } from '../../tests/helpers/nginx.ts';

export interface Transfer {
  path: string;
  requests: number;
  /** Bytes over the wire (headers + bodies) by what the browser accepted. */
  br: number;
  gzip: number;
  identity: number;
}

const ENCODINGS = { br: 'gzip, deflate, br', gzip: 'gzip', identity: 'identity' } as const;

async function visit(
  browser: Browser,
  url: string,
  acceptEncoding: string,
): Promise<{ bytes: number; requests: number }> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'accept-encoding': acceptEncoding } });
  try {
    const page = await context.newPage();
    const requests: import('playwright-core').Request[] = [];
    page.on('requestfinished', (r) => requests.push(r));
    await page.goto(url, { waitUntil: 'networkidle' });
    const sizes = await Promise.all(requests.map((r) => r.sizes()));
    return {
      bytes: sizes.reduce((sum, s) => sum + s.responseHeadersSize + s.responseBodySize, 0),
      requests: requests.length,
    };
  } finally {
    await context.close();
  }
}

/** First-visit transfer of each path of a built site. */
export async function transferSizes(dist: string, paths: string[]): Promise<Transfer[]> {
  const nginx = await startNginx(dist);
  const browser = await launchBrowser();
  try {
    const out: Transfer[] = [];
    for (const path of paths) {
      const url = `${nginx.origin}${path}`;
      const br = await visit(browser, url, ENCODINGS.br);
      const gzip = await visit(browser, url, ENCODINGS.gzip);
      const identity = await visit(browser, url, ENCODINGS.identity);
      out.push({ path, requests: br.requests, br: br.bytes, gzip: gzip.bytes, identity: identity.bytes });
    }
    return out;
  } finally {
    await browser.close();
    await nginx.close();
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** One line per page, for the bench's output. */
export function formatTransfer(label: string, t: Transfer): string {
  const saved = (1 - t.br / t.identity) * 100;
  return `${label} ${t.path} first visit (${t.requests} requests): ${kb(t.br)} precompressed brotli, ${kb(t.gzip)} precompressed gzip, ${kb(t.identity)} uncompressed (brotli saves ${saved.toFixed(0)}%)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, ...paths] = process.argv.slice(2);
  if (!dist || !paths.length) {
    console.error('usage: node scripts/lib/transfer-size.ts DIST /path/ [/path/ ...]');
    process.exit(2);
  }
  for (const t of await transferSizes(dist, paths)) console.log(formatTransfer('', t).trim());
}
