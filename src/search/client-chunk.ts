/**
 * The search client (client/lazy.ts) as a lazily loaded chunk: in a build the integration emits it as a hashed
 * chunk (src/lib/lazy-chunk.ts) and publishes its URL before pages are rendered; under `astro dev` there is no
 * such chunk and Vite serves the TypeScript source. Pages hand the URL to their inline loader (loaders/).
 * (Not decided by import.meta.env.DEV: a build started with NODE_ENV=test, as vitest does, has DEV=true.)
 */
import { lazyChunkUrl, type LazyChunk } from '../lib/lazy-chunk.ts';

export const SEARCH_CLIENT: LazyChunk = {
  name: 'search-client',
  source: 'src/search/client/lazy.ts',
  global: '__samenHierSearchClient',
};

/** The URL pages import the search client from. */
export function searchClientUrl(): string {
  return lazyChunkUrl(SEARCH_CLIENT);
}
