/**
 * Size budgets (sizes, not times): what a visitor downloads before interacting, gzip-compressed.
 * Article pages: <= 15 KB HTML, <= 12 KB CSS, <= 2 KB JavaScript. Home: <= 30 KB HTML.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { budgets, fileOf, imageProblems, kb, pageWeight } from '../../scripts/lib/page-weight.ts';
import { contentItems } from '../helpers/content-files.ts';
import { testDist } from '../helpers/paths.ts';
import { entryPath, homePath } from '../../src/i18n/routes.ts';
import { locales } from '../../src/i18n/locales.ts';
import { sitePages } from '../helpers/html.ts';
import { workerBudget, workerWeight } from '../../scripts/lib/offline-size.ts';

const articles = contentItems()
  .filter((i) => (i.collection === 'practices' || i.collection === 'news' || i.collection === 'cases') && i.locale)
  .map((i) => entryPath(i.collection as 'practices', i.slug, i.locale!));

describe('size budgets', () => {
  it.each(articles.map((p) => [p]))('article %s: HTML, CSS and JavaScript within budget', (path) => {
    const w = pageWeight(testDist, path);
    expect(w.html.gzip, `HTML ${kb(w.html.gzip)}`).toBeLessThanOrEqual(budgets.articleHtml);
    expect(w.css.gzip, `CSS ${kb(w.css.gzip)}`).toBeLessThanOrEqual(budgets.articleCss);
    expect(w.js.gzip, `JS ${kb(w.js.gzip)}`).toBeLessThanOrEqual(budgets.jsBeforeInteraction);
    expect(w.css.gzip, 'the page has its stylesheet').toBeGreaterThan(1000);
  });

  it.each(locales.map((l) => [homePath(l)]))('home %s: HTML within budget', (path) => {
    const w = pageWeight(testDist, path);
    expect(w.html.gzip, `HTML ${kb(w.html.gzip)}`).toBeLessThanOrEqual(budgets.homeHtml);
    expect(w.js.gzip, `JS ${kb(w.js.gzip)}`).toBeLessThanOrEqual(budgets.jsBeforeInteraction);
  });

  // Every page registers the service worker; event pages also show the offline control: all before interaction.
  it('every page: JavaScript before interaction within budget', () => {
    const over = sitePages()
      .map((page) => ({ path: page.path, js: pageWeight(testDist, page.path).js.gzip }))
      .filter((w) => w.js > budgets.jsBeforeInteraction)
      .map((w) => `${w.path}: JS ${kb(w.js)}`);
    expect(over).toEqual([]);
  });

  it('the service worker is at most 10 KB gzip', () => {
    const w = workerWeight(testDist);
    expect(w.gzip, `sw.js ${kb(w.gzip)}`).toBeLessThanOrEqual(workerBudget);
    expect(w.gzip, 'sw.js is the real worker').toBeGreaterThan(1000);
  });

  // The starter content has no photos; the CMS test uploads a cover and checks its page the same way.
  it('every image on every page has width and height, in a modern or vector format', () => {
    const problems = sitePages().flatMap((page) =>
      imageProblems(readFileSync(fileOf(testDist, page.path), 'utf8')).problems.map((p) => `${page.path}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('flags an image without size or in an old format', () => {
    expect(imageProblems('<img src="/a.webp" width="10" height="10" alt="">')).toEqual({ images: 1, problems: [] });
    expect(imageProblems('<img src="/a.jpg" alt="">').problems).toEqual([
      '/a.jpg has no width/height',
      '/a.jpg is not WebP, AVIF or SVG',
    ]);
  });
});
