/// <reference lib="webworker" />
/**
 * The service worker (/sw.js, scope /), bundled by src/integrations/offline.ts with the build's id and the
 * list of files it stores when it installs. It talks only to this site.
 *
 * - Fingerprinted assets (/_astro/): cache-first, they never change.
 * - Pages: network-first; a page fetched is kept (a bounded runtime cache). Without a network, or when
 *   the network takes longer than NETWORK_TIMEOUT_MS and a stored copy exists, the stored copy is served:
 *   from a saved event first, then the runtime cache; a page not stored gets the offline page of its language.
 * - Other files of the site (uploads, .ics): network-first with the same fallback, never kept on their own.
 * - Saved events: downloaded on request of the page's control (see protocol.ts for the atomic swap),
 *   refreshed in the background when this worker starts and on navigations while online.
 * /admin/ (the CMS) and /pagefind/ (the search index) are left to the network.
 */
import {
  CACHE_PREFIX,
  META_CACHE,
  REGISTRY_URL,
  coreCache,
  packCache,
  packKey,
  runtimeCache,
  type PackFile,
  type Registry,
  type Reply,
  type Request as PageRequest,
  type SavedPack,
} from './protocol.ts';

declare const self: ServiceWorkerGlobalScope;
/** Set by the build: its id, the files of the offline pages, and which offline page serves which paths. */
declare const __OFFLINE_BUILD__: string;
declare const __OFFLINE_CORE__: string[];
declare const __OFFLINE_PAGES__: [prefix: string, page: string][];

const CORE = coreCache(__OFFLINE_BUILD__);
const RUNTIME = runtimeCache(__OFFLINE_BUILD__);
const RUNTIME_MAX_ENTRIES = 150;
const NETWORK_TIMEOUT_MS = 4000;
const REFRESH_EVERY_MS = 15 * 60 * 1000;
const ORIGIN = self.location.origin;
const PASS_THROUGH = /^\/(admin|pagefind)\/|^\/sw\.js$/;

let registry: Promise<Registry> | undefined;
let lastRefresh = 0;
/** Pack changes run one after another, so the registry is never written from two places at once. */
let queue: Promise<unknown> = Promise.resolve();
const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
  const run = queue.then(job, job);
  queue = run.catch(() => {});
  return run;
};

function readRegistry(): Promise<Registry> {
  registry ??= caches
    .match(REGISTRY_URL, { cacheName: META_CACHE })
    .then((r) => (r ? (r.json() as Promise<Registry>) : { packs: {} }))
    .catch(() => ({ packs: {} }));
  return registry;
}

async function writeRegistry(next: Registry): Promise<void> {
  const meta = await caches.open(META_CACHE);
  await meta.put(REGISTRY_URL, new Response(JSON.stringify(next), { headers: { 'content-type': 'application/json' } }));
  registry = Promise.resolve(next);
}

/** A same-origin path of this site, or an error naming it (nothing is ever fetched from elsewhere). */
function sitePath(path: string): string {
  const url = new URL(path, ORIGIN);
  if (url.origin !== ORIGIN || !path.startsWith('/')) throw new Error(`not a path of this site: ${path}`);
  return url.pathname + url.search;
}

/** A response that can be stored and served for any request (a followed redirect is kept as its final answer). */
const storable = (response: Response) =>
  response.redirected
    ? new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      })
    : response;

/** Download the pack of `locale` from a manifest into a new cache, then swap it in; unchanged packs are only confirmed. */
async function save(manifest: string, locale: string, report: (reply: Reply) => void = () => {}): Promise<SavedPack> {
  const manifestPath = sitePath(manifest);
  if (!/^\/offline\/[^/]+\.json$/.test(manifestPath)) throw new Error(`not an offline manifest: ${manifest}`);
  const readManifest = async () => {
    const response = await fetch(manifestPath, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${manifestPath}: HTTP ${response.status}`);
    const pack = ((await response.json()) as PackFile).packs[locale];
    if (!pack) throw new Error(`${manifestPath} has no pack in "${locale}"`);
    return pack;
  };
  for (let attempt = 0; ; attempt++) {
    const pack = await readManifest();
    const key = packKey(locale, pack.slug);
    const current = (await readRegistry()).packs[key];
    const name = packCache(key, pack.version);
    const record: SavedPack = {
      key,
      locale,
      slug: pack.slug,
      title: pack.title,
      href: pack.href,
      manifest: manifestPath,
      version: pack.version,
      cache: name,
      total: pack.total,
      savedAt: Date.now(),
    };
    if (current?.version === pack.version && (await caches.has(current.cache))) {
      report({
        type: 'progress',
        done: pack.urls.length,
        count: pack.urls.length,
        bytes: pack.total,
        total: pack.total,
      });
      await writeRegistry({ packs: { ...(await readRegistry()).packs, [key]: record } });
      return record;
    }
    await caches.delete(name);
    const cache = await caches.open(name);
    let done = 0;
    let bytes = 0;
    const next = [...pack.urls.entries()];
    const worker = async () => {
      for (let item = next.shift(); item; item = next.shift()) {
        const [i, url] = item;
        const response = await fetch(sitePath(url), { cache: 'no-store' });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        await cache.put(url, storable(response));
        done++;
        bytes += pack.bytes[i] ?? 0;
        report({ type: 'progress', done, count: pack.urls.length, bytes, total: pack.total });
      }
    };
    try {
      await Promise.all([worker(), worker(), worker()]);
      // A deploy during the download would mix two versions: then start again with the new one.
      if ((await readManifest()).version !== pack.version) {
        if (attempt < 2) continue;
        throw new Error('the site changed three times while saving');
      }
    } catch (error) {
      await caches.delete(name);
      throw error;
    }
    await writeRegistry({ packs: { ...(await readRegistry()).packs, [key]: record } });
    if (current && current.cache !== name) await caches.delete(current.cache);
    return record;
  }
}

async function remove(key: string): Promise<void> {
  const { packs } = await readRegistry();
  const pack = packs[key];
  if (!pack) return;
  const rest = { ...packs };
  delete rest[key];
  await writeRegistry({ packs: rest });
  await caches.delete(pack.cache);
}

/** Bring every saved event up to date (only those whose content changed are downloaded again). */
async function refreshAll(): Promise<void> {
  lastRefresh = Date.now();
  const { packs } = await readRegistry();
  await Promise.all(Object.values(packs).map((p) => enqueue(() => save(p.manifest, p.locale)).catch(() => {})));
}

/** The stored answer to a request: from a saved event, then what was kept while browsing, then the offline pages. */
async function stored(request: Request): Promise<Response | undefined> {
  const url = new URL(request.url);
  url.hash = '';
  const keys = [url.href];
  // A QR code typed or shortened without its final slash: /m/abc → /m/abc/.
  if (!url.pathname.endsWith('/') && !/\.\w+$/.test(url.pathname))
    keys.push(`${url.origin}${url.pathname}/${url.search}`);
  const options = { ignoreVary: true, ignoreSearch: request.mode === 'navigate' };
  const names = [...Object.values((await readRegistry()).packs).map((p) => p.cache), RUNTIME, CORE];
  for (const name of names) {
    if (!(await caches.has(name))) continue;
    const cache = await caches.open(name);
    for (const key of keys) {
      const hit = await cache.match(key, options);
      if (hit) return hit;
    }
  }
  return undefined;
}

async function offlinePage(url: URL): Promise<Response> {
  const page = __OFFLINE_PAGES__.find(([prefix]) => url.pathname.startsWith(prefix))?.[1];
  const hit = page ? await caches.match(page, { cacheName: CORE }) : undefined;
  return hit ?? Response.error();
}

async function keep(request: Request, response: Response): Promise<void> {
  const cache = await caches.open(RUNTIME);
  await cache.put(request.url.replace(/#.*$/, ''), response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - RUNTIME_MAX_ENTRIES))) await cache.delete(old);
}

async function cacheFirst(event: FetchEvent): Promise<Response> {
  const hit = await stored(event.request);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(keep(event.request, response.clone()));
  return response;
}

async function networkFirst(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const page = request.mode === 'navigate';
  const network = fetch(request);
  const fallback = async () => (await stored(request)) ?? (page ? offlinePage(new URL(request.url)) : Response.error());
  // Slow network ("lie-fi" in a hall): a stored copy after NETWORK_TIMEOUT_MS, the network's answer if sooner.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<Response>((resolve) => {
    timer = setTimeout(() => void stored(request).then((hit) => hit && resolve(hit)), NETWORK_TIMEOUT_MS);
  });
  const fresh = network.then(
    (response) => {
      if (page && response.ok && response.type === 'basic') {
        event.waitUntil(keep(request, storable(response.clone())));
        if (Date.now() - lastRefresh > REFRESH_EVERY_MS) event.waitUntil(refreshAll());
      }
      return response;
    },
    () => fallback(),
  );
  return Promise.race([fresh, slow]).finally(() => clearTimeout(timer));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CORE)
      .then((cache) => cache.addAll(__OFFLINE_CORE__))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const { packs } = await readRegistry();
      const keep = new Set([CORE, RUNTIME, META_CACHE, ...Object.values(packs).map((p) => p.cache)]);
      for (const name of await caches.keys())
        if (name.startsWith(CACHE_PREFIX) && !keep.has(name)) await caches.delete(name);
      await self.clients.claim();
      // Not awaited: pages wait for activation, and a refresh may download megabytes.
      void refreshAll();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== ORIGIN || PASS_THROUGH.test(url.pathname)) return;
  event.respondWith(url.pathname.startsWith('/_astro/') ? cacheFirst(event) : networkFirst(event));
});

self.addEventListener('message', (event) => {
  const port = event.ports[0];
  const data = event.data as PageRequest | undefined;
  if (!port || !data) return;
  const reply = (message: Reply) => port.postMessage(message);
  const job =
    data.type === 'save'
      ? enqueue(() => save(data.manifest, data.locale, reply)).then((pack) => reply({ type: 'done', pack }))
      : enqueue(() => remove(data.key)).then(() => reply({ type: 'done' }));
  event.waitUntil(
    job.catch((error: unknown) =>
      reply({ type: 'failed', reason: error instanceof Error ? error.message : String(error) }),
    ),
  );
});
