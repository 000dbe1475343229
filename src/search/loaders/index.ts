/**
 * The search's inline loader scripts, compiled at build time from their TypeScript beside this file. A page
 * carries them as inline <script> elements under the site's Content-Security-Policy, so each one's exact text
 * is hashed into every page's policy (inlineScriptHashes() in src/lib/csp.ts, read by astro.config.mjs) and
 * the pages get the very same text from the virtual module below (set:html in the .astro components).
 * Values a loader needs come from data-* attributes on its <script>, never from its text, so text and hash
 * do not change from page to page.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import type { Plugin } from 'vite';

/** The loaders, by their file name here (search-button.ts, …). */
export const LOADERS = ['search-button', 'listing-filters', 'search-page'] as const;
export type LoaderName = (typeof LOADERS)[number];

/** Pages import the compiled texts from here: `import loaders from 'virtual:samen-hier/search-loaders'`. */
export const LOADERS_MODULE = 'virtual:samen-hier/search-loaders';
/** The module's id, plain or resolved (with Rollup's \0 prefix for virtual modules). */
const ID_FILTER = new RegExp(`^\\x00?${LOADERS_MODULE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);

const folder = dirname(fileURLToPath(import.meta.url));

/**
 * One loader as the classic script a page inlines: types stripped, minified, wrapped in a function so its
 * names stay out of the global scope (a listing page may carry the same loader twice).
 */
export function compileLoader(name: LoaderName): string {
  const file = join(folder, `${name}.ts`);
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    loader: 'ts',
    format: 'iife',
    minify: true,
    target: 'es2022',
    sourcefile: file,
  });
  return code.trimEnd();
}

export function compileLoaders(): Record<LoaderName, string> {
  return Object.fromEntries(LOADERS.map((name) => [name, compileLoader(name)])) as Record<LoaderName, string>;
}

/** Serves LOADERS_MODULE, compiled when first imported (a changed loader needs a restart: its hash is in the config). */
export function loadersPlugin(): Plugin {
  const resolved = `\0${LOADERS_MODULE}`;
  return {
    name: 'samen-hier:search-loaders',
    // The filters let the build's bundler (Rolldown) skip this plugin for every other module without calling into
    // JavaScript; the dev server applies them before calling the hooks.
    resolveId: {
      filter: { id: ID_FILTER },
      handler: (id) => (id === LOADERS_MODULE ? resolved : undefined),
    },
    load: {
      filter: { id: ID_FILTER },
      handler: (id) => (id === resolved ? `export default ${JSON.stringify(compileLoaders())};` : undefined),
    },
  };
}
