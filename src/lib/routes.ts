/**
 * Every content route of the site, in both languages, from the collections and the URL segments in
 * src/i18n/routes.ts. src/pages/[...path].astro renders them; tests compare against this list.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { locales, type Locale } from '../i18n/locales.ts';
import { entryPath, homePath, sectionPath, type Section } from '../i18n/routes.ts';
import { entriesIn, splitId, type LocalizedCollection } from './entries.ts';

export { entryPath };

type ListedCollection = Exclude<LocalizedCollection, 'pages'> | 'materials';

export type RouteView =
  | { view: 'home' }
  | { view: 'index'; collection: ListedCollection }
  | { view: 'detail'; collection: LocalizedCollection; entry: CollectionEntry<LocalizedCollection> }
  | { view: 'material'; entry: CollectionEntry<'materials'> }
  | { view: 'notFound' };

export type Route = RouteView & {
  /** Site path with leading and trailing slash, e.g. "/en/best-practices/". */
  path: string;
  locale: Locale;
  /** Path of the same page in the other language, when it exists. */
  alternates: Partial<Record<Locale, string>>;
};

const listed: ListedCollection[] = ['practices', 'cases', 'events', 'materials', 'news'];
function bothLocales(pathFor: (locale: Locale) => string): Partial<Record<Locale, string>> {
  return Object.fromEntries(locales.map((l) => [l, pathFor(l)]));
}

export async function getRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const locale of locales) {
    routes.push({ view: 'home', path: homePath(locale), locale, alternates: bothLocales(homePath) });
    for (const collection of listed) {
      const section = collection as Section;
      routes.push({ view: 'index', collection, path: sectionPath(locale, section), locale, alternates: bothLocales((l) => sectionPath(l, section)) });
    }
    for (const collection of ['practices', 'cases', 'events', 'news', 'pages'] as const) {
      const here = await entriesIn(collection, locale);
      const other = new Set((await entriesIn(collection, locale === 'nl' ? 'en' : 'nl')).map((e) => splitId(e.id).slug));
      for (const entry of here) {
        const { slug } = splitId(entry.id);
        const alternates: Partial<Record<Locale, string>> = { [locale]: entryPath(collection, slug, locale) };
        const otherLocale: Locale = locale === 'nl' ? 'en' : 'nl';
        if (other.has(slug)) alternates[otherLocale] = entryPath(collection, slug, otherLocale);
        routes.push({ view: 'detail', collection, entry, path: entryPath(collection, slug, locale), locale, alternates });
      }
    }
    for (const entry of await getCollection('materials')) {
      routes.push({ view: 'material', entry, path: entryPath('materials', entry.id, locale), locale, alternates: bothLocales((l) => entryPath('materials', entry.id, l)) });
    }
  }
  routes.push({ view: 'notFound', path: '/en/404/', locale: 'en', alternates: {} });
  return routes;
}
