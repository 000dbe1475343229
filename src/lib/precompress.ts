/**
 * Precompressed copies of the built site's text files: `<file>.br` (brotli, quality 11) and `<file>.gz`
 * (gzip, level 9) beside each one, for servers that send them as they are (nginx `gzip_static`,
 * `brotli_static`; `npm run preview`). Compressing once at build time lets the slowest, smallest settings be
 * used, and the server spends no CPU per request.
 */
import { availableParallelism } from 'node:os';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * File endings that are compressed: text and WebAssembly. Not Pagefind's index files (.pagefind, .pf_*):
 * they are gzip data already, which Pagefind unpacks itself. Not images, PDFs or office files (compressed).
 */
export const COMPRESSIBLE = ['html', 'css', 'js', 'mjs', 'json', 'svg', 'xml', 'ics', 'txt', 'webmanifest', 'wasm', 'map'] as const;
const compressible = new RegExp(`\\.(${COMPRESSIBLE.join('|')})$`);

export interface PrecompressResult {
  files: number;
  /** Bytes of the originals, and of the copies actually written. */
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

/**
 * Writes `.br` and `.gz` beside every compressible file under `dir`; a copy that would not be smaller than
 * the file is not written (a server then sends the file itself). zlib runs in Node's thread pool, so several
 * files compress at once.
 */
export async function precompress(dir: string): Promise<PrecompressResult> {
  const started = performance.now();
  const result: PrecompressResult = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0, seconds: 0 };
  const found: { path: string; size: number }[] = [];
  for await (const path of walk(dir)) found.push({ path, size: (await stat(path)).size });
  // Largest first, so one big bundle does not end the run alone.
  const queue = found.sort((a, b) => b.size - a.size).map((f) => f.path);
  const work = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const data = await readFile(path);
      const [br, gzipped] = await Promise.all([
        brotli(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            [constants.BROTLI_PARAM_MODE]: path.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
          },
        }),
        gz(data, { level: 9 }),
      ]);
      result.files++;
      result.bytes += data.length;
      if (br.length < data.length) {
        await writeFile(`${path}.br`, br);
        result.brotliBytes += br.length;
      }
      if (gzipped.length < data.length) {
        await writeFile(`${path}.gz`, gzipped);
        result.gzipBytes += gzipped.length;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, work));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
