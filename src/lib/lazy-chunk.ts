/**
 * A client module that pages load only on demand (`import(url)` from a tiny inline script): in a build a
 * Vite plugin emits it as its own hashed chunk and publishes the chunk's URL on globalThis before pages are
 * rendered; under `astro dev` Vite serves the TypeScript source at its own path. Used by the search client
 * (src/search/client-chunk.ts) and the offline save control (src/offline/control-chunk.ts).
 */
import type { Plugin } from 'vite';

export interface LazyChunk {
  /** Name of the emitted chunk (the file becomes /_astro/<name>.<hash>.js). */
  name: string;
  /** Source file, relative to the project root. */
  source: string;
  /** Where the build publishes the chunk's URL. */
  global: string;
}

/** The URL pages import the chunk from. */
export function lazyChunkUrl(chunk: LazyChunk): string {
  const built = (globalThis as Record<string, unknown>)[chunk.global];
  return typeof built === 'string' ? built : `/${chunk.source}`;
}

/** The Vite plugin that emits the chunk (entry: absolute path of chunk.source). */
export function lazyChunkPlugin(chunk: LazyChunk, entry: string): Plugin {
  let ref = '';
  return {
    name: `samen-hier:lazy-chunk:${chunk.name}`,
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    buildStart() {
      ref = this.emitFile({ type: 'chunk', id: entry, name: chunk.name, preserveSignature: 'exports-only' });
    },
    generateBundle() {
      (globalThis as Record<string, unknown>)[chunk.global] = `/${this.getFileName(ref)}`;
    },
  };
}
