/**
 * Queries over the content collections, aware of languages and translations. Each list is computed once per build
 * from the content index (content-index.ts); callers get their own copy of the array.
 */
import type { CollectionEntry } from 'astro:content';
import { contentIndex } from './content-index.ts';
import { defaultLocale, isLocale, type Locale } from '../i18n/locales.ts';
import { entryPath } from '../i18n/routes.ts';
import type { LocalizedCollection } from '../schema/collections.ts';

export type { LocalizedCollection } from '../schema/collections.ts';

/** "nl/rotterdam" -> { locale: 'nl', slug: 'rotterdam' }. */
export function splitId(id: string): { locale: Locale; slug: string } {
  const [locale, slug] = id.split('/');
  if (!isLocale(locale) || !slug) throw new Error(`Unexpected entry id "${id}": expected "<nl|en>/<slug>"`);
  return { locale, slug };
}

/** All entries of a collection in one language, newest first where entries have a publication date. */
export async function entriesIn<C extends LocalizedCollection>(
  collection: C,
  locale: Locale,
): Promise<CollectionEntry<C>[]> {
  const index = await contentIndex();
  const all = index.entries[collection] as CollectionEntry<C>[];
  return [
    ...index.memo(`entriesIn:${collection}:${locale}`, () =>
      all.filter((entry) => splitId(entry.id).locale === locale).sort((a, b) => published(b) - published(a)),
    ),
  ];
}

function published(entry: { data: unknown }): number {
  const data = entry.data as { published?: Date };
  return data.published?.getTime() ?? 0;
}

/**
 * Resolve language-neutral references to entries in the reader's language, falling back to Dutch
 * (Dutch always exists; the content checks guarantee it).
 */
export async function resolveRefs<C extends LocalizedCollection>(
  collection: C,
  slugs: readonly string[],
  locale: Locale,
) {
  const byId = (await contentIndex()).byId[collection] as Map<string, CollectionEntry<C>>;
  return slugs
    .map((slug) => byId.get(`${locale}/${slug}`) ?? byId.get(`${defaultLocale}/${slug}`))
    .filter((e): e is CollectionEntry<C> => e !== undefined);
}

/** An entry as a reader of `locale` gets it: in their language, or the Dutch original when untranslated. */
export interface Localized<C extends LocalizedCollection> {
  entry: CollectionEntry<C>;
  collection: C;
  /** Language-neutral slug (file name). */
  slug: string;
  /** Language the entry is written in. */
  lang: Locale;
  /** False when the reader gets the Dutch original because no translation exists. */
  translated: boolean;
  /** Path of the page in `lang`. */
  href: string;
}

export function localize<C extends LocalizedCollection>(
  collection: C,
  entry: CollectionEntry<C>,
  readerLocale: Locale,
): Localized<C> {
  const { locale: lang, slug } = splitId(entry.id);
  return { entry, collection, slug, lang, translated: lang === readerLocale, href: entryPath(collection, slug, lang) };
}

/**
 * Every item of a collection for a reader of `locale`: the entries in that language plus the Dutch
 * originals of items that have no translation yet (so no municipality or practice is hidden from
 * English readers). Newest first.
 */
export async function listFor<C extends LocalizedCollection>(collection: C, locale: Locale): Promise<Localized<C>[]> {
  const index = await contentIndex();
  const all = index.entries[collection] as CollectionEntry<C>[];
  const list = index.memo(`listFor:${collection}:${locale}`, () => {
    const here = new Set(all.filter((e) => splitId(e.id).locale === locale).map((e) => splitId(e.id).slug));
    return all
      .filter((e) => {
        const { locale: l, slug } = splitId(e.id);
        return l === locale || (l === defaultLocale && !here.has(slug));
      })
      .sort((a, b) => published(b) - published(a))
      .map((e) => localize(collection, e, locale));
  });
  return [...list];
}

/** Like resolveRefs, with links and language. Unknown slugs are skipped (the content checks report them). */
export async function resolveLinks<C extends LocalizedCollection>(
  collection: C,
  slugs: readonly string[],
  locale: Locale,
): Promise<Localized<C>[]> {
  return (await resolveRefs(collection, [...new Set(slugs)], locale)).map((e) => localize(collection, e, locale));
}
