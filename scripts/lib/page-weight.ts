/**
 * What a page costs a visitor before any interaction: its HTML, the CSS and the JavaScript it loads,
 * gzip-compressed as a static host serves them. Used by the size-budget test and printed by the bench.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weight {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  path: string;
  html: Weight;
  css: Weight;
  js: Weight;
}

/** The budgets of issue 7, in bytes, gzip-compressed. */
export const budgets = {
  articleHtml: 15 * 1024,
  articleCss: 12 * 1024,
  jsBeforeInteraction: 2 * 1024,
  homeHtml: 30 * 1024,
} as const;

const weigh = (text: string): Weight => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).length });

function add(a: Weight, b: Weight): Weight {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip };
}

/** The built file of a site path ("/x/" → x/index.html). */
export function fileOf(dist: string, path: string): string {
  return join(dist, path.endsWith('/') ? `${path}index.html` : path);
}

/**
 * Weigh a built page: HTML as served; CSS = linked stylesheets + inline <style>; JS = external
 * scripts the page loads on its own + inline scripts (JSON-LD data blocks are not code). Imports a
 * script makes later (search, on demand) are not counted: they come after interaction.
 */
export function pageWeight(dist: string, path: string): PageWeight {
  const html = readFileSync(fileOf(dist, path), 'utf8');
  const zero: Weight = { raw: 0, gzip: 0 };
  let css = zero;
  let js = zero;
  const local = (href: string) => {
    const file = join(dist, href.split(/[?#]/)[0]!);
    if (!href.startsWith('/') || !existsSync(file)) throw new Error(`${path}: cannot weigh ${href}`);
    return readFileSync(file, 'utf8');
  };
  for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(m[0])?.[1];
    if (href) css = add(css, weigh(local(href)));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css = add(css, weigh(m[1]!));
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1]!;
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
    // (?:^|\s): a data-src="…" attribute is not the script's own source.
    const src = /(?:^|\s)src="([^"]+)"/.exec(attrs)?.[1];
    js = add(js, weigh(src ? local(src) : m[2]!));
  }
  return { path, html: weigh(html), css, js };
}

/** Images in a page that lack width/height (layout shift) or are not in a modern or vector format. */
export function imageProblems(html: string): { images: number; problems: string[] } {
  const problems: string[] = [];
  let images = 0;
  for (const m of html.matchAll(/<img\b[^>]*>/g)) {
    images++;
    const tag = m[0];
    const src = /src="([^"]+)"/.exec(tag)?.[1] ?? '';
    if (!/\bwidth="\d+"/.test(tag) || !/\bheight="\d+"/.test(tag)) problems.push(`${src} has no width/height`);
    if (!/\.(webp|avif|svg)(\?|$)/.test(src) && !src.startsWith('data:image/svg'))
      problems.push(`${src} is not WebP, AVIF or SVG`);
  }
  return { images, problems };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
