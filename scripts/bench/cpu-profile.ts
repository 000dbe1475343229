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
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
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
  if (site.content.some((dir) => path.startsWith(dir + '/')) || /\.mdx?(\?.*)?$/.test(path))
    return 'content (compiled MDX entries)';
  return 'site code (components, pages, integrations)';
}

/** What V8 calls the entries that are not JavaScript functions. */
function ownerOfSpecial(functionName: string): Owner {
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(idle)') return 'idle: main thread waiting (bundler threads, I/O)';
  if (functionName === '(program)' || functionName === '(root)') return 'V8 and native code, not attributed (program)';
  // Native functions without a script: Node's bindings (open, writeBuffer, rmSync, module compilation).
  return 'Node.js built-ins (modules, file system, zlib, crypto)';
}

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

  /** The source file a position of a bundled file comes from, or undefined when there is no map for it. */
  sourceOf(path: string, line: number, column: number): string | undefined {
    for (const [from, to] of this.kept) {
      if (!path.startsWith(from)) continue;
      const copy = resolve(to, path.slice(from.length).replace(/^\//, ''));
      if (!this.maps.has(copy)) {
        const map = `${copy}.map`;
        this.maps.set(copy, existsSync(map) ? new TraceMap(readFileSync(map, 'utf8')) : null);
      }
      const traced = this.maps.get(copy);
      if (!traced) return undefined;
      // V8's lines and columns are 0-based; trace-mapping's lines are 1-based.
      const original = originalPositionFor(traced, { line: line + 1, column });
      if (!original.source) return undefined;
      return original.source.startsWith('file://') ? original.source : resolve(dirname(path), original.source);
    }
    return undefined;
  }
}

/** What an owner's time is listed under in the details: the package, the site's file, or the native function. */
function itemOf(source: string | undefined, functionName: string, site: { root: string; content: string[] }): string {
  if (!source) return functionName || '(anonymous)';
  const path = source.startsWith('file://') ? fileURLToPath(source) : source;
  const base = [...site.content, site.root].find((dir) => path.startsWith(dir + '/'));
  return packageOf(path) ?? (base ? path.slice(base.length + 1) : path);
}

/**
 * Self time in milliseconds per owner, the profile's total, and per owner the items (package, file of the site,
 * native function) it was spent in.
 */
export function timeByOwner(
  profile: CpuProfile,
  site: { root: string; content: string[]; bundles?: BundleSources },
): { byOwner: Map<Owner, number>; total: number; items: Map<Owner, Map<string, number>> } {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byOwner = new Map<Owner, number>(OWNERS.map((o) => [o, 0]));
  const items = new Map<Owner, Map<string, number>>(OWNERS.map((o) => [o, new Map()]));
  let total = 0;
  for (const node of profile.nodes) {
    const micros = self.get(node.id);
    if (!micros) continue;
    const { url, functionName, lineNumber, columnNumber } = node.callFrame;
    let owner: Owner;
    let source: string | undefined;
    if (!url) owner = ownerOfSpecial(functionName);
    else {
      const path = url.startsWith('file://') ? fileURLToPath(url) : url;
      source = site.bundles?.sourceOf(path, lineNumber, columnNumber) ?? url;
      owner = ownerOfSource(source, site);
    }
    const ms = micros / 1000;
    byOwner.set(owner, byOwner.get(owner)! + ms);
    const item = itemOf(source, functionName, site);
    items.get(owner)!.set(item, (items.get(owner)!.get(item) ?? 0) + ms);
    total += ms;
  }
  return { byOwner, total, items };
}
