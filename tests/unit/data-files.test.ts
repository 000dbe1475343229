/**
 * The data-files integration's writer (src/integrations/data-files/index.ts): the build hands it every QR code,
 * calendar and offline pack at once; it writes each file once, at its path, and refuses a file made twice or one
 * outside the output folder before writing anything. (The files of the real build: tests/build/data-files.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataFiles } from '../../src/integrations/data-files/index.ts';

let root: string;
let dist: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'data-files-'));
  dist = join(root, 'dist');
  mkdirSync(dist);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Every file under a folder, as paths relative to it. */
const filesIn = (dir: string) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length))
    .sort();

describe('writeDataFiles', () => {
  it('writes each file at its path with its exact body', () => {
    writeDataFiles(dist, [
      { path: '/m/zhg8n/qr.svg', body: '<svg>zhg8n</svg>' },
      { path: '/agenda.ics', body: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
      { path: '/en/events/congres.ics', body: 'BEGIN:VCALENDAR\r\n' },
      { path: '/offline/congres.json', body: '{"slug":"congres","packs":{}}' },
    ]);
    expect(filesIn(dist)).toEqual([
      '/agenda.ics',
      '/en/events/congres.ics',
      '/m/zhg8n/qr.svg',
      '/offline/congres.json',
    ]);
    expect(readFileSync(join(dist, 'agenda.ics'), 'utf8')).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(readFileSync(join(dist, 'm/zhg8n/qr.svg'), 'utf8')).toBe('<svg>zhg8n</svg>');
  });

  it('refuses a file listed twice, naming it, and writes nothing', () => {
    expect(() =>
      writeDataFiles(dist, [
        { path: '/m/zhg8n/qr.svg', body: 'first' },
        { path: '/agenda.ics', body: 'agenda' },
        { path: '/m/zhg8n/qr.svg', body: 'second' },
      ]),
    ).toThrow('[data-files] /m/zhg8n/qr.svg is made twice: twice by src/lib/data-files.ts. Give each file one source');
    expect(filesIn(dist)).toEqual([]);
  });

  it('refuses a file a page route or public/ already put in the output, naming it, and leaves that file alone', () => {
    writeFileSync(join(dist, 'agenda.ics'), 'from a route');
    expect(() =>
      writeDataFiles(dist, [
        { path: '/en/agenda.ics', body: 'en' },
        { path: '/agenda.ics', body: 'data file' },
      ]),
    ).toThrow(
      '[data-files] /agenda.ics is made twice: by src/lib/data-files.ts and by a page route or a file in public/. Give each file one source',
    );
    expect(filesIn(dist)).toEqual(['/agenda.ics']);
    expect(readFileSync(join(dist, 'agenda.ics'), 'utf8')).toBe('from a route');
  });

  it.each(['/../escaped.ics', '/m/../../escaped.ics', 'agenda.ics', '/'])(
    'refuses %j (not a file inside the site) and writes nothing, inside or outside the output',
    (path) => {
      expect(() =>
        writeDataFiles(dist, [
          { path: '/agenda.ics', body: 'ok' },
          { path, body: 'x' },
        ]),
      ).toThrow(`[data-files] ${JSON.stringify(path)} is not a file path inside the site; nothing was written.`);
      expect(filesIn(dist)).toEqual([]);
      expect(existsSync(join(root, 'escaped.ics'))).toBe(false);
    },
  );
});
