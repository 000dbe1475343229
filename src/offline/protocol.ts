/**
 * What the offline parts agree on: the service worker (sw.ts), the page's save control (control.ts and the
 * inline scripts in src/lib/csp.ts), the offline page, and the build (src/integrations/offline.ts).
 * No imports: the worker is bundled from this file and sw.ts alone.
 *
 * Cache Storage holds:
 * - `shk-core-<build>`: the offline pages and their assets, stored when the worker installs;
 * - `shk-runtime-<build>`: pages and fingerprinted assets met while browsing (network-first / cache-first);
 * - `shk-pack-<locale>-<slug>-<version>`: one saved event, complete (see PackManifest);
 * - `shk-meta`: the registry of saved events at REGISTRY_URL. A pack counts only once the registry names its
 *   cache, and the registry is written in one put: an update downloads into a new cache, then swaps the
 *   registry entry, then deletes the old cache. A half-downloaded cache is never used and is cleaned up.
 * Caches of other builds (core, runtime) are deleted when a new worker activates; saved packs stay and are
 * refreshed in the background.
 */

export const CACHE_PREFIX = 'shk-';
export const META_CACHE = 'shk-meta';
/** Key of the registry in META_CACHE: not a page of the site (a dot file, which static hosts never serve). */
export const REGISTRY_URL = '/.offline';

export const coreCache = (build: string) => `${CACHE_PREFIX}core-${build}`;
export const runtimeCache = (build: string) => `${CACHE_PREFIX}runtime-${build}`;
export const packCache = (key: string, version: string) => `${CACHE_PREFIX}pack-${key.replace('/', '-')}-${version}`;

/** Where the build writes an event's offline manifest. */
export const packManifestPath = (slug: string) => `/offline/${slug}.json`;

/** Where the event page says how big its pack is; the build fills it in once the pack's files exist. */
export const PACK_SIZE_SLOT = '<span data-offline-size></span>';

/** A pack's key: locale and event slug, e.g. "nl/congres-2024". */
export const packKey = (locale: string, slug: string) => `${locale}/${slug}`;

/** One language's pack of an event, as the build writes it into /offline/<slug>.json. */
export interface PackManifest {
  locale: string;
  slug: string;
  title: string;
  /** The event page. */
  href: string;
  /** Every URL to store: pages, files, calendar, short links, and the assets the pages load. */
  urls: string[];
  /** Bytes of every URL as served (uncompressed), in `urls` order. */
  bytes: number[];
  total: number;
  /** The total for people, in the pack's language ("4,2 MB"). */
  size: string;
  /** Hash of every stored file: changes exactly when the pack's content does. */
  version: string;
  /** How many materials, and how many of them are files stored (links to other sites are not). */
  materials: number;
}

/** /offline/<slug>.json: the event's packs, one per language the event page exists in. */
export interface PackFile {
  slug: string;
  packs: Record<string, PackManifest>;
}

/** A saved event, as the registry lists it. */
export interface SavedPack {
  key: string;
  locale: string;
  slug: string;
  title: string;
  href: string;
  manifest: string;
  version: string;
  cache: string;
  total: number;
  /** When its content was last stored or confirmed current (ms since 1970). */
  savedAt: number;
}

export interface Registry {
  packs: Record<string, SavedPack>;
}

/** Messages from a page to the worker; the worker answers on the MessagePort sent along. */
export type Request = { type: 'save'; manifest: string; locale: string } | { type: 'remove'; key: string };

/** The worker's answers: progress while saving, then done or failed. */
export type Reply =
  | { type: 'progress'; done: number; count: number; bytes: number; total: number }
  | { type: 'done'; pack?: SavedPack }
  | { type: 'failed'; reason: string };
