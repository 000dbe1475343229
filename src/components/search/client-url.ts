/**
 * Where pages load the lazy search client (dialog, listing filters) from. In a build, the Pagefind
 * integration (src/integrations/pagefind.ts) emits it as a hashed chunk and stores its URL here before
 * pages are rendered; under `astro dev`, Vite serves the TypeScript source directly.
 */
export const SEARCH_CLIENT_SOURCE = 'src/components/search/lazy.ts';
export const SEARCH_CLIENT_GLOBAL = '__samenHierSearchClient';

export function searchClientUrl(): string {
  if (import.meta.env.DEV) return `/${SEARCH_CLIENT_SOURCE}`;
  const url = (globalThis as Record<string, unknown>)[SEARCH_CLIENT_GLOBAL];
  if (typeof url !== 'string') throw new Error('The search client was not built: is the pagefind integration registered in astro.config.mjs?');
  return url;
}
