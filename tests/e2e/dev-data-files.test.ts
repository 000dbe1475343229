/**
 * Data files on the dev server (`npm start` / `npm run dev`): the build writes QR codes, calendars and offline
 * packs in one pass (src/integrations/data-files/), and `astro dev` serves each at its own URL from the same
 * functions (src/lib/data-files.ts), so a presenter or editor gets the same file in both. Compared byte for byte
 * with the test build (.tmp/test-site, made by the global setup); an edited event shows in its calendar without a
 * restart. The dev server runs in a throw-away copy of the project (helpers/project-copy.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAstroDevCopy } from '../helpers/astro-dev.ts';
import { testDist } from '../helpers/paths.ts';
import type { ServerProcess } from '../helpers/server-process.ts';

const SLUG = 'congres-van-migratie-tot-participatie-2024';
/** Data files of the starter congress that do not depend on the build date (the agendas do). */
const SAME_AS_BUILT = [
  ['/m/zhg8n/qr.svg', 'image/svg+xml; charset=utf-8'],
  ['/m/j9eva/qr.svg', 'image/svg+xml; charset=utf-8'],
  [`/evenementen/${SLUG}.ics`, 'text/calendar; charset=utf-8'],
  [`/en/events/${SLUG}.ics`, 'text/calendar; charset=utf-8'],
] as const;

let dir: string;
let origin: string;
let server: ServerProcess;

const get = (path: string) => fetch(`${origin}${path}`, { signal: AbortSignal.timeout(60_000) });

beforeAll(async () => {
  ({ dir, origin, server } = await startAstroDevCopy('shk-dev-data-files-', '/m/zhg8n/qr.svg'));
}, 300_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('data files on the dev server', () => {
  it.each(SAME_AS_BUILT)('%s is served as %s, byte for byte as built', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(testDist, path)))).toBe(true);
  });

  it("serves an event's offline packs as the content model knows them (the build completes them)", async () => {
    const response = await get(`/offline/${SLUG}.json`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const pack = (await response.json()) as { slug: string; packs: Record<string, { urls: string[] }> };
    expect(pack.slug).toBe(SLUG);
    expect(Object.keys(pack.packs).sort()).toEqual(['en', 'nl']);
    expect(pack.packs.nl!.urls).toContain(`/evenementen/${SLUG}.ics`);
  });

  it('has no URL for the build-only list of all data files, and none for a session without a time slot', async () => {
    expect((await get('/_data-files.json')).status).toBe(404);
    expect((await get(`/evenementen/${SLUG}/workshop-samen-hier.ics`)).status).toBe(404);
  });

  it("shows an edited event's new title in its calendar, without a restart", async () => {
    const file = join(dir, 'content', 'events', 'nl', `${SLUG}.mdx`);
    const source = readFileSync(file, 'utf8');
    const title = /^title:\s*['"]?(.+?)['"]?\s*$/m.exec(source)![1]!;
    writeFileSync(file, source.replace(title, `${title} (gewijzigd)`));
    await expect
      // Unfolded: iCalendar folds lines longer than 75 octets (RFC 5545, 3.1).
      .poll(async () => (await (await get(`/evenementen/${SLUG}.ics`)).text()).replace(/\r\n[ \t]/g, ''), {
        timeout: 60_000,
        interval: 1_000,
      })
      .toContain(`${title} (gewijzigd)`);
  }, 90_000);
});
