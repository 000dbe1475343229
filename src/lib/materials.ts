/**
 * The materials library at build time: for a material, the event(s) and session(s) it belongs to
 * (derived from events' `materials` and sessions' `materials`, never stored on the material), its file
 * type and size (read from the uploaded file), its download address and its short link.
 */
import type { CollectionEntry } from 'astro:content';
import { contentIndex } from './content-index.ts';
import type { Locale } from '../i18n/locales.ts';
import { fileInfo } from './file-info.ts';
import { sessionPath } from './event-paths.ts';
import { eventsFor, materialShortLink } from './event-data.ts';
import { displayShortUrl, shortPath, shortUrl } from './short-links.ts';

export type MaterialEntry = CollectionEntry<'materials'>;

export interface MaterialUse {
  eventSlug: string;
  eventTitle: string;
  /** Event page in the reader's language (or Dutch). */
  eventHref: string;
  /** Language of the linked event page. */
  eventLocale: Locale;
  /** Set when the material belongs to a session; absent for material of the whole event. */
  session?: { id: string; title: string; href: string; start?: string; end?: string };
}

/** Where a material is used: events and sessions pointing at it, in programme order. */
export async function materialUses(slug: string, locale: Locale): Promise<MaterialUse[]> {
  const events = await eventsFor(locale);
  // One pass over the events of a language gives every material's uses (once per build and language).
  const all = (await contentIndex()).memo(`materialUses:${locale}`, () => {
    const bySlug = new Map<string, MaterialUse[]>();
    const add = (id: string, use: MaterialUse) => bySlug.set(id, [...(bySlug.get(id) ?? []), use]);
    for (const event of events) {
      const base = {
        eventSlug: event.slug,
        eventTitle: event.data.title,
        eventHref: event.href,
        eventLocale: event.lang,
      };
      for (const id of new Set(event.data.materials)) add(id, base);
      for (const session of event.data.sessions) {
        for (const id of new Set(session.materials)) {
          add(id, {
            ...base,
            session: {
              id: session.id,
              title: session.title,
              href: sessionPath(event.lang, event.slug, session.id),
              start: session.start,
              end: session.end,
            },
          });
        }
      }
    }
    // Wall-clock strings sort in time order; whole-event material and sessions without a known time come first.
    for (const uses of bySlug.values())
      uses.sort((a, b) => (a.session?.start ?? '').localeCompare(b.session?.start ?? ''));
    return bySlug;
  });
  return [...(all.get(slug) ?? [])];
}

export interface MaterialInfo {
  /** Where the download link goes: the uploaded file, or the external address. */
  href: string;
  external: boolean;
  /** Format ("PDF") and size ("182 kB") of an uploaded file, read at build time. */
  file?: { format: string; size: string; bytes: number };
  uses: MaterialUse[];
  short: { code: string; path: string; url: string; display: string };
}

export async function materialInfo(entry: MaterialEntry, locale: Locale): Promise<MaterialInfo> {
  const m = entry.data;
  const { code } = await materialShortLink(entry.id);
  return {
    href: (m.file ?? m.url)!,
    external: !m.file,
    file: m.file ? fileInfo(m.file, locale) : undefined,
    uses: await materialUses(entry.id, locale),
    short: { code, path: shortPath(code), url: shortUrl(code), display: displayShortUrl(code) },
  };
}

/** Materials by slug, in the order given, skipping unknown slugs (the content check reports those). */
export async function materialsBySlug(slugs: readonly string[]): Promise<MaterialEntry[]> {
  const all = (await contentIndex()).byId.materials;
  return slugs.map((s) => all.get(s)).filter((m): m is MaterialEntry => m !== undefined);
}
