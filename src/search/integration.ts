/**
 * Site search with Pagefind, as an Astro integration: wires the parts of src/search/ into Astro's hooks.
 *
 * - `astro build`: after the build (astro:build:done) the site is indexed (build-index.ts).
 *   SEARCH_INDEX=off skips indexing (the benchmark times it separately with indexSite()).
 * - `astro dev`: the dev server crawls and indexes its own pages and serves them at /pagefind/ (dev-index.ts).
 * - The lazily loaded search client (dialog, listing filters, search page) is emitted as its own chunk
 *   (client-chunk.ts), and the inline loader scripts are compiled from their TypeScript (loaders/).
 */
import type { AstroIntegration } from 'astro';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyChunkPlugin } from '../lib/lazy-chunk.ts';
import { indexSite } from './build-index.ts';
import { SEARCH_CLIENT } from './client-chunk.ts';
import { devIndex } from './dev-index.ts';
import { loadersPlugin } from './loaders/index.ts';

export default function pagefindIntegration(): AstroIntegration {
  let dev: ReturnType<typeof devIndex> | undefined;
  return {
    name: 'samen-hier:pagefind',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        const root = fileURLToPath(config.root);
        updateConfig({
          vite: { plugins: [lazyChunkPlugin(SEARCH_CLIENT, join(root, SEARCH_CLIENT.source)), loadersPlugin()] },
        });
        if (command === 'dev')
          dev = devIndex(root, resolve(root, process.env.CONTENT_DIR ?? 'content'), (m) =>
            console.log(`[search] ${m}`),
          );
      },
      'astro:server:setup': ({ server }) => {
        if (!dev) return;
        const index = dev;
        server.middlewares.use((req, res, next) => void index.middleware(req, res, next));
        server.watcher.on('all', (_event, file) => index.changed(file));
      },
      'astro:server:start': ({ address }) => {
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        dev?.start(`http://${host}:${address.port}`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.SEARCH_INDEX === 'off') return logger.info('SEARCH_INDEX=off: search index not built');
        await indexSite(fileURLToPath(dir), (m) => logger.info(m));
      },
    },
  };
}
