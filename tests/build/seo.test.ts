/**
 * SEO and feeds over the built site (.tmp/test-site): robots.txt, sitemap, RSS, canonical URLs,
 * hreflang symmetry, OpenGraph/Twitter meta, JSON-LD, and the municipality map.
 * Expected URLs come from the content files on disk, never from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import { isEventUtilityPath } from '../../src/lib/event-paths.ts';
import { XMLParser } from 'fast-xml-parser';
import { contentItems, type ContentItem } from '../helpers/content-files.ts';
import { projectRoot, testDist } from '../helpers/paths.ts';
import { entryPath, homePath, sectionPath } from '../../src/i18n/routes.ts';
import { locales, type Locale } from '../../src/i18n/locales.ts';
import { SITE_URL } from '../../src/site.config.ts';
import { isoWithOffset } from '../../src/lib/time/index.ts';

const SITE = SITE_URL;
const contentRoot = join(projectRoot, 'content');
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'url', 'sitemap', 'xhtml:link', 'category'].includes(name),
});

/* ---------- reading the built site ---------- */

interface Page {
  /** Site path: "/en/news/x/", or "/404.html" for the root 404 file. */
  path: string;
  html: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const pages: Page[] = walk(testDist)
  .filter((f) => f.endsWith('.html'))
  .map((file) => {
    const rel = relative(testDist, file).split(sep).join('/');
    const path =
      rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
    return { path, html: readFileSync(file, 'utf8') };
  })
  .filter((p) => !p.path.startsWith('/admin/'));
const byPath = new Map(pages.map((p) => [p.path, p]));
/**
 * Pages in the site's own layout. Room cards (print) and short-link redirects (/m/) are utility pages:
 * noindex, with their own minimal head, and no feed or social card.
 */
const sitePages = pages.filter((p) => !isEventUtilityPath(p.path));

const isNotFound = (p: Page) => /^\/(?:[a-z]{2}\/)?404(?:\/|\.html)$/.test(p.path);

function head(html: string): string {
  const end = html.indexOf('</head>');
  return end >= 0 ? html.slice(0, end) : html;
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function tags(html: string, name: 'link' | 'meta'): Record<string, string>[] {
  return [...head(html).matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map((m) =>
    Object.fromEntries(
      [...m[1]!.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1]!.toLowerCase(), decode(a[2]!)]),
    ),
  );
}

const meta = (html: string, key: string) =>
  tags(html, 'meta')
    .filter((m) => m.property === key || m.name === key)
    .map((m) => m.content);
const canonicals = (html: string) =>
  tags(html, 'link')
    .filter((l) => l.rel === 'canonical')
    .map((l) => l.href!);
const hreflangs = (html: string) =>
  Object.fromEntries(
    tags(html, 'link')
      .filter((l) => l.rel === 'alternate' && l.hreflang)
      .map((l) => [l.hreflang!, l.href!]),
  );
const isNoindex = (html: string) => meta(html, 'robots').some((c) => /noindex/i.test(c ?? ''));
const lang = (html: string) => /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
const url = (path: string) => new URL(path, `${SITE}/`).href;
const pathOf = (href: string) => {
  const u = new URL(href);
  expect(u.origin, `${href} is not on the site`).toBe(new URL(SITE).origin);
  return u.pathname;
};

function jsonLd(html: string): Record<string, any>[] {
  return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => {
    expect(m[1], 'JSON-LD must not contain a raw "<"').not.toMatch(/</);
    return JSON.parse(m[1]!);
  });
}
const ofType = (nodes: Record<string, any>[], type: string) => nodes.filter((n) => [n['@type']].flat().includes(type));

/* ---------- reading the content ---------- */

function frontmatterOf(item: ContentItem): Record<string, any> {
  if (item.locale === null)
    return yaml.load(readFileSync(join(contentRoot, item.collection, `${item.slug}.yaml`), 'utf8')) as Record<
      string,
      any
    >;
  const source = readFileSync(join(contentRoot, item.collection, item.locale, `${item.slug}.mdx`), 'utf8');
  return yaml.load(/^---\r?\n([\s\S]*?)\r?\n---/.exec(source)![1]!) as Record<string, any>;
}

const items = contentItems().map((item) => ({ ...item, data: frontmatterOf(item) }));
type Item = (typeof items)[number];
const pathsOf = (item: Item): string[] =>
  item.locale === null
    ? locales.map((l) => entryPath('materials', item.slug, l))
    : [entryPath(item.collection as never, item.slug, item.locale)];
const examplePaths = new Set(items.filter((i) => i.data.example === true).flatMap(pathsOf));
const inLocale = (collection: string, locale: Locale) =>
  items.filter((i) => i.collection === collection && i.locale === locale);

function pageAt(path: string): Page {
  const page = byPath.get(path);
  expect(page, `no built page at ${path}`).toBeDefined();
  return page!;
}

/* ---------- tests ---------- */

describe('robots.txt', () => {
  it('allows crawling, keeps /admin/ out and points at the sitemap', () => {
    const robots = readFileSync(join(testDist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/admin\/$/m);
    expect(robots).not.toMatch(/^Disallow: \/$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toBe(url('/sitemap-index.xml'));
    expect(existsSync(join(testDist, pathOf(sitemap!)))).toBe(true);
  });
});

describe('sitemap', () => {
  const index = xml.parse(readFileSync(join(testDist, 'sitemap-index.xml'), 'utf8'));
  const files: string[] = index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
  const urls: { loc: string; 'xhtml:link'?: { '@hreflang': string; '@href': string }[] }[] = files.flatMap(
    (loc) => xml.parse(readFileSync(join(testDist, pathOf(loc)), 'utf8')).urlset.url,
  );
  const listed = new Set(urls.map((u) => pathOf(u.loc)));

  it('parses and has its sitemaps', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(urls.length).toBeGreaterThan(10);
  });

  it('lists every indexable page', () => {
    const indexable = pages
      .filter((p) => !isNotFound(p) && !isNoindex(p.html) && !p.path.endsWith('.html'))
      .map((p) => p.path);
    const missing = indexable.filter((p) => !listed.has(p));
    expect(missing, 'pages missing from the sitemap').toEqual([]);
  });

  it('lists only real, indexable pages, and no /admin/ or example page', () => {
    for (const path of listed) {
      expect(path.startsWith('/admin/'), path).toBe(false);
      expect(examplePaths.has(path), `example page ${path} is in the sitemap`).toBe(false);
      const page = pageAt(path);
      expect(isNoindex(page.html), `${path} is noindex but in the sitemap`).toBe(false);
      expect(isNotFound(page), path).toBe(false);
    }
  });

  it('leaves out every example page, which is marked noindex', () => {
    expect(examplePaths.size, 'the starter content has example items (FACTS.md)').toBeGreaterThan(0);
    for (const path of examplePaths) {
      expect(listed.has(path), path).toBe(false);
      expect(isNoindex(pageAt(path).html), `example page ${path} should be noindex`).toBe(true);
    }
  });

  it('gives each page the same hreflang alternates as its head', () => {
    for (const u of urls) {
      const fromSitemap = Object.fromEntries((u['xhtml:link'] ?? []).map((l) => [l['@hreflang'], l['@href']]));
      expect(fromSitemap, u.loc).toEqual(hreflangs(pageAt(pathOf(u.loc)).html));
    }
  });
});

describe('RSS feeds', () => {
  for (const locale of locales) {
    const feedPath = `${homePath(locale)}rss.xml`;

    it(`${feedPath} parses and lists the ${locale} news and best practices, newest first`, () => {
      const feed = xml.parse(readFileSync(join(testDist, feedPath), 'utf8'));
      const channel = feed.rss.channel;
      expect(channel.title).toMatch(/\S/);
      expect(channel.description).toMatch(/\S/);
      expect(channel.link).toBe(url(homePath(locale)));
      expect(channel.language).toBe(locale === 'nl' ? 'nl-nl' : 'en-gb');
      const feedItems: { title: string; link: string; pubDate: string; description: string; guid: unknown }[] =
        channel.item ?? [];
      const expected = [...inLocale('news', locale), ...inLocale('practices', locale)]
        .filter((i) => i.data.example !== true)
        .map((i) => url(entryPath(i.collection as never, i.slug, locale)));
      expect(expected.length, `no ${locale} news or practices in content/`).toBeGreaterThan(0);
      expect(feedItems.map((i) => i.link).sort()).toEqual(expected.sort());
      for (const item of feedItems) {
        expect(item.title, item.link).toMatch(/\S/);
        expect(item.description, item.link).toMatch(/\S/);
        expect(Number.isNaN(Date.parse(item.pubDate)), item.link).toBe(false);
        expect(existsSync(join(testDist, pathOf(item.link), 'index.html')), item.link).toBe(true);
      }
      const dates = feedItems.map((i) => Date.parse(i.pubDate));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
    });
  }

  it('is announced in the head of every page, in the page’s language', () => {
    for (const page of sitePages) {
      const feeds = tags(page.html, 'link').filter((l) => l.rel === 'alternate' && l.type === 'application/rss+xml');
      expect(feeds.length, page.path).toBe(1);
      const locale = (lang(page.html) ?? 'nl') as Locale;
      expect(feeds[0]!.href, page.path).toBe(url(`${homePath(locale)}rss.xml`));
      expect(feeds[0]!.title, page.path).toMatch(/\S/);
    }
  });
});

describe('canonical URLs and alternates', () => {
  it('every page has exactly one absolute canonical URL, its own address (the 404 pages have none)', () => {
    expect(sitePages.length).toBeGreaterThan(10);
    for (const page of sitePages) {
      const found = canonicals(page.html);
      if (isNotFound(page)) {
        expect(found, page.path).toEqual([]);
        continue;
      }
      expect(found, page.path).toEqual([url(page.path)]);
    }
  });

  it('hreflang pairs are symmetric and point at built pages', () => {
    let pairs = 0;
    for (const page of pages) {
      const alternates = hreflangs(page.html);
      if (Object.keys(alternates).length === 0) continue;
      const own = lang(page.html)!;
      expect(alternates[own], `${page.path} must list itself as ${own}`).toBe(url(page.path));
      for (const [hreflang, href] of Object.entries(alternates)) {
        const other = pageAt(pathOf(href));
        expect(
          hreflangs(other.html),
          `${page.path} lists ${href} as ${hreflang}, but that page does not list the same set`,
        ).toEqual(alternates);
        if (hreflang !== 'x-default') expect(lang(other.html), href).toBe(hreflang);
        pairs++;
      }
      if (alternates['x-default']) expect(alternates['x-default']).toBe(alternates.nl);
    }
    expect(pairs).toBeGreaterThan(0);
  });

  it('translated pairs from the content are linked both ways', () => {
    for (const item of items.filter((i) => i.locale === 'nl')) {
      const en = items.find((i) => i.collection === item.collection && i.slug === item.slug && i.locale === 'en');
      if (!en) continue;
      const nlPath = entryPath(item.collection as never, item.slug, 'nl');
      expect(hreflangs(pageAt(nlPath).html).en, nlPath).toBe(url(entryPath(item.collection as never, item.slug, 'en')));
    }
  });
});

describe('OpenGraph and Twitter cards', () => {
  it('utility pages (room cards, short links) are never indexed', () => {
    const utility = pages.filter((p) => isEventUtilityPath(p.path));
    expect(utility.length).toBeGreaterThan(0);
    for (const page of utility) expect(isNoindex(page.html), page.path).toBe(true);
  });

  it('every page has a title, URL, locale and an image that exists', () => {
    for (const page of sitePages) {
      const l = lang(page.html);
      expect(meta(page.html, 'og:title')[0], page.path).toMatch(/\S/);
      expect(meta(page.html, 'og:url'), page.path).toEqual(canonicals(page.html));
      expect(meta(page.html, 'og:locale'), page.path).toEqual([l === 'en' ? 'en_GB' : 'nl_NL']);
      const image = meta(page.html, 'og:image')[0]!;
      expect(existsSync(join(testDist, pathOf(image))), `${page.path}: og:image ${image}`).toBe(true);
      expect(meta(page.html, 'og:image:alt')[0], page.path).toMatch(/\S/);
      expect(meta(page.html, 'twitter:card'), page.path).toEqual(['summary_large_image']);
      expect(meta(page.html, 'twitter:image')[0], page.path).toBe(image);
      expect(meta(page.html, 'description')[0], page.path).toMatch(/\S/);
    }
  });

  it('the default image is a 1200 × 630 PNG', () => {
    const png = readFileSync(join(testDist, 'og-default.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('marks practices and news as articles', () => {
    for (const item of items.filter((i) => i.collection === 'practices' || i.collection === 'news')) {
      const page = pageAt(entryPath(item.collection as never, item.slug, item.locale!));
      expect(meta(page.html, 'og:type'), page.path).toEqual(['article']);
      expect(meta(page.html, 'article:published_time')[0], page.path).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }
  });
});

describe('JSON-LD', () => {
  it('parses on every page', () => {
    for (const page of pages) expect(() => jsonLd(page.html), page.path).not.toThrow();
  });

  it('describes the organisation on both home pages', () => {
    const settings = yaml.load(readFileSync(join(contentRoot, 'settings', 'site.yaml'), 'utf8')) as {
      name: string;
      organisation: { name: string; url: string };
    };
    for (const locale of locales) {
      const nodes = jsonLd(pageAt(homePath(locale)).html);
      const [org] = ofType(nodes, 'Organization');
      expect(org, `Organization on ${homePath(locale)}`).toBeDefined();
      expect(org).toMatchObject({
        '@context': 'https://schema.org',
        name: settings.organisation.name,
        url: settings.organisation.url,
      });
      expect(org!.email ?? '', 'no placeholder e-mail in structured data').not.toMatch(/example\.(org|com)$/);
      expect(ofType(nodes, 'WebSite')[0]).toMatchObject({ name: settings.name, url: url(homePath(locale)) });
    }
  });

  it('has an Article on every practice and news page', () => {
    const articles = items.filter((i) => i.collection === 'practices' || i.collection === 'news');
    expect(articles.length).toBeGreaterThan(0);
    for (const item of articles) {
      const path = entryPath(item.collection as never, item.slug, item.locale!);
      const [node] = ofType(jsonLd(pageAt(path).html), 'Article');
      expect(node, path).toBeDefined();
      expect(node).toMatchObject({
        '@context': 'https://schema.org',
        headline: item.data.title,
        url: url(path),
        inLanguage: item.locale === 'en' ? 'en-GB' : 'nl-NL',
        publisher: { '@type': 'Organization', name: expect.any(String) },
        author: { name: expect.any(String) },
      });
      expect(node!.datePublished, path).toBe(new Date(item.data.published).toISOString().slice(0, 10));
      expect(node!.dateModified, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(existsSync(join(testDist, pathOf(node!.image))), `${path} image`).toBe(true);
    }
  });

  it('has an Event with dates, status, location and organiser on every event page', () => {
    const events = items.filter((i) => i.collection === 'events');
    expect(events.length, 'the starter content has the congress').toBeGreaterThan(0);
    const statusUrl: Record<string, string> = {
      scheduled: 'https://schema.org/EventScheduled',
      cancelled: 'https://schema.org/EventCancelled',
      postponed: 'https://schema.org/EventPostponed',
      'moved-online': 'https://schema.org/EventMovedOnline',
    };
    for (const item of events) {
      const path = entryPath('events', item.slug, item.locale!);
      const [node] = ofType(jsonLd(pageAt(path).html), 'Event');
      expect(node, path).toBeDefined();
      expect(node!.name, path).toBe(item.data.title);
      if (item.data.allDay) {
        // Whole days (times not known): plain dates, so no time is claimed.
        expect(node!.startDate, path).toBe(String(item.data.start).slice(0, 10));
        expect(node!.endDate, path).toBe(String(item.data.end).slice(0, 10));
      } else {
        expect(node!.startDate, path).toBe(isoWithOffset(item.data.start));
        expect(node!.endDate, path).toBe(isoWithOffset(item.data.end));
        expect(node!.startDate, path).toMatch(/T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      }
      expect(node!.eventStatus, path).toBe(statusUrl[item.data.status ?? 'scheduled']);
      expect(node!.eventAttendanceMode, path).toMatch(
        /^https:\/\/schema\.org\/(Offline|Online|Mixed)EventAttendanceMode$/,
      );
      const locations = [node!.location].flat();
      expect(locations.length, path).toBeGreaterThan(0);
      for (const location of locations) {
        expect(['Place', 'VirtualLocation'], path).toContain(location['@type']);
        if (location['@type'] === 'Place') expect(location.address?.addressLocality, path).toBe(item.data.venue.city);
        else expect(location.url, path).toMatch(/^https?:\/\//);
      }
      const organizers = [node!.organizer].flat();
      expect(
        organizers.map((o) => o.name),
        path,
      ).toEqual(item.data.organisers);
      for (const o of organizers) expect(o['@type'], path).toBe('Organization');
    }
  });

  it('has a BreadcrumbList ending at the page on every content page below the home', () => {
    for (const item of items) {
      for (const path of pathsOf(item)) {
        const [node] = ofType(jsonLd(pageAt(path).html), 'BreadcrumbList');
        expect(node, path).toBeDefined();
        const list: { position: number; name: string; item: string }[] = node!.itemListElement;
        expect(
          list.map((i) => i.position),
          path,
        ).toEqual(list.map((_, i) => i + 1));
        const locale = item.locale ?? (path.startsWith('/en/') ? 'en' : 'nl');
        expect(list[0]!.item, path).toBe(url(homePath(locale)));
        expect(list.at(-1)!.item, path).toBe(url(path));
        for (const crumb of list) {
          expect(crumb.name, path).toMatch(/\S/);
          pageAt(pathOf(crumb.item));
        }
      }
    }
  });
});

describe('municipality map', () => {
  for (const locale of locales) {
    const path = sectionPath(locale, 'cases');

    it(`${path} shows a linked point for every case with a position`, () => {
      const html = pageAt(path).html;
      const svgs = html.match(/<svg\b[^>]*data-map-points[\s\S]*?<\/svg>/g) ?? [];
      expect(svgs.length, 'one map').toBe(1);
      const svg = svgs[0]!;
      const bytes = Buffer.byteLength(svg);
      expect(bytes, `map SVG is ${bytes} bytes`).toBeLessThan(15_000);
      expect(svg).toMatch(/<title id="([^"]+)">[^<]{5,}<\/title>/);
      const titleId = /<title id="([^"]+)"/.exec(svg)![1];
      expect(svg).toContain(`aria-labelledby="${titleId}"`);
      expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
      expect(svg, 'no client code in the map').not.toMatch(/<script|\son\w+=/i);

      const links = [...svg.matchAll(/<a\b([^>]*)>/g)].map((m) => ({
        href: /href="([^"]+)"/.exec(m[1]!)?.[1],
        label: /aria-label="([^"]+)"/.exec(m[1]!)?.[1],
      }));
      const expected = inLocale('cases', locale)
        .filter((i) => i.data.position)
        .map((i) => entryPath('cases', i.slug, locale));
      expect(expected.length, `no ${locale} cases with a position in content/`).toBeGreaterThan(0);
      expect(links.map((l) => l.href).sort()).toEqual(expected.sort());
      for (const link of links) {
        expect(link.label, link.href).toMatch(/\S/);
        pageAt(link.href!);
      }
    });
  }
});
