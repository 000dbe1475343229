/**
 * Data files: the files other than pages that the build makes from the content, several per event, session and
 * material (hundreds in a large site):
 *   /m/<code>/qr.svg                                   the QR code of every short link
 *   /agenda.ics, /evenementen/<slug>.ics, …/<session>.ics  calendars (src/lib/calendar.ts), both languages
 *   /offline/<event>.json                              an event's offline packs (completed by src/integrations/offline.ts)
 *
 * One function per kind gives every file of that kind with its contents. Both ways of serving them use these
 * functions, so they cannot differ: `astro build` writes all kinds in one pass (one route hands them to
 * src/integrations/data-files/, which writes them; a route per file cost Astro's per-route work 567 times in a
 * 1,000-entry build), and `astro dev` serves each at its URL through a route per kind.
 * The short-link redirect pages (/m/<code>/) and room cards stay page routes: they are HTML with the
 * Content-Security-Policy <meta> and the scoped CSS that Astro computes for each page.
 */
import { locales, type Locale } from '../i18n/locales.ts';
import { sectionPath } from '../i18n/routes.ts';
import { useTranslations } from '../i18n/t.ts';
import { packManifestPath } from '../offline/protocol.ts';
import { SITE_URL } from '../site.config.ts';
import { agendaCalendar, eventCalendar, sessionCalendar } from './calendar.ts';
import { calendarEvent, eventsByTime, eventsFor, shortLinks } from './event-data.ts';
import { agendaPath, eventIcsPath, sessionIcsPath } from './event-paths.ts';
import { allPackDrafts } from './offline-pack.ts';
import { settings } from './settings.ts';
import { qrPath, qrSvg, shortUrl } from './short-links.ts';

export interface DataFile {
  /** Site path of the file, e.g. "/agenda.ics". */
  path: string;
  body: string;
}

/** The QR code of every short link, one per code (qrSvg makes each code once, room cards reuse it). */
export async function qrFiles(): Promise<DataFile[]> {
  return Promise.all(
    [...(await shortLinks()).values()].map(async ({ code }) => ({
      path: qrPath(code),
      body: await qrSvg(shortUrl(code)),
    })),
  );
}

/**
 * The calendars of each language: the agenda of all upcoming events, and one per event and per session (only for
 * the language versions that exist; their pages link to them).
 */
export async function calendarFiles(): Promise<DataFile[]> {
  const files: DataFile[] = [];
  for (const locale of locales as readonly Locale[]) {
    const t = useTranslations(locale);
    const { upcoming } = await eventsByTime(locale);
    files.push({
      path: agendaPath(locale),
      body: agendaCalendar(
        await Promise.all(upcoming.map(calendarEvent)),
        locale,
        `${settings.name}: ${t('nav.events')}`,
        `${SITE_URL}${sectionPath(locale, 'events')}`,
      ),
    });
    for (const event of (await eventsFor(locale)).filter((e) => e.lang === locale)) {
      const data = await calendarEvent(event);
      const name = `${settings.name}: ${event.data.title}`;
      files.push({ path: eventIcsPath(locale, event.slug), body: eventCalendar(data, name) });
      // A session without a known time slot has no calendar entry of its own (its event has one).
      for (const session of event.data.sessions.filter((s) => s.start))
        files.push({
          path: sessionIcsPath(locale, event.slug, session.id),
          body: sessionCalendar(data, session.id, name),
        });
    }
  }
  return files;
}

/** Every event's offline packs as the content model knows them (src/lib/offline-pack.ts). */
export async function offlinePackFiles(): Promise<DataFile[]> {
  return [...(await allPackDrafts(locales))].map(([slug, packs]) => ({
    path: packManifestPath(slug),
    body: JSON.stringify({ slug, packs }),
  }));
}

/** Every data file of the site: what the build writes in one pass. */
export async function allDataFiles(): Promise<DataFile[]> {
  return (await Promise.all([qrFiles(), calendarFiles(), offlinePackFiles()])).flat();
}
