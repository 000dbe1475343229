/**
 * The data files of the built starter site (.tmp/test-site): every QR code, calendar and offline pack, written in
 * one pass by src/integrations/data-files/ (a file made twice fails the build there: tests/unit/data-files.test.ts).
 * The expected lists are written out for the starter content: the congress "Van Migratie tot Participatie 2024"
 * in both languages (its one session has no known time slot, so no session calendar), one session and two
 * materials with short links.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDist } from '../helpers/paths.ts';

const SLUG = 'congres-van-migratie-tot-participatie-2024';

/** Site paths of every built file, without the precompressed copies. */
const builtPaths = (readdirSync(testDist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
  .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
  .map((e) => join(e.parentPath, e.name).slice(testDist.length));

describe('data files', () => {
  it('a QR code for each short link, and no other SVG under /m/', () => {
    expect(builtPaths.filter((p) => p.startsWith('/m/') && p.endsWith('.svg')).sort()).toEqual([
      '/m/2ppb0/qr.svg',
      '/m/j9eva/qr.svg',
      '/m/zhg8n/qr.svg',
    ]);
  });

  it('the agenda and the congress calendar in each language, and no other .ics', () => {
    expect(builtPaths.filter((p) => p.endsWith('.ics')).sort()).toEqual([
      '/agenda.ics',
      '/en/agenda.ics',
      `/en/events/${SLUG}.ics`,
      `/evenementen/${SLUG}.ics`,
    ]);
  });

  it('one offline pack file for the congress, with both languages', () => {
    expect(builtPaths.filter((p) => p.startsWith('/offline/') && p.endsWith('.json'))).toEqual([
      `/offline/${SLUG}.json`,
    ]);
    const pack = JSON.parse(readFileSync(join(testDist, 'offline', `${SLUG}.json`), 'utf8')) as {
      slug: string;
      packs: Record<string, unknown>;
    };
    expect(pack.slug).toBe(SLUG);
    expect(Object.keys(pack.packs).sort()).toEqual(['en', 'nl']);
  });

  it('leaves nothing of the one-pass route behind', () => {
    expect(builtPaths.filter((p) => p.includes('_data-files'))).toEqual([]);
    expect(existsSync(join(testDist, '_data-files.json'))).toBe(false);
    expect(existsSync(join(testDist, '_data-files.json.br'))).toBe(false);
  });
});
