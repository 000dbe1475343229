/**
 * Data files (QR codes, calendars, offline packs; src/lib/data-files.ts) as an Astro integration.
 *
 * - `astro build`: one route (routes/all.json.ts) returns every data file at once; after the pages are generated
 *   (astro:build:generated, so the build:done steps of every integration see them: offline packs, precompression)
 *   this integration writes them into the output folder and removes that route's output. A route per file paid
 *   Astro's per-route work for each (567 routes in a 1,000-entry build), for files that are plain text from data.
 * - `astro dev`: a route per kind (routes/) serves each file at its URL, from the same functions.
 *
 * A file that is made twice (twice in the list, or already written by a page route or copied from public/) or that
 * would land outside the output folder fails the build, naming the file.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataFile } from '../../lib/data-files.ts';

/** Where the one build route puts the list of files (removed once they are written). */
export const BUNDLE_PATH = '/_data-files.json';

/**
 * Each kind's URL pattern under `astro dev` and its route there. Injected by Astro's command, not decided in the
 * routes by import.meta.env.DEV: a build started with NODE_ENV=test (as vitest does) has DEV=true.
 */
const DEV_ROUTES = [
  { pattern: '/m/[code]/qr.svg', route: 'qr.svg.ts' },
  { pattern: '/[...ics].ics', route: 'calendar.ics.ts' },
  { pattern: '/offline/[event].json', route: 'offline-pack.json.ts' },
];

const routeFile = (name: string) => new URL(`./routes/${name}`, import.meta.url);

/**
 * Writes the files into the output folder `dist`. Checks the whole list first and writes nothing when a file is
 * made twice (twice in the list, or already in `dist` from a page route or public/) or would land outside `dist`;
 * the error names the file.
 */
export function writeDataFiles(dist: string, files: readonly DataFile[]): void {
  const root = resolve(dist);
  const targetOf = (path: string) => resolve(root, `.${path}`);
  const targets = new Set<string>();
  for (const { path } of files) {
    const target = targetOf(path);
    const inside = relative(root, target);
    if (!path.startsWith('/') || inside === '' || inside.startsWith('..'))
      throw new Error(`[data-files] ${JSON.stringify(path)} is not a file path inside the site; nothing was written.`);
    if (targets.has(target) || existsSync(target))
      throw new Error(
        `[data-files] ${path} is made twice: ${targets.has(target) ? 'twice by src/lib/data-files.ts' : 'by src/lib/data-files.ts and by a page route or a file in public/'}. ` +
          'Give each file one source; nothing was written.',
      );
    targets.add(target);
  }
  for (const { path, body } of files) {
    const target = targetOf(path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
  }
}

/** "350 .svg, 182 .ics, 35 .json": how many files of each kind. */
function countByType(files: readonly DataFile[]): string {
  const counts = new Map<string, number>();
  for (const { path } of files) {
    const type = path.slice(path.lastIndexOf('.'));
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].map(([type, n]) => `${n} ${type}`).join(', ');
}

export default function dataFilesIntegration(): AstroIntegration {
  return {
    name: 'samen-hier:data-files',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'build')
          injectRoute({ pattern: BUNDLE_PATH, entrypoint: routeFile('all.json.ts'), prerender: true });
        if (command === 'dev')
          for (const { pattern, route } of DEV_ROUTES) injectRoute({ pattern, entrypoint: routeFile(route) });
      },
      'astro:build:generated': ({ dir, logger }) => {
        const start = performance.now();
        const dist = fileURLToPath(dir);
        const bundle = join(dist, BUNDLE_PATH);
        const files = JSON.parse(readFileSync(bundle, 'utf8')) as DataFile[];
        rmSync(bundle);
        writeDataFiles(dist, files);
        logger.info(
          `wrote ${files.length} data files in one pass (${countByType(files)}) in ${Math.round(performance.now() - start)} ms`,
        );
      },
    },
  };
}
