// The build profile's owners (scripts/bench/cpu-profile.ts): every sample is charged to whose code ran, and code
// that Astro bundled into its prerender chunks is traced back through the chunk's source map.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleSources, packageOf, timeByOwner, type CpuProfile } from '../../scripts/bench/cpu-profile.ts';

const kept = mkdtempSync(join(tmpdir(), 'cpu-profile-'));
afterAll(() => rmSync(kept, { recursive: true, force: true }));

// A chunk whose line 1 (from column 10) comes from a component, line 2 from Astro's runtime, line 3 from an entry.
mkdirSync(join(kept, 'chunks'));
writeFileSync(
  join(kept, 'chunks/page.mjs.map'),
  JSON.stringify({
    version: 3,
    sources: [
      '../../../src/components/Card.astro',
      '../../../node_modules/astro/dist/runtime/server/render/component.js',
      '../../../content/practices/nl/buurt.mdx',
    ],
    names: [],
    mappings: 'UAAA;ACAA;ACAA',
  }),
);

const frame = (url: string, functionName = 'f', lineNumber = 0, columnNumber = 0) => ({
  functionName,
  url,
  lineNumber,
  columnNumber,
});
const chunk = 'file:///site/.astro/.prerender/chunks/page.mjs';
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('', '(root)') },
    { id: 2, callFrame: frame('', '(idle)') },
    { id: 3, callFrame: frame('', '(garbage collector)') },
    { id: 4, callFrame: frame('', 'writeBuffer') },
    { id: 5, callFrame: frame('node:internal/fs/promises', 'writeFile') },
    { id: 6, callFrame: frame('file:///site/node_modules/vite/dist/node/chunks/config.js') },
    { id: 7, callFrame: frame('file:///site/node_modules/@astrojs/sitemap/dist/index.js') },
    { id: 8, callFrame: frame('file:///site/node_modules/satteri/index.js') },
    { id: 9, callFrame: frame('file:///site/node_modules/zod/v4/core/schemas.js') },
    { id: 10, callFrame: frame('file:///site/src/lib/dates.ts') },
    { id: 11, callFrame: frame(chunk, 'Card', 0, 12) },
    { id: 12, callFrame: frame(chunk, 'renderComponent', 1, 4) },
    { id: 13, callFrame: frame(chunk, 'MDXContent', 2, 0) },
    { id: 14, callFrame: frame('file:///site/node_modules/qrcode/node_modules/dijkstrajs/dijkstra.js') },
  ],
  samples: [2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11, 12, 13, 14, 1],
  timeDeltas: [1000, 1000, 500, 250, 250, 2000, 300, 700, 400, 600, 800, 800, 900, 100, 50, 50],
};

describe('build profile owners', () => {
  it('names the innermost npm package of a path', () => {
    expect(packageOf('/a/node_modules/@astrojs/mdx/dist/index.js')).toBe('@astrojs/mdx');
    expect(packageOf('/a/node_modules/qrcode/node_modules/dijkstrajs/dijkstra.js')).toBe('dijkstrajs');
    expect(packageOf('/a/src/lib/dates.ts')).toBeUndefined();
  });

  it('charges each sample to its owner, bundled code through the source map', () => {
    const bundles = new BundleSources(new Map([['/site/.astro/.prerender', kept]]));
    const { byOwner, total, items } = timeByOwner(profile, { root: '/site', content: ['/site/content'], bundles });
    expect(Object.fromEntries([...byOwner].filter(([, ms]) => ms > 0))).toEqual({
      'Astro (astro, @astrojs/*)': 0.3 + 0.9,
      'Vite and Rolldown (JavaScript side)': 2,
      'MDX and Markdown compiler': 0.7,
      'site code (components, pages, integrations)': 0.6 + 1.6,
      'content (compiled MDX entries)': 0.1,
      'other libraries': 0.4 + 0.05,
      'Node.js built-ins (modules, file system, zlib, crypto)': 0.25 + 0.25,
      'garbage collector': 0.5,
      'V8 and native code, not attributed (program)': 0.05,
      'idle: main thread waiting (bundler threads, I/O)': 2,
    });
    expect(total).toBeCloseTo(9.7, 6);
    expect(Object.fromEntries(items.get('site code (components, pages, integrations)')!)).toEqual({
      'src/lib/dates.ts': 0.6,
      'src/components/Card.astro': 1.6,
    });
    expect(Object.fromEntries(items.get('Astro (astro, @astrojs/*)')!)).toEqual({
      '@astrojs/sitemap': 0.3,
      astro: 0.9,
    });
  });

  it('without the kept chunk, bundled code counts as the site’s own (nothing is dropped)', () => {
    const { byOwner, total } = timeByOwner(profile, { root: '/site', content: ['/site/content'] });
    expect(byOwner.get('site code (components, pages, integrations)')).toBeCloseTo(0.6 + 1.6 + 0.9 + 0.1, 6);
    expect(total).toBeCloseTo(9.7, 6);
  });
});
