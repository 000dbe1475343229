/**
 * Search attributes of an entry: the Pagefind filters, metadata and sort values of its page, derived from
 * the content model (src/schema). This is the ONE place that decides what an entry contributes to search;
 * SearchMeta.astro renders it, the search page and listing filters read the same facet list.
 *
 * - Filters are found generically: every field whose metadata (fieldMeta) names a vocabulary that is a facet
 *   below becomes that facet's filter, with the vocabulary labels in the page's language as values.
 * - `type` is the collection (its singular label), `event` the event(s) an entry belongs to (the event
 *   itself, events it references, events whose sessions list it), `example` marks example content.
 * - Metadata: date (ISO), summary, and `tags`: the facet labels as searchable text, so that "oriëntatie" or
 *   "wonen" find what is tagged with that phase or theme even when the body never uses the word. The cover
 *   image is resolved by SearchMeta (it needs astro:assets).
 * - Sort: date (ISO, so it sorts as text and every indexed page has one).
 *
 * Pure TypeScript: no astro:content import, so tests and scripts can use it.
 */
import { z } from 'astro/zod';
import { collections, type CollectionName } from '../schema/index.ts';
import { fieldMeta } from '../schema/field.ts';
import { termLabel, vocabularies, type VocabularyName } from '../schema/vocabularies.ts';
import type { Locale } from '../i18n/locales.ts';
import { EXAMPLE_FILTER } from './keys.ts';

/** A facet: one Pagefind filter key. The order here is the order on the search page. */
export interface SearchFacet {
  /** Pagefind filter key and URL parameter name. Never rename one: shared links use it. */
  key: string;
  /** Values come from this vocabulary (ids in URLs, labels in the index). */
  vocabulary?: VocabularyName;
}

export const searchFacets = [
  { key: 'type' },
  { key: 'theme', vocabulary: 'themes' },
  { key: 'phase', vocabulary: 'phases' },
  { key: 'audience', vocabulary: 'audiences' },
  { key: 'variant', vocabulary: 'variants' },
  { key: 'province', vocabulary: 'provinces' },
  { key: 'eventType', vocabulary: 'eventTypes' },
  { key: 'materialType', vocabulary: 'materialTypes' },
  { key: 'event' },
] as const satisfies readonly SearchFacet[];

export type FacetKey = (typeof searchFacets)[number]['key'];

export { EXAMPLE_FILTER } from './keys.ts';

/** Collections whose entries end up in the index (`searchable` in the registry). */
export { searchableCollections } from '../schema/index.ts';

/** A facet value: `id` goes into URLs, `label` is what the index stores and people see. */
export interface FacetValue {
  id: string;
  label: string;
}

export interface SearchAttributes {
  filters: Partial<Record<FacetKey, FacetValue[]>> & { [EXAMPLE_FILTER]?: FacetValue[] };
  meta: { date?: string; summary?: string; tags?: string };
  sort: { date?: string };
}

/** An event as far as search needs it: its slug, title in the page's language and the materials it lists. */
export interface EventSummary {
  slug: string;
  title: string;
  materials: string[];
}

export interface SearchContext {
  /** The entry's language-neutral slug. */
  slug: string;
  /** All events, titles in the page's language (needed for the `event` filter). */
  events?: readonly EventSummary[];
  /** Label of the example filter value in the page's language. */
  exampleLabel?: string;
}

const facetByVocabulary = new Map<string, FacetKey>(
  searchFacets.flatMap((f) => ('vocabulary' in f ? [[f.vocabulary as string, f.key] as const] : [])),
);

/** Date fields in order of preference for an entry's search date (events: when they happen). */
const DATE_FIELDS = ['start', 'date', 'published', 'updated'] as const;

type FacetField = [string, FacetKey, VocabularyName];

/**
 * What search needs from a collection's schema, read once per collection: searchAttributes runs for every entry on
 * every listing page, and reading field metadata each time took 0.3 s of a 5,000-entry build.
 */
interface SchemaFacts {
  /** The vocabulary-backed fields that are facets: [field name, facet key, vocabulary]. */
  facetFields: FacetField[];
  /** Fields that reference events (by language-neutral slug). */
  eventFields: string[];
}
const schemaFacts = new Map<CollectionName, SchemaFacts>();

function factsOf(collection: CollectionName): SchemaFacts {
  let facts = schemaFacts.get(collection);
  if (!facts) {
    // Top-level fields only; the image helper is irrelevant here.
    const schema = collections[collection].schema({ image: () => z.any() }) as unknown as {
      shape?: Record<string, z.ZodType>;
    };
    if (!schema.shape) throw new Error(`search-attributes: the ${collection} schema is not an object schema`);
    facts = { facetFields: [], eventFields: [] };
    for (const [name, field] of Object.entries(schema.shape)) {
      const meta = fieldMeta(field);
      const key = meta?.vocabulary ? facetByVocabulary.get(meta.vocabulary) : undefined;
      if (meta?.vocabulary && key) facts.facetFields.push([name, key, meta.vocabulary as VocabularyName]);
      if (meta?.relation === 'events') facts.eventFields.push(name);
    }
    schemaFacts.set(collection, facts);
  }
  return facts;
}

/** The vocabulary-backed fields of a collection that are facets: [field name, facet key, vocabulary]. */
export function facetFields(collection: CollectionName): FacetField[] {
  return [...factsOf(collection).facetFields];
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** ISO calendar date (YYYY-MM-DD) of a Date or a local "YYYY-MM-DDTHH:mm" string. */
function isoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return undefined;
}

function addValue(filters: SearchAttributes['filters'], key: FacetKey | typeof EXAMPLE_FILTER, value: FacetValue) {
  const list = (filters[key] ??= []);
  if (!list.some((v) => v.id === value.id)) list.push(value);
}

/** All values a vocabulary facet can take, in vocabulary order. */
export function vocabularyValues(vocabulary: VocabularyName, locale: Locale): FacetValue[] {
  return vocabularies[vocabulary].map((term) => ({ id: term.id, label: term.label[locale] }));
}

/**
 * Events by slug, and the events each material is on, made once per events list (every entry of a language shares
 * one list): asking every event about every material was events × materials per language (1 s at 5,000 entries).
 */
const eventMaps = new WeakMap<
  readonly EventSummary[],
  { bySlug: Map<string, EventSummary>; byMaterial: Map<string, string[]> }
>();
function eventLookup(events: readonly EventSummary[]) {
  let maps = eventMaps.get(events);
  if (!maps) {
    const byMaterial = new Map<string, string[]>();
    for (const event of events)
      for (const material of event.materials)
        byMaterial.set(material, [...(byMaterial.get(material) ?? []), event.slug]);
    maps = { bySlug: new Map(events.map((e) => [e.slug, e])), byMaterial };
    eventMaps.set(events, maps);
  }
  return maps;
}

/** Map one entry to its search attributes in the language of the page it appears on. */
export function searchAttributes(
  collection: CollectionName,
  data: Record<string, unknown>,
  locale: Locale,
  context: SearchContext,
): SearchAttributes {
  const filters: SearchAttributes['filters'] = {};
  addValue(filters, 'type', { id: collection, label: collections[collection].labelSingular[locale] });

  for (const [field, key, vocabulary] of factsOf(collection).facetFields) {
    for (const id of asList(data[field])) addValue(filters, key, { id, label: termLabel(vocabulary, id, locale) });
  }

  const events = context.events ?? [];
  const { bySlug, byMaterial } = eventLookup(events);
  const eventSlugs = new Set<string>();
  if (collection === 'events') eventSlugs.add(context.slug);
  for (const field of factsOf(collection).eventFields) for (const slug of asList(data[field])) eventSlugs.add(slug);
  if (collection === 'materials') for (const slug of byMaterial.get(context.slug) ?? []) eventSlugs.add(slug);
  for (const slug of eventSlugs) {
    const event = bySlug.get(slug);
    if (event) addValue(filters, 'event', { id: slug, label: event.title });
  }

  if (data.example === true)
    addValue(filters, EXAMPLE_FILTER, { id: 'true', label: context.exampleLabel ?? 'example' });

  const date = DATE_FIELDS.map((f) => isoDate(data[f])).find(Boolean);
  const summary = [data.summary, data.description].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const tags = [...new Set(searchFacets.flatMap((f) => (filters[f.key] ?? []).map((v) => v.label)))].join(', ');
  return {
    filters,
    meta: { ...(date && { date }), ...(summary && { summary: summary.trim() }), ...(tags && { tags }) },
    sort: { ...(date && { date }) },
  };
}

/**
 * Search attributes of an indexed page that is not an entry (for example a guide assembled from entries):
 * its kind as the `type` filter, its date and summary. Vocabulary filters do not apply.
 */
export function pageSearchAttributes(page: {
  type: FacetValue;
  date?: Date | string;
  summary?: string;
}): SearchAttributes {
  const date = isoDate(page.date);
  return {
    filters: { type: [page.type] },
    meta: { ...(date && { date }), ...(page.summary && { summary: page.summary }), tags: page.type.label },
    sort: { ...(date && { date }) },
  };
}

/** Events reduced to what search needs, from event entries' data (materials of the event and of its sessions). */
export function eventSummary(
  slug: string,
  data: { title: string; materials?: string[]; sessions?: { materials?: string[] }[] },
): EventSummary {
  const materials = new Set([...(data.materials ?? []), ...(data.sessions ?? []).flatMap((s) => s.materials ?? [])]);
  return { slug, title: data.title, materials: [...materials] };
}
