/**
 * Precompressed copies of the built site's text files: `<file>.br` (brotli) and `<file>.gz` (gzip, level 9) beside
 * each one, for servers that send them as they are (nginx `gzip_static`, `brotli_static`; `npm run preview`).
 * Compressing once at build time costs the server nothing per request.
 *
 * Brotli's quality is chosen per file (`brotliQuality`): 11 for the shared assets every visit loads (`_astro/`,
 * `pagefind/`, the service worker), 5 for everything made per page. Measured on the HTML of a 1,000-entry corpus
 * (251 pages, 3.4 MB): quality 11 gives 939 KB in 3.9 s, 10 gives 958 KB in 1.4 s, 5 to 8 give 1,025 KB in 0.07 to
 * 0.12 s, gzip 9 gives 1,103 KB. Quality 11 on every page cost 42 s of a 57 s build for 1,921 pages on 2 cores (a
 * cold cache, as in CI); quality 5 makes a page's copy 0.6 KB larger for a 7 KB page and takes 0.3 ms.
 * Quality 11 results are also kept in a cache folder by content hash: a rebuild compresses only those that changed.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * File endings that are compressed: text and WebAssembly. Not Pagefind's index files (.pagefind, .pf_*):
 * they are gzip data already, which Pagefind unpacks itself. Not images, PDFs or office files (compressed).
 */
export const COMPRESSIBLE = [
  'html',
  'css',
  'js',
  'mjs',
  'json',
  'svg',
  'xml',
  'ics',
  'txt',
  'webmanifest',
  'wasm',
  'map',
] as const;
const compressible = new RegExp(`\\.(${COMPRESSIBLE.join('|')})$`);

/** Where the files every page shares live: compressed once with the slowest, smallest setting. */
const SHARED_ASSET = /^(_astro|pagefind)\/|^sw\.js$/;

/** Brotli quality for a file, by its path relative to the site folder (see the top of this file for the figures). */
export function brotliQuality(sitePath: string): number {
  return SHARED_ASSET.test(sitePath.split(sep).join('/')) ? 11 : 5;
}

/** The two encodings of one file, as the build writes them. */
export async function compress(data: Buffer, binary = false, quality = 11): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gzipped] = await Promise.all([
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_MODE]: binary ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    }),
    gz(data, { level: 9 }),
  ]);
  return { br, gzip: gzipped };
}

export interface PrecompressResult {
  files: number;
  /** Files taken from the cache instead of compressed again. */
  cached: number;
  /** Files whose copies were there already, written with them by the step that made them (the CMS bundle). */
  ready: number;
  /** Bytes of the originals, and of the copies written. */
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
  seconds: number;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && compressible.test(entry.name)) yield path;
  }
}

let temporaries = 0;

/**
 * Writes a cache entry under a temporary name first, so another build never reads half of one. The name is unique
 * per write, not only per process: two files with the same content (e.g. a 404 page and its copy) share a cache key
 * and are written at the same time.
 */
async function writeCached(cacheDir: string, name: string, data: Buffer): Promise<void> {
  const temporary = join(cacheDir, `${name}.${process.pid}.${++temporaries}.tmp`);
  await writeFile(temporary, data);
  await rename(temporary, join(cacheDir, name));
}

async function readCached(
  cacheDir: string | undefined,
  key: string,
): Promise<{ br: Buffer; gzip: Buffer } | undefined> {
  if (!cacheDir) return undefined;
  try {
    return { br: await readFile(join(cacheDir, `${key}.br`)), gzip: await readFile(join(cacheDir, `${key}.gz`)) };
  } catch {
    return undefined;
  }
}

/**
 * Writes `.br` and `.gz` beside every compressible file under `dir`; a copy that would not be smaller than
 * the file is left out (the server then sends the file). zlib works in Node's thread pool, so several files
 * compress at once. With `cacheDir`, results are reused by content hash and entries this build did not use
 * are removed.
 */
export async function precompress(dir: string, cacheDir?: string): Promise<PrecompressResult> {
  const started = performance.now();
  const result: PrecompressResult = {
    files: 0,
    cached: 0,
    ready: 0,
    bytes: 0,
    brotliBytes: 0,
    gzipBytes: 0,
    seconds: 0,
  };
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  const found: { path: string; size: number }[] = [];
  for await (const path of walk(dir)) found.push({ path, size: (await stat(path)).size });
  // Largest first, so one big bundle does not finish alone at the end.
  const queue = found.sort((a, b) => b.size - a.size).map((f) => f.path);
  const used = new Set<string>();
  const work = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      // Copies made by the step that wrote the file (the CMS bundle brings its own from its cache).
      if (existsSync(`${path}.br`) || existsSync(`${path}.gz`)) {
        result.ready++;
        continue;
      }
      const data = await readFile(path);
      const quality = brotliQuality(relative(dir, path));
      const key = createHash('sha256').update(`q${quality}:`).update(data).digest('hex');
      used.add(key);
      // Only quality 11 results are worth a cache entry: quality 5 takes less time than writing the entry's two files.
      const cache = quality === 11 ? cacheDir : undefined;
      let out = await readCached(cache, key);
      if (out) result.cached++;
      else {
        out = await compress(data, path.endsWith('.wasm'), quality);
        if (cache)
          await Promise.all([writeCached(cache, `${key}.br`, out.br), writeCached(cache, `${key}.gz`, out.gzip)]);
      }
      result.files++;
      result.bytes += data.length;
      if (out.br.length < data.length) {
        await writeFile(`${path}.br`, out.br);
        result.brotliBytes += out.br.length;
      }
      if (out.gzip.length < data.length) {
        await writeFile(`${path}.gz`, out.gzip);
        result.gzipBytes += out.gzip.length;
      }
    }
  };
  // Eight files in flight: most of the time goes to creating files (two per file), not to compressing, so more files
  // than cores keep the disk busy (1,921 pages on 2 cores: 2 at a time 6.0 s, 4 5.3 s, 8 4.3 s).
  await Promise.all(Array.from({ length: 8 }, work));
  if (cacheDir) {
    for (const name of await readdir(cacheDir))
      if (/^[0-9a-f]{64}\.(br|gz)$/.test(name) && !used.has(name.slice(0, 64)))
        await rm(join(cacheDir, name), { force: true });
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
