/** Precompression (src/lib/precompress.ts): which files, smaller or left out, decodable, and the cache. */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { brotliQuality, precompress } from '../../src/lib/precompress.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function site(): { out: string; cache: string } {
  dir = mkdtempSync(join(tmpdir(), 'precompress-'));
  const out = join(dir, 'dist');
  mkdirSync(join(out, 'pagefind'), { recursive: true });
  const text = 'Samen Hier: een groep buurtbewoners steunt een nieuwkomer een jaar lang. '.repeat(200);
  writeFileSync(join(out, 'index.html'), `<!doctype html><p>${text}</p>`);
  writeFileSync(join(out, 'agenda.ics'), `BEGIN:VCALENDAR\n${'X-NOTE:tekst\n'.repeat(100)}END:VCALENDAR\n`);
  writeFileSync(join(out, 'tiny.txt'), 'a');
  writeFileSync(join(out, 'pagefind', 'wasm.nl.pagefind'), text);
  writeFileSync(join(out, 'photo.png'), text);
  return { out, cache: join(dir, 'cache') };
}

describe('precompress', () => {
  it('writes .br and .gz beside text files that decode to the file, and nothing for the others', async () => {
    const { out, cache } = site();
    const result = await precompress(out, cache);
    for (const name of ['index.html', 'agenda.ics']) {
      const original = readFileSync(join(out, name));
      const br = readFileSync(join(out, `${name}.br`));
      expect(br.length).toBeLessThan(original.length / 10);
      expect(brotliDecompressSync(br).equals(original)).toBe(true);
      expect(gunzipSync(readFileSync(join(out, `${name}.gz`))).equals(original)).toBe(true);
    }
    // One byte does not get smaller; Pagefind's index is gzip already; images are compressed.
    expect(
      readdirSync(out)
        .filter((n) => /\.(br|gz)$/.test(n))
        .sort(),
    ).toEqual(['agenda.ics.br', 'agenda.ics.gz', 'index.html.br', 'index.html.gz']);
    expect(existsSync(join(out, 'pagefind', 'wasm.nl.pagefind.br'))).toBe(false);
    expect(result).toMatchObject({ files: 3, cached: 0 });
  });

  it('keeps quality 11 results (shared assets) in the cache: a rebuild reuses unchanged ones and forgets unused entries', async () => {
    const { out, cache } = site();
    mkdirSync(join(out, '_astro'));
    const css = (colour: string) => `.kaart { color: ${colour}; margin: 0 auto; }\n`.repeat(100);
    writeFileSync(join(out, '_astro', 'a.css'), css('black'));
    writeFileSync(join(out, '_astro', 'b.css'), css('navy'));
    await precompress(out, cache);
    const first = readFileSync(join(out, '_astro', 'a.css.br'));
    // Two shared assets, two entries each; pages (quality 5) are not cached.
    expect(readdirSync(cache)).toHaveLength(4);
    writeFileSync(join(out, '_astro', 'b.css'), css('teal'));
    // Astro empties the output folder before a build: the copies of the last one are gone.
    for (const d of [out, join(out, '_astro')])
      for (const name of readdirSync(d)) if (/\.(br|gz)$/.test(name)) rmSync(join(d, name));
    const again = await precompress(out, cache);
    expect(again).toMatchObject({ files: 5, cached: 1 });
    expect(readFileSync(join(out, '_astro', 'a.css.br')).equals(first)).toBe(true);
    expect(brotliDecompressSync(readFileSync(join(out, '_astro', 'b.css.br'))).toString()).toBe(css('teal'));
    expect(brotliDecompressSync(readFileSync(join(out, 'index.html.br')))).toEqual(
      readFileSync(join(out, 'index.html')),
    );
    // The old b.css entries are gone.
    expect(readdirSync(cache)).toHaveLength(4);
  });

  it('compresses shared assets with the same content at once into a fresh cache (one cache entry, two writes)', async () => {
    const { out, cache } = site();
    mkdirSync(join(out, '_astro'));
    const script = Buffer.from('export const tekst = "een groep buurtbewoners steunt een nieuwkomer";\n'.repeat(50));
    for (const name of ['a.js', 'b.js', 'c.js']) writeFileSync(join(out, '_astro', name), script);
    const result = await precompress(out, cache);
    // How many come from the cache depends on which write finishes first; every file must get its copies.
    expect(result.files).toBe(6);
    for (const name of ['_astro/a.js', '_astro/b.js', '_astro/c.js']) {
      expect(brotliDecompressSync(readFileSync(join(out, `${name}.br`))).equals(script)).toBe(true);
    }
    expect(readdirSync(cache).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('shared assets get brotli quality 11, files made per page quality 5', async () => {
    expect(
      [
        '_astro/Base.Ab12.css',
        'pagefind/pagefind.js',
        'sw.js',
        'index.html',
        'en/sw.js',
        'm/abc/index.html',
        'x/_astro/a.js',
      ].map(brotliQuality),
    ).toEqual([11, 11, 11, 5, 5, 5, 5]);
    const { out, cache } = site();
    mkdirSync(join(out, '_astro'));
    const script = Buffer.from(`export const woorden = ${JSON.stringify('buurtbewoners nieuwkomer '.repeat(300))};\n`);
    writeFileSync(join(out, '_astro', 'app.js'), script);
    await precompress(out, cache);
    const withQuality = (data: Buffer, quality: number) =>
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      });
    expect(readFileSync(join(out, '_astro', 'app.js.br')).equals(withQuality(script, 11))).toBe(true);
    const page = readFileSync(join(out, 'index.html'));
    expect(readFileSync(join(out, 'index.html.br')).equals(withQuality(page, 5))).toBe(true);
    expect(withQuality(page, 5).equals(withQuality(page, 11))).toBe(false);
  });

  it('leaves a file alone whose copies came with it (the CMS bundle brings its own)', async () => {
    const { out, cache } = site();
    writeFileSync(join(out, 'index.html.br'), 'made by the step that wrote index.html');
    writeFileSync(join(out, 'index.html.gz'), 'made by the step that wrote index.html');
    const result = await precompress(out, cache);
    expect(result).toMatchObject({ files: 2, ready: 1 });
    expect(readFileSync(join(out, 'index.html.br'), 'utf8')).toBe('made by the step that wrote index.html');
    expect(brotliDecompressSync(readFileSync(join(out, 'agenda.ics.br'))).length).toBeGreaterThan(0);
  });
});
