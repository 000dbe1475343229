/**
 * Link check over the built files: every internal href/src (and srcset entry) on every page points
 * at a file in dist, and every #fragment at an element with that id on the target page. Links to
 * the site's own origin (canonical, hreflang) count as internal. External links are not fetched.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, findAll, attr, type BuiltPage } from '../helpers/html.ts';
import { testDist } from '../helpers/paths.ts';
import { SITE_URL } from '../../src/site.config.ts';

const pages = builtPages();
const byPath = new Map(pages.map((p) => [p.path, p]));
const idsCache = new Map<string, Set<string>>();

function idsOf(page: BuiltPage): Set<string> {
  let ids = idsCache.get(page.path);
  if (!ids) {
    ids = new Set(findAll(page.doc, (el) => attr(el, 'id') !== undefined).map((el) => attr(el, 'id')!));
    for (const el of findAll(page.doc, (e) => e.tagName === 'a' && attr(e, 'name') !== undefined))
      ids.add(attr(el, 'name')!);
    idsCache.set(page.path, ids);
  }
  return ids;
}

/** The file a site path is served from, as a static host does (directory → index.html). */
function fileFor(pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const direct = join(testDist, decoded);
  if (decoded.endsWith('/')) return existsSync(join(direct, 'index.html')) ? join(direct, 'index.html') : undefined;
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  return undefined;
}

interface Problem {
  page: string;
  link: string;
  why: string;
}

function checkPage(page: BuiltPage): Problem[] {
  const problems: Problem[] = [];
  const base = new URL(page.path, SITE_URL);
  const urls: string[] = [];
  for (const el of findAll(page.doc, () => true)) {
    for (const name of ['href', 'src', 'action', 'poster', 'data']) {
      const value = attr(el, name);
      if (value !== undefined && !(el.tagName === 'object' && name !== 'data')) urls.push(value);
    }
    const srcset = attr(el, 'srcset');
    if (srcset) for (const part of srcset.split(',')) urls.push(part.trim().split(/\s+/)[0]!);
  }
  for (const raw of urls) {
    if (raw === '' || /^(mailto|tel|data|javascript):/i.test(raw)) continue;
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      problems.push({ page: page.path, link: raw, why: 'not a valid URL' });
      continue;
    }
    if (url.origin !== base.origin) continue;
    if (url.search) problems.push({ page: page.path, link: raw, why: 'query strings do not work on a static site' });
    const file = fileFor(url.pathname);
    if (!file) {
      problems.push({ page: page.path, link: raw, why: `no file for ${url.pathname}` });
      continue;
    }
    if (url.hash.length > 1) {
      const target = url.pathname === page.path ? page : byPath.get(url.pathname);
      const id = decodeURIComponent(url.hash.slice(1));
      if (!target) problems.push({ page: page.path, link: raw, why: `#${id} points into a non-HTML file` });
      else if (!idsOf(target).has(id))
        problems.push({ page: page.path, link: raw, why: `no element with id="${id}" on ${target.path}` });
    }
  }
  return problems;
}

describe('links in the built site', () => {
  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it('every internal link and #anchor resolves', () => {
    const problems = pages.flatMap(checkPage);
    expect(problems.map((p) => `${p.page}: ${p.link} (${p.why})`)).toEqual([]);
  });

  it('has no duplicate ids on a page', () => {
    const dupes: string[] = [];
    for (const page of pages) {
      const seen = new Set<string>();
      for (const el of findAll(page.doc, (e) => attr(e, 'id') !== undefined)) {
        const id = attr(el, 'id')!;
        if (seen.has(id)) dupes.push(`${page.path}#${id}`);
        seen.add(id);
      }
    }
    expect(dupes).toEqual([]);
  });
});
