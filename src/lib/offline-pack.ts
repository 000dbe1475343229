/**
 * What "save for offline use" stores for an event, from the content model: the event page (its sessions
 * are anchors on it), its calendar files, every session's room cards (A4 and A5) and short link, every
 * material's page, uploaded file and short link, and the page each short link leads to (a session's short
 * link goes to the Dutch event page, a material's to the page in its own language), so a QR code scanned
 * without a connection still lands on a stored page.
 *
 * This is the list in content terms. src/integrations/offline.ts completes it after the build with the
 * assets the pages load (CSS, scripts), the size of every file and a version hash.
 */
import type { Locale } from '../i18n/locales.ts';
import { entryPath } from '../i18n/routes.ts';
import type { PackManifest } from '../offline/protocol.ts';
import { eventsFor, materialShortLink, sessionShortLink, type EventEntry, type LocalizedEvent } from './event-data.ts';
import { eventIcsPath, eventPath, roomCardPath, sessionIcsPath } from './event-paths.ts';
import { materialsBySlug, type MaterialEntry } from './materials.ts';
import { shortPath } from './short-links.ts';

/** A pack as the build knows it before the files exist; the integration adds the rest. */
export type PackDraft = Pick<PackManifest, 'locale' | 'slug' | 'title' | 'href' | 'urls' | 'materials'>;

/** The site page a short link's target is on ("/evenementen/x/#s" → "/evenementen/x/"). */
const pageOf = (path: string) => path.replace(/#.*$/, '');

/** The materials of an event: of the whole event and of its sessions, each once. */
export function eventMaterials(event: EventEntry['data']): Promise<MaterialEntry[]> {
  return materialsBySlug([...new Set([...event.materials, ...event.sessions.flatMap((s) => s.materials)])]);
}

export async function packDraft(event: LocalizedEvent, locale: Locale): Promise<PackDraft> {
  const { slug } = event;
  const d = event.data;
  const urls = new Set<string>([eventPath(locale, slug), eventIcsPath(locale, slug)]);
  for (const session of d.sessions) {
    if (session.start) urls.add(sessionIcsPath(locale, slug, session.id));
    urls.add(roomCardPath(locale, slug, session.id, 'a4'));
    urls.add(roomCardPath(locale, slug, session.id, 'a5'));
    const link = await sessionShortLink(slug, session.id);
    urls.add(shortPath(link.code));
    urls.add(pageOf(link.path));
  }
  const materials = await eventMaterials(d);
  for (const material of materials) {
    urls.add(entryPath('materials', material.id, locale));
    if (material.data.file) urls.add(material.data.file);
    const link = await materialShortLink(material.id);
    urls.add(shortPath(link.code));
    urls.add(pageOf(link.path));
  }
  return { locale, slug, title: d.title, href: eventPath(locale, slug), urls: [...urls], materials: materials.length };
}

/** The packs of every event: one per language its page exists in, keyed by slug then locale. */
export async function allPackDrafts(locales: readonly Locale[]): Promise<Map<string, Record<string, PackDraft>>> {
  const bySlug = new Map<string, Record<string, PackDraft>>();
  for (const locale of locales) {
    for (const event of (await eventsFor(locale)).filter((e) => e.lang === locale)) {
      const packs = bySlug.get(event.slug) ?? {};
      packs[locale] = await packDraft(event, locale);
      bySlug.set(event.slug, packs);
    }
  }
  return bySlug;
}
