/**
 * Related items in both directions. References are stored once, on one side (a practice lists its
 * cases; a case lists its practices; a news item lists practices, cases and events; a session lists
 * its materials). A page shows what it references AND what references it, so an editor links an
 * item once and both pages show the link.
 */
import type { CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/locales.ts';
import { contentIndex, type RefField } from './content-index.ts';
import { resolveLinks, splitId, type LocalizedCollection, type Localized } from './entries.ts';

type Refs = Partial<Record<RefField, string[]>>;

/** Slugs of entries in `collection` whose field `field` references `slug` (any language version). */
async function referencing(collection: LocalizedCollection, field: keyof Refs, slug: string): Promise<string[]> {
  return (await contentIndex()).referencing(collection, field, slug);
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
export async function relatedTo(
  collection: LocalizedCollection,
  entry: CollectionEntry<LocalizedCollection>,
  locale: Locale,
): Promise<Related> {
  const { slug } = splitId(entry.id);
  const practices = [...refs(entry, 'practices'), ...(await referencing('practices', collection as keyof Refs, slug))];
  const cases = [...refs(entry, 'cases'), ...(await referencing('cases', collection as keyof Refs, slug))];
  const events = [...refs(entry, 'events')];
  const news =
    collection === 'news' || collection === 'pages' ? [] : await referencing('news', collection as keyof Refs, slug);
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
  const { eventSlugs, sessionIds } = (await materialEvents()).get(id) ?? {
    eventSlugs: new Set<string>(),
    sessionIds: new Map<string, Set<string>>(),
  };
  const linked = await resolveLinks('events', [...eventSlugs], locale);
  const practices = await resolveLinks('practices', await referencing('practices', 'materials', id), locale);
  return {
    events: linked.map((l) => ({
      ...l,
      sessions: l.entry.data.sessions.filter((s) => sessionIds.get(l.slug)?.has(s.id)),
    })),
    practices,
  };
}

interface MaterialEvents {
  /** Events that list the material, for the whole event or in a session (any language version). */
  eventSlugs: Set<string>;
  /** Per event slug, the ids of the sessions that list it. */
  sessionIds: Map<string, Set<string>>;
}

/** Material slug -> the events and sessions that list it, from one pass over the events (once per build). */
async function materialEvents(): Promise<Map<string, MaterialEvents>> {
  const index = await contentIndex();
  return index.memo('materialEvents', () => {
    const out = new Map<string, MaterialEvents>();
    const of = (id: string) => out.get(id) ?? out.set(id, { eventSlugs: new Set(), sessionIds: new Map() }).get(id)!;
    for (const e of index.entries.events) {
      const { slug } = splitId(e.id);
      for (const id of e.data.materials) of(id).eventSlugs.add(slug);
      for (const s of e.data.sessions) {
        for (const id of s.materials) {
          const uses = of(id);
          uses.eventSlugs.add(slug);
          if (!uses.sessionIds.has(slug)) uses.sessionIds.set(slug, new Set());
          uses.sessionIds.get(slug)!.add(s.id);
        }
      }
    }
    return out;
  });
}
