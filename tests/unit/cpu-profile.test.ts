// The build profile's owners (scripts/bench/cpu-profile.ts): every sample is charged to whose code ran, code that
// Astro bundled into its prerender chunks is traced back through the chunk's source map, and a function without a
// script of its own (a native binding, WebAssembly) counts for its nearest caller that has one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleSources, packageOf, timeByOwner, type CpuProfile } from '../../scripts/bench/cpu-profile.ts';

const kept = mkdtempSync(join(tmpdir(), 'cpu-profile-'));
afterAll(() => rmSync(kept, { recursive: true, force: true }));

// page.mjs: line 1 comes from Astro's runtime up to column 10 and from a component from there; line 2 from Astro's
// runtime, line 3 from a content entry, line 4 from a virtual module. other.mjs has no map.
mkdirSync(join(kept, 'chunks'));
writeFileSync(
  join(kept, 'chunks/page.mjs.map'),
  JSON.stringify({
    version: 3,
    sources: [
      '../../../src/components/Card.astro',
      '../../../node_modules/astro/dist/runtime/server/render/component.js',
      '../../../content/practices/nl/buurt.mdx',
      '\0astro:assets',
    ],
    names: [],
    mappings: 'ACAA,UDAA;ACAA;ACAA;ACAA',
  }),
);

type Node = CpuProfile['nodes'][number];
const node = (id: number, url: string, functionName = 'f', lineNumber = 0, columnNumber = 0, children?: number[]) =>
  ({ id, callFrame: { functionName, url, lineNumber, columnNumber }, ...(children && { children }) }) as Node;
const chunk = 'file:///site/.astro/.prerender/chunks/page.mjs';
const profile: CpuProfile = {
  nodes: [
    node(1, '', '(root)', 0, 0, [2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 20]),
    node(2, '', '(idle)'),
    node(3, '', '(garbage collector)'),
    // A file write: native, called from Node's fs module.
    node(5, 'node:internal/fs/promises', 'writeFile', 0, 0, [4]),
    node(4, '', 'writeBuffer'),
    node(6, 'file:///site/node_modules/vite/dist/node/chunks/config.js'),
    node(7, 'file:///site/node_modules/@astrojs/sitemap/dist/index.js'),
    // The MDX compiler's native binding, called from its JavaScript.
    node(8, 'file:///site/node_modules/satteri/index.js', 'compile', 0, 0, [18]),
    node(18, '', 'mdxToJsFast'),
    node(9, 'file:///site/node_modules/zod/v4/core/schemas.js'),
    node(10, 'file:///site/src/lib/dates.ts', 'constructor'),
    node(11, chunk, 'Card', 0, 12),
    node(12, chunk, 'renderComponent', 1, 4),
    node(13, chunk, 'MDXContent', 2, 0),
    node(14, 'file:///site/node_modules/qrcode/node_modules/dijkstrajs/dijkstra.js'),
    // Astro's hashing in WebAssembly, called from Astro.
    node(16, 'file:///site/node_modules/astro/dist/content/utils.js', 'hash', 0, 0, [15]),
    node(15, 'wasm://wasm/0001d406', 'wasm-function[3]'),
    node(17, chunk, 'renderHTMLElement', 0, 9),
    node(19, chunk, 'getImage', 3, 2),
    node(20, 'file:///site/.astro/.prerender/chunks/other.mjs', 'x', 0, 0),
  ],
  samples: [2, 2, 3, 4, 5, 6, 7, 8, 18, 9, 10, 11, 11, 12, 13, 14, 15, 1, 17, 19, 20],
  timeDeltas: [1000, 1000, 500, 250, 250, 2000, 300, 700, 200, 400, 600, 800, 800, 900, 100, 50, 120, 50, 30, 70, 40],
};
const site = { root: '/site/', content: ['/site/content'] };

describe('build profile owners', () => {
  it('names the innermost npm package of a path', () => {
    expect(packageOf('/a/node_modules/@astrojs/mdx/dist/index.js')).toBe('@astrojs/mdx');
    expect(packageOf('/a/node_modules/qrcode/node_modules/dijkstrajs/dijkstra.js')).toBe('dijkstrajs');
    expect(packageOf('/a/src/lib/dates.ts')).toBeUndefined();
  });

  it('charges each sample to its owner: bundled code through the source map, native code to its caller', () => {
    const bundles = new BundleSources(new Map([['/site/.astro/.prerender', kept]]));
    const { byOwner, total, items } = timeByOwner(profile, { ...site, bundles });
    const ms = Object.fromEntries([...byOwner].filter(([, t]) => t > 0).map(([o, t]) => [o, Number(t.toFixed(6))]));
    expect(ms).toEqual({
      // sitemap 0.3, renderComponent 0.9, hash via WebAssembly 0.12, renderHTMLElement (column 9) 0.03
      'Astro (astro, @astrojs/*)': 1.35,
      'Vite and Rolldown (JavaScript side)': 2,
      // compile 0.7 and its native mdxToJsFast 0.2
      'MDX and Markdown compiler': 0.9,
      // dates.ts 0.6, Card (column 12) 1.6
      'site code (components, pages, integrations)': 2.2,
      'content (compiled MDX entries)': 0.1,
      // the virtual module 0.07, the chunk without a map 0.04
      'bundled, not traced (virtual modules, no source map)': 0.11,
      'other libraries': 0.45,
      'Node.js built-ins (modules, file system, zlib, crypto)': 0.5,
      'garbage collector': 0.5,
      'V8 and native code, not attributed (program)': 0.05,
      'idle: main thread waiting (bundler threads, I/O)': 2,
    });
    expect(total).toBeCloseTo(10.16, 6);
    expect(Object.fromEntries(items.get('site code (components, pages, integrations)')!)).toEqual({
      'src/lib/dates.ts': 0.6,
      'src/components/Card.astro': 1.6,
    });
    expect(Object.fromEntries(items.get('Node.js built-ins (modules, file system, zlib, crypto)')!)).toEqual({
      writeBuffer: 0.25,
      'node:internal/fs/promises': 0.25,
    });
    expect([...items.get('MDX and Markdown compiler')!.keys()]).toEqual(['satteri']);
  });
});
