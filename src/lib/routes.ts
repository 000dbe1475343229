/**
 * Every content route of the site, in both languages, from the collections and the URL segments in
 * src/i18n/routes.ts. src/pages/[...path].astro renders them; tests compare against this list.
 */
import type { CollectionEntry } from 'astro:content';
import { contentIndex } from './content-index.ts';
import { locales, type Locale } from '../i18n/locales.ts';
import { entryPath, facetPath, facetSegments, homePath, sectionPath, type ListingFacet } from '../i18n/routes.ts';
import { entriesIn, splitId, type LocalizedCollection } from './entries.ts';
import { listedCollections, localizedCollections, type ListedCollection } from '../schema/collections.ts';

export { entryPath };

export type RouteView =
  | { view: 'home' }
  | { view: 'index'; collection: ListedCollection }
  | { view: 'detail'; collection: LocalizedCollection; entry: CollectionEntry<LocalizedCollection> }
  | { view: 'material'; entry: CollectionEntry<'materials'> }
  /** Best practices filtered on one theme or phase. */
  | { view: 'facet'; facet: ListingFacet; term: string }
  /** "Start in your municipality": the phases with their practices. */
  | { view: 'start' }
  /** What is saved for use without a connection; the service worker's answer for pages not stored. */
  | { view: 'offline' }
  | { view: 'notFound' };

export type Route = RouteView & {
  /** Site path with leading and trailing slash, e.g. "/en/best-practices/". */
  path: string;
  locale: Locale;
  /** Path of the same page in the other language, when it exists. */
  alternates: Partial<Record<Locale, string>>;
  /**
   * Where the language switch goes when there is no counterpart: the other language's section
   * index (home for standalone pages), which shows a "not translated" notice at #untranslated.
   */
  fallback?: string;
};

function bothLocales(pathFor: (locale: Locale) => string): Partial<Record<Locale, string>> {
  return Object.fromEntries(locales.map((l) => [l, pathFor(l)]));
}

export async function getRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const locale of locales) {
    routes.push({ view: 'home', path: homePath(locale), locale, alternates: bothLocales(homePath) });
    for (const collection of listedCollections) {
      routes.push({
        view: 'index',
        collection,
        path: sectionPath(locale, collection),
        locale,
        alternates: bothLocales((l) => sectionPath(l, collection)),
      });
    }
    for (const collection of localizedCollections) {
      const here = await entriesIn(collection, locale);
      const other = new Set(
        (await entriesIn(collection, locale === 'nl' ? 'en' : 'nl')).map((e) => splitId(e.id).slug),
      );
      for (const entry of here) {
        const { slug } = splitId(entry.id);
        const alternates: Partial<Record<Locale, string>> = { [locale]: entryPath(collection, slug, locale) };
        const otherLocale: Locale = locale === 'nl' ? 'en' : 'nl';
        if (other.has(slug)) alternates[otherLocale] = entryPath(collection, slug, otherLocale);
        const fallback = collection === 'pages' ? homePath(otherLocale) : sectionPath(otherLocale, collection);
        routes.push({
          view: 'detail',
          collection,
          entry,
          path: entryPath(collection, slug, locale),
          locale,
          alternates,
          fallback,
        });
      }
    }
    routes.push({
      view: 'start',
      path: sectionPath(locale, 'start'),
      locale,
      alternates: bothLocales((l) => sectionPath(l, 'start')),
    });
    routes.push({
      view: 'offline',
      path: sectionPath(locale, 'offline'),
      locale,
      alternates: bothLocales((l) => sectionPath(l, 'offline')),
    });
    for (const facet of Object.keys(facetSegments) as ListingFacet[]) {
      for (const term of await usedTerms(facet)) {
        routes.push({
          view: 'facet',
          facet,
          term,
          path: facetPath(locale, facet, term),
          locale,
          alternates: bothLocales((l) => facetPath(l, facet, term)),
        });
      }
    }
    for (const entry of (await contentIndex()).entries.materials) {
      routes.push({
        view: 'material',
        entry,
        path: entryPath('materials', entry.id, locale),
        locale,
        alternates: bothLocales((l) => entryPath('materials', entry.id, l)),
      });
    }
  }
  // The Dutch 404 is src/pages/404.astro (/404.html, what static hosts serve for unknown paths).
  routes.push({ view: 'notFound', path: '/en/404/', locale: 'en', alternates: {} });
  return routes;
}

/**
 * Terms that get a filtered listing page: every term used by a practice, and every theme used by
 * an event or material (their theme links go to the same page, which lists them too).
 */
export async function usedTerms(facet: ListingFacet): Promise<string[]> {
  const { entries } = await contentIndex();
  const used = new Set<string>();
  for (const p of entries.practices) for (const id of p.data[facet]) used.add(id);
  if (facet === 'themes') {
    for (const e of entries.events) for (const id of e.data.themes) used.add(id);
    for (const m of entries.materials) for (const id of m.data.themes) used.add(id);
  }
  return [...used];
}
