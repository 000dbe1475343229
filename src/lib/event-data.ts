/**
 * Events at build time: every event in a language (falling back to the Dutch version when there is no
 * translation), upcoming and past relative to the build date, the short links of sessions and materials,
 * and the plain data the calendar module turns into .ics files.
 */
import type { CollectionEntry } from 'astro:content';
import { contentIndex } from './content-index.ts';
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import { SITE_URL } from '../site.config.ts';
import type { CalendarEvent } from './calendar.ts';
import { listFor, splitId, type Localized } from './entries.ts';
import { sessionPath } from './event-paths.ts';
import { buildDate, splitByTime } from './time/index.ts';
import { entryPath } from './routes.ts';
import { assignShortCodes, identityOf, shortUrl, type ShortTarget } from './short-links.ts';

export type EventEntry = CollectionEntry<'events'>;

/** An event as a reader of a language gets it (see listFor), with its data at hand. */
export interface LocalizedEvent extends Localized<'events'> {
  data: EventEntry['data'];
}

/** Every event, in the reader's language where it exists, else in Dutch; soonest first. */
export async function eventsFor(locale: Locale): Promise<LocalizedEvent[]> {
  return (await listFor('events', locale))
    .map((event) => ({ ...event, data: event.entry.data }))
    .sort((a, b) => a.data.start.localeCompare(b.data.start) || a.slug.localeCompare(b.slug));
}

/**
 * Upcoming (soonest first) and past (most recent first) events, relative to the build date (env BUILD_DATE).
 * An event counts as upcoming until it has ended (a running congress is still upcoming).
 */
export async function eventsByTime(locale: Locale, reference: Date = buildDate()) {
  return splitByTime(await eventsFor(locale), (e) => e.data, reference);
}

export interface ShortLink {
  code: string;
  target: ShortTarget;
  /** Where /m/<code>/ sends the visitor: a session's anchor on its event page, or a material's page. */
  path: string;
  /** Title of what it points at. */
  title: string;
  /** The same target in the other language, when it exists. */
  alternates: Partial<Record<Locale, string>>;
}

let shortLinksPromise: Promise<Map<string, ShortLink>> | undefined;

/**
 * Every short link, keyed by identity (see short-links.ts). Throws (failing the build) on a collision.
 * Sessions point at the Dutch event page (the event's main language); materials at the page in the
 * material's own language.
 */
export function shortLinks(): Promise<Map<string, ShortLink>> {
  shortLinksPromise ??= (async () => {
    const { events, materials } = (await contentIndex()).entries;
    const targets: ShortTarget[] = [];
    const info = new Map<string, Omit<ShortLink, 'code' | 'target'>>();
    // Dutch versions first: a session's short link points at the Dutch event page.
    const isDutch = (e: EventEntry) => (splitId(e.id).locale === defaultLocale ? 0 : 1);
    const sorted = [...events].sort((a, b) => isDutch(a) - isDutch(b) || a.id.localeCompare(b.id));
    for (const event of sorted) {
      const { slug, locale } = splitId(event.id);
      for (const session of event.data.sessions) {
        const target: ShortTarget = { kind: 'session', eventSlug: slug, sessionId: session.id, short: session.short };
        targets.push(target);
        const id = identityOf(target);
        const known = info.get(id);
        if (known) {
          known.alternates[locale] = sessionPath(locale, slug, session.id);
        } else {
          info.set(id, {
            path: sessionPath(locale, slug, session.id),
            title: session.title,
            alternates: { [locale]: sessionPath(locale, slug, session.id) },
          });
        }
      }
    }
    for (const material of materials) {
      const target: ShortTarget = { kind: 'material', slug: material.id, short: material.data.short };
      targets.push(target);
      const own: Locale = material.data.language === 'en' ? 'en' : 'nl';
      info.set(identityOf(target), {
        path: entryPath('materials', material.id, own),
        title: material.data.title,
        alternates: { nl: entryPath('materials', material.id, 'nl'), en: entryPath('materials', material.id, 'en') },
      });
    }
    const codes = assignShortCodes(targets);
    return new Map([...codes].map(([id, { code, target }]) => [id, { code, target, ...info.get(id)! }]));
  })();
  return shortLinksPromise;
}

export async function sessionShortLink(eventSlug: string, sessionId: string): Promise<ShortLink> {
  const link = (await shortLinks()).get(identityOf({ kind: 'session', eventSlug, sessionId }));
  if (!link) throw new Error(`No short link for session "${sessionId}" of event "${eventSlug}"`);
  return link;
}

export async function materialShortLink(slug: string): Promise<ShortLink> {
  const link = (await shortLinks()).get(identityOf({ kind: 'material', slug }));
  if (!link) throw new Error(`No short link for material "${slug}"`);
  return link;
}

/** Plain data of an event version for the calendar module. */
export async function calendarEvent(event: LocalizedEvent): Promise<CalendarEvent> {
  const d = event.data;
  const sessions = await Promise.all(
    d.sessions.map(async (s) => ({
      id: s.id,
      title: s.title,
      start: s.start,
      end: s.end,
      room: s.room,
      speakers: s.speakers,
      description: s.description,
      shortUrl: shortUrl((await sessionShortLink(event.slug, s.id)).code),
    })),
  );
  return {
    slug: event.slug,
    locale: event.lang,
    title: d.title,
    summary: d.summary,
    start: d.start,
    end: d.end,
    allDay: d.allDay,
    status: d.status,
    venue: d.venue,
    online: d.online,
    organisers: d.organisers,
    url: `${SITE_URL}${event.href}`,
    modified: d.updated ?? d.published,
    sessions,
  };
}
