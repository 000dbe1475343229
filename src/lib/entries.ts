/** Queries over the content collections, aware of languages and translations. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLocale, isLocale, type Locale } from '../i18n/locales.ts';

export type LocalizedCollection = 'practices' | 'cases' | 'events' | 'news' | 'pages';

/** "nl/rotterdam" -> { locale: 'nl', slug: 'rotterdam' }. */
export function splitId(id: string): { locale: Locale; slug: string } {
  const [locale, slug] = id.split('/');
  if (!isLocale(locale) || !slug) throw new Error(`Unexpected entry id "${id}": expected "<nl|en>/<slug>"`);
  return { locale, slug };
}

/** All entries of a collection in one language, newest first where entries have a publication date. */
export async function entriesIn<C extends LocalizedCollection>(collection: C, locale: Locale): Promise<CollectionEntry<C>[]> {
  const all = (await getCollection(collection)) as CollectionEntry<C>[];
  return all
    .filter((entry) => splitId(entry.id).locale === locale)
    .sort((a, b) => published(b) - published(a));
}

function published(entry: { data: unknown }): number {
  const data = entry.data as { published?: Date };
  return data.published?.getTime() ?? 0;
}

/** Slugs that exist in a given language, for translation links. */
export async function slugsIn(collection: LocalizedCollection, locale: Locale): Promise<Set<string>> {
  return new Set((await entriesIn(collection, locale)).map((e) => splitId(e.id).slug));
}

/**
 * Resolve language-neutral references to entries in the reader's language, falling back to Dutch
 * (Dutch always exists; the content checks guarantee it).
 */
export async function resolveRefs<C extends LocalizedCollection>(collection: C, slugs: readonly string[], locale: Locale) {
  const all = (await getCollection(collection)) as CollectionEntry<C>[];
  const byId = new Map(all.map((e) => [e.id, e]));
  return slugs
    .map((slug) => byId.get(`${locale}/${slug}`) ?? byId.get(`${defaultLocale}/${slug}`))
    .filter((e): e is CollectionEntry<C> => e !== undefined);
}
