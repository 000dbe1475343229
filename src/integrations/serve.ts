/**
 * How the built site is served, as an Astro integration. After the build (astro:build:done, and after the
 * search index: list this integration after pagefind() in astro.config.mjs) it writes into the output folder:
 * - `_headers` (Netlify, Cloudflare Pages) and `_nginx.conf` (nginx), both from src/lib/headers.ts;
 * - `<lang>/404.html` beside `<lang>/404/index.html`: Cloudflare Pages serves the nearest 404.html, so an
 *   unknown English path gets the English 404;
 * - `.br` and `.gz` copies of every text file (src/lib/precompress.ts), reusing earlier results kept in
 *   <cacheDir>/precompress/; PRECOMPRESS=off skips them (hosts that compress by themselves, GitHub Pages).
 */
import type { AstroIntegration } from 'astro';
import { copyFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile, nginxInclude, notFoundPages } from '../lib/serve-config.ts';
import { precompress } from '../lib/precompress.ts';

/** Writes the server configuration and the per-language 404.html files into a built site folder. */
export async function writeServeFiles(dir: string): Promise<void> {
  await writeFile(join(dir, '_headers'), headersFile());
  await writeFile(join(dir, '_nginx.conf'), nginxInclude());
  for (const { prefix, page } of notFoundPages()) {
    const flat = join(dir, prefix, '404.html');
    if (page !== `${prefix}404.html` && existsSync(join(dir, page))) await copyFile(join(dir, page), flat);
  }
}

export default function serveIntegration(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'samen-hier:serve',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('precompress/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        await writeServeFiles(out);
        logger.info('wrote _headers and _nginx.conf (src/lib/headers.ts)');
        if (process.env.PRECOMPRESS === 'off') return logger.info('PRECOMPRESS=off: no .br/.gz copies');
        const r = await precompress(out, cacheDir);
        const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
        logger.info(
          `precompressed ${r.files} files (${mb(r.bytes)} MB; ${r.cached} unchanged, from the cache; ${r.ready} came with their copies) to ${mb(r.brotliBytes)} MB brotli, ` +
            `${mb(r.gzipBytes)} MB gzip in ${r.seconds.toFixed(1)} s`,
        );
      },
    },
  };
}
