/**
 * Where pages load the lazy search client (dialog, listing filters) from. In a build, the Pagefind
 * integration (src/integrations/pagefind.ts) emits it as a hashed chunk and stores its URL here before
 * pages are rendered; under `astro dev` there is no such chunk and Vite serves the TypeScript source.
 * (Not decided by import.meta.env.DEV: a build started with NODE_ENV=test, as vitest does, has DEV=true.)
 */
export const SEARCH_CLIENT_SOURCE = 'src/components/search/lazy.ts';
export const SEARCH_CLIENT_GLOBAL = '__samenHierSearchClient';

export function searchClientUrl(): string {
  const built = (globalThis as Record<string, unknown>)[SEARCH_CLIENT_GLOBAL];
  return typeof built === 'string' ? built : `/${SEARCH_CLIENT_SOURCE}`;
}
