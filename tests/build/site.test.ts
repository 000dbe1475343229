/**
 * The built site against the content and the requirements: every route in both languages,
 * html lang, hreflang pairs, the language switch, breadcrumbs, filter links, relations in both
 * directions, example notices, figures, listings, the start guide, the JavaScript budget.
 * Everything is derived from content/ at test time, so it holds for whatever content exists.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import {
  sitePages,
  pageAt,
  findAll,
  find,
  attr,
  hasClass,
  textOf,
  ancestors,
  type BuiltPage,
  type Node,
} from '../helpers/html.ts';
import { projectRoot } from '../helpers/paths.ts';
import { contentEntries, list } from '../helpers/content-data.ts';
import { testDist } from '../helpers/paths.ts';
import { entryPath, facetPath, homePath, sectionPath, sections } from '../../src/i18n/routes.ts';
import { locales, otherLocale, type Locale } from '../../src/i18n/locales.ts';
import { dictionaries } from '../../src/i18n/t.ts';
import { phases, themes } from '../../src/schema/vocabularies.ts';
import { buildDate, intervalOf } from '../../src/lib/time/index.ts';
import { SITE_URL } from '../../src/site.config.ts';

/** Pages in the site's shell (redirect and other utility pages have no menu or language switch). */
const pages = sitePages();
const entries = contentEntries();
const localized = entries.filter((e) => e.locale !== null);
const has = (path: string) => existsSync(join(testDist, path, 'index.html'));
type Coll = 'practices' | 'cases' | 'events' | 'news' | 'pages';

/** Where a reader of `locale` finds item `slug`: their language, else the Dutch original. */
function hrefFor(collection: Coll, slug: string, locale: Locale): string {
  const own = localized.some((e) => e.collection === collection && e.slug === slug && e.locale === locale);
  return entryPath(collection, slug, own ? locale : 'nl');
}
const sitePath = (href: string) => new URL(href, SITE_URL + '/').pathname;
const linksIn = (node: Node) =>
  findAll(node, (el) => el.tagName === 'a' && attr(el, 'href') !== undefined).map((a) => attr(a, 'href')!);
const links = (page: BuiltPage) => linksIn(page.doc);
const t = (locale: Locale, key: keyof (typeof dictionaries)['nl']) => dictionaries[locale][key];
const article = (page: BuiltPage) => find(page.doc, (el) => attr(el, 'data-pagefind-body') !== undefined);

describe('routes', () => {
  it('home, every section index, the start guide and search exist in both languages', () => {
    for (const locale of locales) {
      expect(has(homePath(locale)), homePath(locale)).toBe(true);
      for (const section of Object.keys(sections) as (keyof typeof sections)[]) {
        expect(has(sectionPath(locale, section)), sectionPath(locale, section)).toBe(true);
      }
    }
  });

  it('has a 404 page in both languages', () => {
    expect(existsSync(join(testDist, '404.html'))).toBe(true);
    expect(has('/en/404/')).toBe(true);
    expect(readFileSync(join(testDist, '404.html'), 'utf8')).toContain('<html lang="nl"');
  });

  it('every content entry has its page in its languages', () => {
    for (const e of localized)
      expect(has(entryPath(e.collection as Coll, e.slug, e.locale!)), `${e.collection}/${e.locale}/${e.slug}`).toBe(
        true,
      );
    for (const m of entries.filter((e) => e.collection === 'materials'))
      for (const l of locales) expect(has(entryPath('materials', m.slug, l))).toBe(true);
  });

  it('has a filtered listing in both languages for every theme and phase in use', () => {
    const usedThemes = new Set(
      entries
        .filter((e) => ['practices', 'events', 'materials'].includes(e.collection))
        .flatMap((e) => list(e, 'themes')),
    );
    const usedPhases = new Set(entries.filter((e) => e.collection === 'practices').flatMap((e) => list(e, 'phases')));
    expect(usedThemes.size).toBeGreaterThan(0);
    for (const locale of locales) {
      for (const id of usedThemes)
        expect(has(facetPath(locale, 'themes', id)), facetPath(locale, 'themes', id)).toBe(true);
      for (const id of usedPhases)
        expect(has(facetPath(locale, 'phases', id)), facetPath(locale, 'phases', id)).toBe(true);
    }
  });

  it('sets <html lang> from the path', () => {
    for (const page of pages) {
      const lang = attr(
        find(page.doc, (el) => el.tagName === 'html')!,
        'lang',
      );
      expect(lang, page.path).toBe(page.path.startsWith('/en/') ? 'en' : 'nl');
    }
  });

  it('every page has one h1, a main landmark and a skip link to it', () => {
    for (const page of pages) {
      expect(findAll(page.doc, (el) => el.tagName === 'h1').length, `${page.path} h1`).toBe(1);
      expect(
        find(page.doc, (el) => el.tagName === 'main' && attr(el, 'id') === 'main'),
        page.path,
      ).toBeDefined();
      const firstLink = find(
        find(page.doc, (el) => el.tagName === 'body')!,
        (el) => el.tagName === 'a',
      );
      expect(attr(firstLink!, 'href'), page.path).toBe('#main');
    }
  });
});

describe('languages', () => {
  it('hreflang alternates are symmetric and point at built pages', () => {
    for (const page of pages) {
      const alternates = findAll(
        page.doc,
        (el) => el.tagName === 'link' && attr(el, 'rel') === 'alternate' && attr(el, 'hreflang') !== undefined,
      );
      for (const link of alternates) {
        const target = sitePath(attr(link, 'href')!);
        const other = pageAt(target);
        const back = findAll(other.doc, (el) => el.tagName === 'link' && attr(el, 'rel') === 'alternate').map(
          (l) => `${attr(l, 'hreflang')} ${sitePath(attr(l, 'href')!)}`,
        );
        const pageLang = page.path.startsWith('/en/') ? 'en' : 'nl';
        expect(back, `${target} should point back at ${page.path}`).toContain(`${pageLang} ${page.path}`);
      }
    }
  });

  it('translated entries are hreflang pairs', () => {
    for (const e of localized.filter((x) => x.locale === 'nl')) {
      const twin = localized.find((x) => x.collection === e.collection && x.slug === e.slug && x.locale === 'en');
      const page = pageAt(entryPath(e.collection as Coll, e.slug, 'nl'));
      const en = find(page.doc, (el) => el.tagName === 'link' && attr(el, 'hreflang') === 'en');
      if (twin) expect(sitePath(attr(en!, 'href')!)).toBe(entryPath(e.collection as Coll, e.slug, 'en'));
      else expect(en).toBeUndefined();
    }
  });

  it('the language switch goes to the counterpart, or to the other language with the #untranslated notice', () => {
    for (const page of pages) {
      const sw = find(page.doc, (el) => el.tagName === 'a' && hasClass(el, 'lang-switch'));
      expect(sw, page.path).toBeDefined();
      const href = attr(sw!, 'href')!;
      const counterpart = find(
        page.doc,
        (el) =>
          el.tagName === 'link' &&
          attr(el, 'rel') === 'alternate' &&
          attr(el, 'hreflang') !== undefined &&
          !page.path.startsWith(`/${attr(el, 'hreflang')}/`) &&
          sitePath(attr(el, 'href')!) !== page.path,
      );
      const here: Locale = page.path.startsWith('/en/') ? 'en' : 'nl';
      expect(attr(sw!, 'hreflang')).toBe(otherLocale(here));
      if (counterpart) {
        expect(href, page.path).toBe(sitePath(attr(counterpart, 'href')!));
      } else {
        expect(href, page.path).toMatch(/#untranslated$/);
        const target = pageAt(href.replace(/#.*$/, ''));
        const notice = find(target.doc, (el) => attr(el, 'id') === 'untranslated');
        expect(notice, `${href} has the notice`).toBeDefined();
        expect(textOf(notice!)).toBe(t(otherLocale(here), 'lang.noTranslation'));
      }
    }
  });

  it('untranslated entries are listed in the English index as Dutch originals, marked', () => {
    for (const e of localized.filter((x) => x.locale === 'nl' && x.collection !== 'pages')) {
      if (localized.some((x) => x.collection === e.collection && x.slug === e.slug && x.locale === 'en')) continue;
      const index = pageAt(sectionPath('en', e.collection as Exclude<Coll, 'pages'>));
      const link = find(
        index.doc,
        (el) => el.tagName === 'a' && attr(el, 'href') === entryPath(e.collection as Coll, e.slug, 'nl'),
      );
      expect(link, `${e.collection}/${e.slug} in the English index`).toBeDefined();
      expect(attr(link!, 'lang')).toBe('nl');
    }
  });
});

describe('detail pages', () => {
  const details = localized.filter((e) => e.collection !== 'pages');

  it('have breadcrumbs ending in the current page', () => {
    for (const e of details) {
      const page = pageAt(entryPath(e.collection as Coll, e.slug, e.locale!));
      const nav = find(page.doc, (el) => el.tagName === 'nav' && hasClass(el, 'breadcrumbs'));
      expect(nav, page.path).toBeDefined();
      const crumbs = findAll(nav!, (el) => el.tagName === 'li');
      expect(crumbs.length).toBeGreaterThanOrEqual(3);
      expect(
        attr(
          find(crumbs[0]!, (el) => el.tagName === 'a')!,
          'href',
        ),
      ).toBe(homePath(e.locale!));
      expect(find(crumbs.at(-1)!, (el) => attr(el, 'aria-current') === 'page')).toBeDefined();
    }
  });

  it('link every theme and phase of a practice to its filtered listing', () => {
    for (const e of localized.filter((x) => x.collection === 'practices')) {
      const hrefs = links(pageAt(entryPath('practices', e.slug, e.locale!)));
      for (const id of list(e, 'themes'))
        expect(hrefs, `${e.slug} theme ${id}`).toContain(facetPath(e.locale!, 'themes', id));
      for (const id of list(e, 'phases'))
        expect(hrefs, `${e.slug} phase ${id}`).toContain(facetPath(e.locale!, 'phases', id));
    }
  });

  it('show related items in both directions (a case lists the practices that reference it)', () => {
    const exists = (collection: Coll, slug: string) =>
      localized.some((x) => x.collection === collection && x.slug === slug);
    const nlOf = (collection: string) => entries.filter((x) => x.collection === collection && x.locale === 'nl');
    let checked = 0;
    for (const e of localized.filter((x) => x.collection === 'cases' || x.collection === 'practices')) {
      const hrefs = links(pageAt(entryPath(e.collection as Coll, e.slug, e.locale!)));
      const expectLinked = (collection: Coll, slug: string, why: string) => {
        if (!exists(collection, slug) || (collection === e.collection && slug === e.slug)) return;
        checked++;
        expect(hrefs, `${e.collection}/${e.locale}/${e.slug} should link ${collection}/${slug} (${why})`).toContain(
          hrefFor(collection, slug, e.locale!),
        );
      };
      if (e.collection === 'cases') {
        for (const p of list(e, 'practices')) expectLinked('practices', p, 'listed by the case');
        for (const p of nlOf('practices').filter((p) => list(p, 'cases').includes(e.slug)))
          expectLinked('practices', p.slug, 'the practice lists the case');
      } else {
        for (const c of list(e, 'cases')) expectLinked('cases', c, 'listed by the practice');
        for (const c of nlOf('cases').filter((c) => list(c, 'practices').includes(e.slug)))
          expectLinked('cases', c.slug, 'the case lists the practice');
        for (const p of list(e, 'practices')) expectLinked('practices', p, 'listed by the practice');
        for (const p of nlOf('practices').filter((p) => list(p, 'practices').includes(e.slug)))
          expectLinked('practices', p.slug, 'the other practice lists it');
      }
      for (const n of nlOf('news').filter((n) => list(n, e.collection).includes(e.slug)))
        expectLinked('news', n.slug, 'the news item lists it');
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('mark example content with a notice and noindex', () => {
    for (const e of entries.filter((x) => x.data.example === true)) {
      for (const locale of e.locale ? [e.locale] : locales) {
        const page = pageAt(
          e.locale ? entryPath(e.collection as Coll, e.slug, locale) : entryPath('materials', e.slug, locale),
        );
        expect(
          find(page.doc, (el) => hasClass(el, 'notice--example')),
          page.path,
        ).toBeDefined();
        expect(
          find(
            page.doc,
            (el) => el.tagName === 'meta' && attr(el, 'name') === 'robots' && /noindex/.test(attr(el, 'content') ?? ''),
          ),
          page.path,
        ).toBeDefined();
      }
    }
  });

  it('show every case figure with its source and check date, "unknown" as unknown', () => {
    for (const e of localized.filter((x) => x.collection === 'cases')) {
      const figures = (e.data.figures ?? []) as { value: unknown; source: { title: string } }[];
      if (figures.length === 0) continue;
      const page = pageAt(entryPath('cases', e.slug, e.locale!));
      const cards = findAll(page.doc, (el) => hasClass(el, 'figure-card'));
      expect(cards.length).toBe(figures.length);
      figures.forEach((f, i) => {
        const text = textOf(cards[i]!);
        expect(text).toContain(f.value === 'unknown' ? t(e.locale!, 'figure.unknown') : String(f.value));
        expect(text).toContain(f.source.title);
        expect(find(cards[i]!, (el) => el.tagName === 'time')).toBeDefined();
      });
    }
  });

  it('show "last updated" (or published) and a copy-link permalink, and keep the main content apart for search', () => {
    for (const e of details) {
      const page = pageAt(entryPath(e.collection as Coll, e.slug, e.locale!));
      const body = article(page);
      expect(body, page.path).toBeDefined();
      expect(findAll(page.doc, (el) => attr(el, 'data-pagefind-body') !== undefined).length).toBe(1);
      expect(
        find(body!, (el) => ['nav', 'header', 'footer'].includes(el.tagName) && !hasClass(el, 'detail-header')),
      ).toBeUndefined();
      expect(ancestors(body!).some((a) => a.tagName === 'main')).toBe(true);
      const copy = find(page.doc, (el) => attr(el, 'data-copy-link') !== undefined);
      expect(attr(copy!, 'href')).toBe(page.path);
      expect(
        find(
          find(page.doc, (el) => hasClass(el, 'print-origin'))!,
          () => true,
        ),
      ).toBeDefined();
      expect(textOf(find(page.doc, (el) => hasClass(el, 'print-origin'))!)).toContain(`${SITE_URL}${page.path}`);
    }
  });

  it('list every session of an event with its time and an anchor', () => {
    for (const e of localized.filter((x) => x.collection === 'events')) {
      const page = pageAt(entryPath('events', e.slug, e.locale!));
      for (const s of (e.data.sessions ?? []) as { id: string; title: string; start?: string }[]) {
        const el = find(page.doc, (x) => attr(x, 'id') === s.id);
        expect(el, `${page.path}#${s.id}`).toBeDefined();
        expect(textOf(el!)).toContain(s.title);
        const time = find(el!, (x) => x.tagName === 'time');
        if (s.start) expect(attr(time!, 'datetime')).toMatch(new RegExp(`^${s.start}:00\\+0[12]:00$`));
        // A session whose slot is not known says so and shows no time.
        else {
          expect(time, `${page.path}#${s.id} must not show a time`).toBeUndefined();
          expect(textOf(el!)).toContain(dictionaries[e.locale!]['session.timeUnknown']);
        }
      }
    }
  });
});

describe('listings', () => {
  it('cards show type, date and themes', () => {
    for (const locale of locales) {
      const index = pageAt(sectionPath(locale, 'practices'));
      const cards = findAll(index.doc, (el) => el.tagName === 'article' && hasClass(el, 'card'));
      expect(cards.length).toBe(new Set(localized.filter((e) => e.collection === 'practices').map((e) => e.slug)).size);
      for (const card of cards) {
        expect(textOf(find(card, (el) => hasClass(el, 'card__kind'))!).trim()).not.toBe('');
        expect(find(card, (el) => el.tagName === 'time')).toBeDefined();
        expect(
          findAll(card, (el) => el.tagName === 'li' && ancestors(el).some((a) => hasClass(a, 'card__tags'))).length,
        ).toBeGreaterThan(0);
      }
    }
  });

  it('a theme listing holds exactly the practices with that theme', () => {
    const practices = entries.filter((e) => e.collection === 'practices' && e.locale === 'nl');
    for (const theme of themes) {
      const expected = practices.filter((p) => list(p, 'themes').includes(theme.id));
      if (expected.length === 0) continue;
      for (const locale of locales) {
        const page = pageAt(facetPath(locale, 'themes', theme.id));
        const section = find(
          page.doc,
          (el) => el.tagName === 'section' && attr(el, 'aria-labelledby') === 'facet-practices',
        )!;
        const hrefs = findAll(section, (el) => el.tagName === 'a').map((a) => attr(a, 'href'));
        expect(hrefs.sort()).toEqual(expected.map((p) => hrefFor('practices', p.slug, locale)).sort());
      }
    }
  });

  it('events are split into upcoming and past by the build date', () => {
    // The build and this test read the same BUILD_DATE (or both use today).
    const now = buildDate().getTime();
    for (const e of localized.filter((x) => x.collection === 'events')) {
      const index = pageAt(sectionPath(e.locale!, 'events'));
      const end = intervalOf(e.data as { start: string; end: string; allDay?: boolean }).end.getTime();
      if (Math.abs(end - now) < 2 * 86_400_000) continue; // ends around the build: either side is right
      const isPast = end <= now;
      const section = find(
        index.doc,
        (el) => el.tagName === 'section' && attr(el, 'aria-labelledby') === (isPast ? 'past' : 'upcoming'),
      )!;
      expect(linksIn(section), e.slug).toContain(entryPath('events', e.slug, e.locale!));
    }
  });

  it('the municipalities index groups every case by province', () => {
    for (const locale of locales) {
      const index = pageAt(sectionPath(locale, 'cases'));
      for (const c of entries.filter((e) => e.collection === 'cases' && e.locale === 'nl')) {
        const group = find(
          index.doc,
          (el) => el.tagName === 'section' && attr(el, 'aria-labelledby') === `province-${c.data.province}`,
        );
        expect(group, `${c.slug} in province-${c.data.province}`).toBeDefined();
        expect(linksIn(group!)).toContain(hrefFor('cases', c.slug, locale));
      }
    }
  });
});

describe('home and guide', () => {
  const settings = yaml.load(readFileSync(join(projectRoot, 'content', 'settings', 'site.yaml'), 'utf8')) as {
    mission: Record<Locale, string>;
    callToAction: Record<Locale, string>;
  };

  it('home has the mission, the call to action to contact, featured practices, events, news and municipalities', () => {
    for (const locale of locales) {
      const home = pageAt(homePath(locale));
      const text = textOf(home.doc).replace(/\s+/g, ' ');
      const hrefs = links(home);
      expect(textOf(find(home.doc, (el) => hasClass(el, 'hero__mission'))!).trim()).toBe(
        settings.mission[locale].trim(),
      );
      const cta = find(home.doc, (el) => hasClass(el, 'cta'))!;
      expect(textOf(cta)).toContain(settings.callToAction[locale].trim());
      const contact = entries.find((e) => e.collection === 'pages' && e.slug === 'contact');
      if (contact) expect(linksIn(cta)).toContain(hrefFor('pages', 'contact', locale));
      for (const p of entries
        .filter((e) => e.collection === 'practices' && e.locale === 'nl' && e.data.featured === true)
        .slice(0, 3)) {
        expect(hrefs).toContain(hrefFor('practices', p.slug, locale));
      }
      for (const c of entries.filter((e) => e.collection === 'cases' && e.locale === 'nl'))
        expect(hrefs).toContain(hrefFor('cases', c.slug, locale));
      if (entries.some((e) => e.collection === 'events'))
        expect(
          hrefs.some((h) => h.startsWith(sectionPath(locale, 'events')) && h !== sectionPath(locale, 'events')),
        ).toBe(true);
      if (entries.some((e) => e.collection === 'news'))
        expect(hrefs.some((h) => h.startsWith(sectionPath(locale, 'news')) && h !== sectionPath(locale, 'news'))).toBe(
          true,
        );
      expect(text.length).toBeGreaterThan(200);
    }
  });

  it('the start guide walks the phases in order with their practices and ends in contact', () => {
    for (const locale of locales) {
      const guide = pageAt(sectionPath(locale, 'start'));
      const phaseEls = findAll(guide.doc, (el) => hasClass(el, 'phase'));
      expect(phaseEls.map((el) => attr(el, 'id'))).toEqual(phases.map((p) => p.id));
      phaseEls.forEach((el, i) => {
        const phase = phases[i]!;
        expect(textOf(el)).toContain(phase.label[locale]);
        const hrefs = linksIn(el);
        for (const p of entries.filter(
          (e) => e.collection === 'practices' && e.locale === 'nl' && list(e, 'phases').includes(phase.id),
        )) {
          expect(hrefs, `${phase.id} lists ${p.slug}`).toContain(hrefFor('practices', p.slug, locale));
        }
      });
      const last = findAll(
        find(guide.doc, (el) => hasClass(el, 'guide'))!,
        (el) => el.tagName === 'section',
      ).at(-1)!;
      expect(attr(last, 'id')).toBe('guide-contact');
    }
  });
});

describe('JavaScript budget', () => {
  it('ships at most 2 KB of JavaScript per page (before search)', () => {
    for (const page of pages) {
      let bytes = 0;
      for (const script of findAll(page.doc, (el) => el.tagName === 'script')) {
        const type = attr(script, 'type');
        if (type && !['module', 'text/javascript'].includes(type)) continue;
        const src = attr(script, 'src');
        bytes += src
          ? readFileSync(join(testDist, new URL(src, SITE_URL).pathname)).length
          : Buffer.byteLength(textOf(script));
      }
      expect(bytes, page.path).toBeLessThanOrEqual(2048);
    }
  });
});
