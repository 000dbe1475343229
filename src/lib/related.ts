/**
 * Related items in both directions. References are stored once, on one side (a practice lists its
 * cases; a case lists its practices; a news item lists practices, cases and events; a session lists
 * its materials). A page shows what it references AND what references it, so an editor links an
 * item once and both pages show the link.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/locales.ts';
import { resolveLinks, splitId, type LocalizedCollection, type Localized } from './entries.ts';

type Refs = Partial<Record<'practices' | 'cases' | 'events' | 'materials', string[]>>;

/** Slugs of entries in `collection` whose field `field` references `slug` (any language version). */
async function referencing(collection: LocalizedCollection, field: keyof Refs, slug: string): Promise<string[]> {
  const all = await getCollection(collection);
  return all.filter((e) => ((e.data as Refs)[field] ?? []).includes(slug)).map((e) => splitId(e.id).slug);
}

function refs(entry: { data: unknown }, field: keyof Refs): string[] {
  return (entry.data as Refs)[field] ?? [];
}

export interface Related {
  practices: Localized<'practices'>[];
  cases: Localized<'cases'>[];
  events: Localized<'events'>[];
  news: Localized<'news'>[];
}

/** Everything related to an entry, for a reader of `locale`. The entry itself is never listed. */
export async function relatedTo(collection: LocalizedCollection, entry: CollectionEntry<LocalizedCollection>, locale: Locale): Promise<Related> {
  const { slug } = splitId(entry.id);
  const practices = [...refs(entry, 'practices'), ...(await referencing('practices', collection as keyof Refs, slug))];
  const cases = [...refs(entry, 'cases'), ...(await referencing('cases', collection as keyof Refs, slug))];
  const events = [...refs(entry, 'events')];
  const news = collection === 'news' || collection === 'pages' ? [] : await referencing('news', collection as keyof Refs, slug);
  const not = (c: LocalizedCollection) => (l: Localized<LocalizedCollection>) => !(c === collection && l.slug === slug);
  return {
    practices: (await resolveLinks('practices', practices, locale)).filter(not('practices')),
    cases: (await resolveLinks('cases', cases, locale)).filter(not('cases')),
    events: (await resolveLinks('events', events, locale)).filter(not('events')),
    news: (await resolveLinks('news', news, locale)).filter(not('news')),
  };
}

/** Events and sessions a material belongs to (derived from the events' session lists). */
export async function usesOfMaterial(id: string, locale: Locale) {
  const events = await getCollection('events');
  const eventSlugs = new Set<string>();
  const sessionIds = new Map<string, Set<string>>();
  for (const e of events) {
    const { slug } = splitId(e.id);
    if (e.data.materials.includes(id)) eventSlugs.add(slug);
    for (const s of e.data.sessions) {
      if (!s.materials.includes(id)) continue;
      eventSlugs.add(slug);
      if (!sessionIds.has(slug)) sessionIds.set(slug, new Set());
      sessionIds.get(slug)!.add(s.id);
    }
  }
  const linked = await resolveLinks('events', [...eventSlugs], locale);
  const practices = await resolveLinks('practices', await referencing('practices', 'materials', id), locale);
  return {
    events: linked.map((l) => ({ ...l, sessions: l.entry.data.sessions.filter((s) => sessionIds.get(l.slug)?.has(s.id)) })),
    practices,
  };
}
