/**
 * Whose code a V8 CPU profile's time went to: each sample's self time is charged to the owner of the function it
 * was in (Astro, the bundler, the MDX compiler, the site's own code, Node.js, the garbage collector, waiting).
 * Functions that Astro bundled into its prerender chunks (its runtime, the site's components, the compiled content)
 * are traced back to their source files through the chunks' source maps, so the bundle does not hide whose code ran.
 * Used by scripts/bench/profile-build.ts; the same owners work for any Node.js profile (`node --cpu-prof`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

/** The part of a `.cpuprofile` file this reads (Chrome DevTools protocol, Profiler.Profile). */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** The owners, in the order a report lists them. */
export const OWNERS = [
  'Astro (astro, @astrojs/*)',
  'Vite and Rolldown (JavaScript side)',
  'MDX and Markdown compiler',
  'site code (components, pages, integrations)',
  'content (compiled MDX entries)',
  'bundled, not traced (virtual modules, no source map)',
  'other libraries',
  'Node.js built-ins (modules, file system, zlib, crypto)',
  'garbage collector',
  'V8 and native code, not attributed (program)',
  'idle: main thread waiting (bundler threads, I/O)',
] as const;
export type Owner = (typeof OWNERS)[number];

const MDX_PACKAGES =
  /^(satteri|@astrojs\/markdown-satteri|@mdx-js\/.*|micromark.*|mdast-.*|hast-.*|unified|remark-.*|rehype-.*|unist-.*|vfile.*|estree-.*|acorn.*|shiki|@shikijs\/.*)$/;

/** The npm package a path is in (`@scope/name` or `name`), or undefined outside node_modules. */
export function packageOf(path: string): string | undefined {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path)?.[1];
}

/**
 * The owner of a source file or URL (`file://`, `node:`, or a path after source mapping); `root` is the folder of
 * the site that was built, `content` the folders whose files are content.
 */
export function ownerOfSource(source: string, site: { root: string; content: string[] }): Owner {
  if (source.startsWith('node:')) return 'Node.js built-ins (modules, file system, zlib, crypto)';
  const path = source.startsWith('file://') ? fileURLToPath(source) : source;
  const pkg = packageOf(path);
  if (pkg) {
    if (pkg === 'astro' || pkg.startsWith('@astrojs/'))
      return pkg === '@astrojs/markdown-satteri' ? 'MDX and Markdown compiler' : 'Astro (astro, @astrojs/*)';
    if (pkg === 'vite' || pkg === 'rolldown' || pkg.startsWith('@rolldown/') || pkg.startsWith('@vitejs/'))
      return 'Vite and Rolldown (JavaScript side)';
    if (MDX_PACKAGES.test(pkg)) return 'MDX and Markdown compiler';
    return 'other libraries';
  }
  if (site.content.some((dir) => path.startsWith(dir.replace(/\/$/, '') + '/')) || /\.mdx?(\?.*)?$/.test(path))
    return 'content (compiled MDX entries)';
  return 'site code (components, pages, integrations)';
}

/** What V8 calls the entries that are not functions: they have no caller to charge. */
const SPECIAL = new Map<string, Owner>([
  ['(garbage collector)', 'garbage collector'],
  ['(idle)', 'idle: main thread waiting (bundler threads, I/O)'],
  ['(program)', 'V8 and native code, not attributed (program)'],
  ['(root)', 'V8 and native code, not attributed (program)'],
]);

/**
 * Source maps of bundled files, read from where the bundle was kept: `kept` maps a folder the profile's URLs name
 * (e.g. Astro's `.astro/.prerender/`, removed after the build) to where it was moved. Sources in a map are relative
 * to the bundle's original place.
 */
export class BundleSources {
  private maps = new Map<string, TraceMap | null>();
  private kept: Map<string, string>;
  constructor(kept: Map<string, string>) {
    this.kept = kept;
  }

  /**
   * The source file a position of a bundled file comes from; null for a bundled file whose position has no real
   * source (no map, no mapping, a virtual module); undefined for a file that is not in a kept bundle.
   */
  sourceOf(path: string, line: number, column: number): string | null | undefined {
    for (const [from, to] of this.kept) {
      if (!path.startsWith(from + '/')) continue;
      const copy = resolve(to, path.slice(from.length + 1));
      if (!this.maps.has(copy)) {
        const map = `${copy}.map`;
        this.maps.set(copy, existsSync(map) ? new TraceMap(readFileSync(map, 'utf8')) : null);
      }
      const traced = this.maps.get(copy);
      if (!traced) return null;
      // V8's lines and columns are 0-based; trace-mapping's lines are 1-based, its columns 0-based.
      const { source } = originalPositionFor(traced, { line: line + 1, column });
      if (!source || source.includes('\0') || /^(virtual|astro):/.test(source)) return null;
      return source.startsWith('file://') ? fileURLToPath(source) : resolve(dirname(path), source);
    }
    return undefined;
  }
}

/** What an owner's time is listed under in the details: the package, or the file relative to the site or content. */
function itemOf(source: string, site: { root: string; content: string[] }): string {
  const path = source.startsWith('file://') ? fileURLToPath(source) : source;
  const base = [...site.content, site.root]
    .map((dir) => dir.replace(/\/$/, ''))
    .find((dir) => path.startsWith(dir + '/'));
  return packageOf(path) ?? (base ? path.slice(base.length + 1) : path);
}

/**
 * Self time in milliseconds per owner, the profile's total, and per owner the items (package, file of the site,
 * native function) it was spent in. A function without a script of its own (a native binding such as the MDX
 * compiler's, a file system call, WebAssembly) counts for the nearest caller that has one: the MDX compiler's native
 * code is the MDX compiler's time, a file write called from Node's fs module is Node's.
 */
export function timeByOwner(
  profile: CpuProfile,
  site: { root: string; content: string[]; bundles?: BundleSources },
): { byOwner: Map<Owner, number>; total: number; items: Map<Owner, Map<string, number>> } {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const hasScript = (url: string) => url.startsWith('file://') || url.startsWith('node:') || url.startsWith('/');

  const byOwner = new Map<Owner, number>(OWNERS.map((o) => [o, 0]));
  const items = new Map<Owner, Map<string, number>>(OWNERS.map((o) => [o, new Map()]));
  let total = 0;
  for (const node of profile.nodes) {
    const micros = self.get(node.id);
    if (!micros) continue;
    const { functionName } = node.callFrame;
    let owner = SPECIAL.get(functionName);
    let item = functionName || '(anonymous)';
    if (!owner) {
      let frame = node;
      while (!hasScript(frame.callFrame.url) && parent.has(frame.id)) frame = byId.get(parent.get(frame.id)!)!;
      const { url, lineNumber, columnNumber } = frame.callFrame;
      if (!hasScript(url)) owner = 'V8 and native code, not attributed (program)';
      else {
        const path = url.startsWith('file://') ? fileURLToPath(url) : url;
        const source = site.bundles?.sourceOf(path, lineNumber, columnNumber);
        // A bundled position with no real source is listed under its chunk.
        const where = source ?? path;
        owner = source === null ? 'bundled, not traced (virtual modules, no source map)' : ownerOfSource(where, site);
        // Node's own time is listed by function (open, write, zlib); everything else by package or file.
        if (owner !== 'Node.js built-ins (modules, file system, zlib, crypto)' || frame === node)
          item = itemOf(where, site);
      }
    }
    const ms = micros / 1000;
    byOwner.set(owner, byOwner.get(owner)! + ms);
    items.get(owner)!.set(item, (items.get(owner)!.get(item) ?? 0) + ms);
    total += ms;
  }
  return { byOwner, total, items };
}
