/**
 * Build-time view of what the search index holds, per language: the search attributes of every entry that
 * has a page, and the facet groups (values with counts) the search page and listing filters offer.
 * Uses the same mapping as the index itself (attributes.ts), so server-rendered counts match Pagefind's.
 */
import type { CollectionName } from '../schema/index.ts';
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/t.ts';
import { contentIndex } from '../lib/content-index.ts';
import { entriesIn, splitId } from '../lib/entries.ts';
import {
  eventSummary,
  searchFacets,
  searchAttributes,
  searchableCollections,
  vocabularyValues,
  type EventSummary,
  type FacetKey,
  type SearchAttributes,
} from './attributes.ts';
import { collections } from '../schema/index.ts';

/** Events in a language (falling back to Dutch, as pages do), reduced to what search needs. */
export async function searchEvents(locale: Locale): Promise<EventSummary[]> {
  const index = await contentIndex();
  return index.memo(`searchEvents:${locale}`, () => {
    const bySlug = new Map<string, (typeof index.entries.events)[number]>();
    for (const entry of index.entries.events) {
      const { locale: l, slug } = splitId(entry.id);
      if (l === locale || (l === defaultLocale && !bySlug.has(slug))) bySlug.set(slug, entry);
    }
    return [...bySlug].map(([slug, entry]) => eventSummary(slug, entry.data));
  });
}

export interface SearchEntry {
  collection: CollectionName;
  slug: string;
  attributes: SearchAttributes;
}

/** Every entry that has a page in `locale`, with its search attributes. */
export async function searchEntries(locale: Locale, only?: readonly CollectionName[]): Promise<SearchEntry[]> {
  const index = await contentIndex();
  const key = `searchEntries:${locale}:${only?.join(',') ?? 'all'}`;
  return [...(await index.memo(key, () => searchEntriesOnce(locale, only)))];
}

async function searchEntriesOnce(locale: Locale, only?: readonly CollectionName[]): Promise<SearchEntry[]> {
  const t = useTranslations(locale);
  const events = await searchEvents(locale);
  const context = (slug: string) => ({ slug, events, exampleLabel: t('search.example') });
  const out: SearchEntry[] = [];
  for (const collection of only ?? searchableCollections) {
    if (collection === 'materials') {
      for (const entry of (await contentIndex()).entries.materials) {
        out.push({
          collection,
          slug: entry.id,
          attributes: searchAttributes(collection, entry.data, locale, context(entry.id)),
        });
      }
      continue;
    }
    for (const entry of await entriesIn(collection as Exclude<CollectionName, 'materials'>, locale)) {
      const { slug } = splitId(entry.id);
      out.push({
        collection,
        slug,
        attributes: searchAttributes(collection, entry.data as Record<string, unknown>, locale, context(slug)),
      });
    }
  }
  return out;
}

export interface FacetGroup {
  key: FacetKey;
  values: { id: string; label: string; count: number }[];
}

/** Facet groups with at least one value among `entries`, values in vocabulary (or collection) order. */
export function facetGroups(
  entries: readonly SearchEntry[],
  locale: Locale,
  skip: readonly FacetKey[] = [],
): FacetGroup[] {
  const groups: FacetGroup[] = [];
  for (const facet of searchFacets) {
    if (skip.includes(facet.key)) continue;
    const counts = new Map<string, { label: string; count: number }>();
    for (const entry of entries) {
      for (const value of entry.attributes.filters[facet.key] ?? []) {
        const seen = counts.get(value.id);
        counts.set(value.id, { label: value.label, count: (seen?.count ?? 0) + 1 });
      }
    }
    if (counts.size === 0) continue;
    const order =
      'vocabulary' in facet
        ? vocabularyValues(facet.vocabulary, locale).map((v) => v.id)
        : facet.key === 'type'
          ? Object.keys(collections)
          : [...counts].sort((a, b) => a[1].label.localeCompare(b[1].label, locale)).map(([id]) => id);
    groups.push({
      key: facet.key,
      values: order.filter((id) => counts.has(id)).map((id) => ({ id, ...counts.get(id)! })),
    });
  }
  return groups;
}
