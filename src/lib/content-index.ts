/**
 * One index of the content per build: every collection read once, entries by id, the references between entries
 * in both directions, and a memo for the views pages derive from them (a language's list, search attributes, …).
 *
 * Why: pages used to query and filter whole collections for every page (12,000 getCollection calls and an O(n²)
 * build at 1,000 entries). Now each collection is read once and every derived view is computed once, whatever
 * the number of pages asking for it. The content cannot change during `astro build`, so the index lives as long as
 * the build; under `astro dev` content changes between requests, so each call reads it afresh.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { collectionNames, type CollectionName } from '../schema/index.ts';

/** Fields through which one entry references others, named after the collection they point at. */
export type RefField = 'practices' | 'cases' | 'events' | 'materials';
const refFields: readonly RefField[] = ['practices', 'cases', 'events', 'materials'];

type Entries = { [C in CollectionName]: CollectionEntry<C>[] };

export interface ContentIndex {
  /** Every entry of each collection, in the order Astro gives them. */
  entries: Entries;
  /** Entries by id ("nl/slug" for MDX collections, "slug" for materials). */
  byId: { [C in CollectionName]: Map<string, CollectionEntry<C>> };
  /** Slugs of entries in `from` whose field `field` lists `slug` (each language version once, in entry order). */
  referencing(from: CollectionName, field: RefField, slug: string): string[];
  /** A view derived from the content, computed once per build under `key`. */
  memo<T>(key: string, make: () => T): T;
}

/** The language-neutral slug of an entry id ("nl/rotterdam" -> "rotterdam", "handout" -> "handout"). */
const slugOf = (id: string) => id.slice(id.indexOf('/') + 1);

async function readIndex(): Promise<ContentIndex> {
  const lists = await Promise.all(collectionNames.map((name) => getCollection(name)));
  const entries = Object.fromEntries(collectionNames.map((name, i) => [name, lists[i]])) as Entries;
  const byId = Object.fromEntries(
    collectionNames.map((name, i) => [name, new Map(lists[i]!.map((e) => [e.id, e]))]),
  ) as ContentIndex['byId'];
  const reverse = new Map<string, string[]>();
  for (const from of collectionNames) {
    for (const entry of entries[from]) {
      const data = entry.data as Partial<Record<RefField, unknown>>;
      for (const field of refFields) {
        const targets = data[field];
        if (!Array.isArray(targets)) continue;
        for (const target of targets as string[]) {
          const key = `${from}:${field}:${target}`;
          reverse.set(key, [...(reverse.get(key) ?? []), slugOf(entry.id)]);
        }
      }
    }
  }
  const memos = new Map<string, unknown>();
  return {
    entries,
    byId,
    referencing: (from, field, slug) => reverse.get(`${from}:${field}:${slug}`) ?? [],
    memo<T>(key: string, make: () => T): T {
      if (!memos.has(key)) memos.set(key, make());
      return memos.get(key) as T;
    },
  };
}

let perBuild: Promise<ContentIndex> | undefined;

/** The content index of this build (see above: read once in a build, on every call in dev). */
export function contentIndex(): Promise<ContentIndex> {
  if (import.meta.env.DEV) return readIndex();
  return (perBuild ??= readIndex());
}
