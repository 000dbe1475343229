/**
 * Cover images named relative to their entry reach the right page. The build builds each collection's schema once
 * (content.config.ts, schemaOnce) instead of once per entry, which is only right while what Astro's image() makes of a
 * value does not depend on the entry: this builds a copy of the project where a Dutch and an English practice each name
 * a picture beside them without ./ (`omslag.png`, `cover.png`: each exists in one folder only), and a case study names
 * its picture with ./, and checks each page shows its own picture.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../helpers/project-copy.ts';
import { userEnv } from '../helpers/user-env.ts';

let dir: string;
let output = '';
let status: number | null = null;

/** A plain PNG of one colour and size. */
const png = (width: number, height: number, colour: string) =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();

/** Adds a cover to an entry's frontmatter (before its closing ---). */
function withCover(file: string, src: string, alt: string) {
  const text = readFileSync(join(dir, file), 'utf8');
  const close = text.indexOf('\n---', 4);
  writeFileSync(join(dir, file), `${text.slice(0, close)}\ncover:\n  src: ${src}\n  alt: ${alt}${text.slice(close)}`);
}

/** The first Dutch case study's file. */
const caseFile = () =>
  readdirSync(join(dir, 'content/cases/nl'))
    .filter((name) => name.endsWith('.mdx'))
    .sort()[0]!;

/** Width and height of the picture a built page shows as its cover. */
async function coverOf(page: string): Promise<{ width: number; height: number; alt: string }> {
  const html = readFileSync(join(dir, 'dist', page, 'index.html'), 'utf8');
  const img = /<figure class="cover"[^>]*>\s*<img\b([^>]*)>/.exec(html)?.[1];
  expect(img, `${page} has a cover`).toBeDefined();
  const src = /\ssrc="([^"]+)"/.exec(img!)![1]!;
  const alt = /\salt="([^"]*)"/.exec(img!)![1]!;
  const meta = await sharp(readFileSync(join(dir, 'dist', src))).metadata();
  return { width: meta.width!, height: meta.height!, alt };
}

beforeAll(async () => {
  dir = copyProject('cover-images-');
  writeFileSync(join(dir, 'content/practices/nl/omslag.png'), await png(40, 30, '#c0392b'));
  writeFileSync(join(dir, 'content/practices/en/cover.png'), await png(64, 16, '#2471a3'));
  writeFileSync(join(dir, 'content/cases/nl/kaart.png'), await png(20, 50, '#1e8449'));
  withCover('content/practices/nl/een-open-buurt.mdx', 'omslag.png', 'Rode omslag');
  withCover('content/practices/en/een-open-buurt.mdx', 'cover.png', 'Blue cover');
  withCover(`content/cases/nl/${caseFile()}`, './kaart.png', 'Groene kaart');
  const run = spawnSync(process.execPath, ['scripts/astro.mjs', 'build'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 400_000,
    env: {
      ...userEnv(),
      ASTRO_OUT_DIR: join(dir, 'dist'),
      ASTRO_CACHE_DIR: join(dir, '.cache'),
      SEARCH_INDEX: 'off',
      PRECOMPRESS: 'off',
    },
  });
  status = run.status;
  output = `${run.stdout}\n${run.stderr}`;
}, 420_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cover images named relative to their entry', () => {
  it('builds', () => {
    expect(status, output.slice(-3000)).toBe(0);
  });

  it('shows each entry the picture beside it, named without ./, in two folders of one collection', async () => {
    expect(await coverOf('goede-praktijken/een-open-buurt')).toEqual({ width: 40, height: 30, alt: 'Rode omslag' });
    expect(await coverOf('en/best-practices/een-open-buurt')).toEqual({ width: 64, height: 16, alt: 'Blue cover' });
  });

  it('shows a picture named with ./ beside an entry of another collection', async () => {
    expect(await coverOf(`gemeenten/${caseFile().replace(/\.mdx$/, '')}`)).toEqual({
      width: 20,
      height: 50,
      alt: 'Groene kaart',
    });
  });
});
