/** Reading the built site: every HTML page, parsed with parse5, and small DOM helpers. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { testDist } from './paths.ts';
import { isEventUtilityPath } from '../../src/lib/event-paths.ts';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];
export type Document = DefaultTreeAdapterMap['document'];

export interface BuiltPage {
  /** Site path: "/goede-praktijken/x/" for x/index.html, "/404.html" for other files. */
  path: string;
  file: string;
  html: string;
  doc: Document;
}

/** Folders in dist that are not pages of the site (tools and generated assets). */
const NOT_PAGES = ['admin', '_astro', 'pagefind', 'uploads'];

function walkFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walkFiles(full, out);
    else out.push(full);
  }
  return out;
}

/** Every .html file of a build, /admin/ included. */
export function allHtmlFiles(root = testDist): string[] {
  return walkFiles(root).filter((f) => f.endsWith('.html'));
}

export function filePathToSitePath(file: string, root = testDist): string {
  const rel = relative(root, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

let cache: BuiltPage[] | undefined;

/** Every HTML page of the built site (admin and assets excluded), parsed once per test file. */
export function builtPages(root = testDist): BuiltPage[] {
  if (cache) return cache;
  cache = walkFiles(root)
    .filter((f) => f.endsWith('.html'))
    .filter((f) => !NOT_PAGES.includes(relative(root, f).split(sep)[0]!))
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      return { path: filePathToSitePath(file, root), file, html, doc: parse(html) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return cache;
}

/**
 * Pages outside the site's shell (no header, menu or language switch of their own): redirect pages
 * (meta refresh). The shell checks skip them; the link check still covers them.
 */
export function isUtilityPage(page: BuiltPage): boolean {
  if (isEventUtilityPath(page.path)) return true;
  return (
    findAll(page.doc, (el) => el.tagName === 'meta' && (attr(el, 'http-equiv') ?? '').toLowerCase() === 'refresh')
      .length > 0
  );
}

/** The pages a visitor reads: every built page except utility pages. */
export function sitePages(root = testDist): BuiltPage[] {
  return builtPages(root).filter((p) => !isUtilityPage(p));
}

export function pageAt(path: string): BuiltPage {
  const page = builtPages().find((p) => p.path === path);
  if (!page) throw new Error(`no built page at ${path}`);
  return page;
}

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function children(node: Node): Node[] {
  const own = 'childNodes' in node ? (node.childNodes as Node[]) : [];
  // <template> content lives apart from childNodes.
  const content =
    isElement(node) && node.tagName === 'template'
      ? (node as unknown as { content: { childNodes: Node[] } }).content.childNodes
      : [];
  return [...own, ...content];
}

/** Every element under `node` (document order) that matches. */
export function findAll(node: Node, match: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const visit = (n: Node) => {
    if (isElement(n) && match(n)) out.push(n);
    for (const c of children(n)) visit(c);
  };
  visit(node);
  return out;
}

export function find(node: Node, match: (el: Element) => boolean): Element | undefined {
  return findAll(node, match)[0];
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function hasClass(el: Element, cls: string): boolean {
  return (attr(el, 'class') ?? '').split(/\s+/).includes(cls);
}

export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return children(node).map(textOf).join('');
}

/** Ancestors of an element, nearest first. */
export function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  let p = el.parentNode as Node | null;
  while (p && isElement(p)) {
    out.push(p);
    p = p.parentNode as Node | null;
  }
  return out;
}
