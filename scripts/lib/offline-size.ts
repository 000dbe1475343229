/**
 * Offline figures (issue 14): the service worker's size against its budget, the JavaScript a page runs before
 * interaction (which includes the worker's registration) and the size of each event's offline pack. Used by
 * the size-budget test and printed by the bench (printOfflineSizes, which builds the real site for it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { budgets, kb, pageWeight, type Weight } from './page-weight.ts';
import type { PackFile } from '../../src/offline/protocol.ts';

/** The worker (/sw.js), gzip-compressed. */
export const workerBudget = 10 * 1024;

export function workerWeight(dist: string): Weight {
  const code = readFileSync(join(dist, 'sw.js'));
  return { raw: code.length, gzip: gzipSync(code).length };
}

/** Every event's offline packs: key, number of files and total bytes (as stored on the device). */
export function packSizes(dist: string): { key: string; files: number; total: number; size: string }[] {
  const folder = join(dist, 'offline');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => Object.values((JSON.parse(readFileSync(join(folder, f), 'utf8')) as PackFile).packs))
    .map((p) => ({ key: `${p.locale}/${p.slug}`, files: p.urls.length, total: p.total, size: p.size }));
}

/** The page with the most JavaScript before interaction among `paths`. */
export function heaviestScript(dist: string, paths: string[]): { path: string; gzip: number } {
  return paths
    .map((path) => ({ path, gzip: pageWeight(dist, path).js.gzip }))
    .reduce((a, b) => (b.gzip > a.gzip ? b : a), { path: '', gzip: 0 });
}

/** Print the figures for a built site. */
export function printOfflineFigures(
  dist: string,
  pagePaths: string[],
  log: (line: string) => void = console.log,
): void {
  const worker = workerWeight(dist);
  log(`service worker /sw.js: ${kb(worker.raw)}, ${kb(worker.gzip)} gzip (budget ${kb(workerBudget)} gzip)`);
  const heaviest = heaviestScript(dist, pagePaths);
  log(
    `JS before interaction, registration included: at most ${kb(heaviest.gzip)} gzip on ${heaviest.path} (budget ${kb(budgets.jsBeforeInteraction)})`,
  );
  for (const pack of packSizes(dist))
    log(`offline pack ${pack.key}: ${pack.files} files, ${pack.size} (${pack.total} bytes)`);
}

/** Build the real site (content/) into a temporary folder and print its offline figures; for the bench. */
export function printOfflineSizes(root: string, log: (line: string) => void = console.log): void {
  const dir = mkdtempSync(join(tmpdir(), 'offline-bench-'));
  const out = join(dir, 'dist');
  try {
    execFileSync('npx', ['astro', 'build'], {
      cwd: root,
      stdio: 'ignore',
      env: {
        ...process.env,
        ASTRO_OUT_DIR: out,
        ASTRO_CACHE_DIR: join(dir, 'cache'),
        SEARCH_INDEX: 'off',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    const pages: string[] = [];
    const walk = (folder: string, path: string) => {
      for (const e of readdirSync(folder, { withFileTypes: true })) {
        if (e.isDirectory() && !['_astro', 'admin', 'pagefind', 'uploads'].includes(e.name))
          walk(join(folder, e.name), `${path}${e.name}/`);
        else if (e.name === 'index.html') pages.push(path);
      }
    };
    walk(out, '/');
    log('\n== offline use (the real site)');
    printOfflineFigures(out, pages, log);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
