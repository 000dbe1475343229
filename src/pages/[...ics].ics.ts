/**
 * Calendar files (RFC 5545), built as static files:
 *   /agenda.ics, /en/agenda.ics                        all upcoming events of a language (the agenda feed)
 *   /evenementen/<slug>.ics, /en/events/<slug>.ics     one event with its sessions
 *   /evenementen/<slug>/<session>.ics                  one session
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { locales, type Locale } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/t.ts';
import { agendaCalendar, eventCalendar, sessionCalendar } from '../lib/calendar.ts';
import { agendaPath, eventIcsPath, sessionIcsPath } from '../lib/event-paths.ts';
import { calendarEvent, eventsByTime, eventsFor } from '../lib/event-data.ts';
import { sectionPath } from '../i18n/routes.ts';
import { settings } from '../lib/settings.ts';
import { SITE_URL } from '../site.config.ts';

export const getStaticPaths = (async () => {
  const paths: { params: { ics: string }; props: { body: string } }[] = [];
  // The route file ends in .ics (so `astro dev` serves these paths too); the param is the path without it.
  const add = (path: string, body: string) =>
    paths.push({ params: { ics: path.replace(/^\//, '').replace(/\.ics$/, '') }, props: { body } });
  for (const locale of locales as readonly Locale[]) {
    const t = useTranslations(locale);
    const { upcoming } = await eventsByTime(locale);
    add(
      agendaPath(locale),
      agendaCalendar(
        await Promise.all(upcoming.map(calendarEvent)),
        locale,
        `${settings.name}: ${t('nav.events')}`,
        `${SITE_URL}${sectionPath(locale, 'events')}`,
      ),
    );
    // Only the language versions that exist get their own files (their pages link to them).
    for (const event of (await eventsFor(locale)).filter((e) => e.lang === locale)) {
      const data = await calendarEvent(event);
      const name = `${settings.name}: ${event.data.title}`;
      add(eventIcsPath(locale, event.slug), eventCalendar(data, name));
      // A session without a known time slot has no calendar entry of its own (its event has one).
      for (const session of event.data.sessions.filter((s) => s.start))
        add(sessionIcsPath(locale, event.slug, session.id), sessionCalendar(data, session.id, name));
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
