/**
 * `npm run preview` (scripts/preview.ts) answers like production: the same header table as the nginx test,
 * precompressed files, folder redirects, the 404 page of the path's language, nothing hidden served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, testDist } from '../helpers/paths.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { userEnv } from '../helpers/user-env.ts';
import { rawGet } from '../helpers/raw-http.ts';
import {
  HIDDEN_PATHS,
  WELL_KNOWN_PATH,
  itServesTheHeaderCases,
  siteWithSampleUploads,
} from '../helpers/expected-headers.ts';

let site: ReturnType<typeof siteWithSampleUploads> | undefined;
let preview: ServerProcess;
let origin = '';

beforeAll(async () => {
  site = siteWithSampleUploads(testDist);
  preview = startServerProcess('npm run preview', 'npm', ['run', 'preview', '--', '--port', '0', '--dir', site.root], {
    cwd: projectRoot,
    env: userEnv(),
  });
  await preview.until(
    'the preview listens',
    () => {
      origin = /http:\/\/127\.0\.0\.1:\d+/.exec(preview.output())?.[0] ?? '';
      return origin !== '';
    },
    60_000,
  );
});

afterAll(async () => {
  await preview?.stop();
  site?.remove();
});

const get = (path: string, headers: Record<string, string> = {}) => rawGet(`${origin}${path}`, headers);

describe('npm run preview', () => {
  itServesTheHeaderCases(testDist, () => origin);

  it('sends the precompressed files', async () => {
    const br = await get('/', { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.equals(readFileSync(join(testDist, 'index.html.br')))).toBe(true);
    const gz = await get('/agenda.ics', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(
      (await get('/pagefind/wasm.nl.pagefind', { 'accept-encoding': 'br, gzip' })).headers['content-encoding'],
    ).toBeUndefined();
  });

  it('redirects a folder without its slash and answers unknown paths with the 404 of their language', async () => {
    const redirect = await get('/en');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/en/');
    const hidden = HIDDEN_PATHS.map((path) => [path, 'nl'] as const);
    for (const [path, lang] of [
      ['/bestaat-niet/', 'nl'],
      ['/404', 'nl'],
      ['/en/does-not-exist/', 'en'],
      ['/_headers', 'nl'],
      ['/_astro/', 'nl'],
      ...hidden,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers['cache-control'], path).toBe('public, max-age=0, must-revalidate');
      expect(res.body.toString(), path).toContain(`<html lang="${lang}"`);
    }
    expect((await get(WELL_KNOWN_PATH)).status).toBe(200);
  });
});
