/**
 * Addresses of the event extras: calendar files, room cards, session anchors. Segments come from
 * src/i18n/routes.ts; short links (/m/<code>/) from src/lib/short-links.ts.
 */
import type { Locale } from '../i18n/locales.ts';
import { entryPath, eventSubpages, homePath } from '../i18n/routes.ts';

/** The event page. */
export function eventPath(locale: Locale, slug: string): string {
  return entryPath('events', slug, locale);
}

/** A session on its event page: the session's own anchor (its id). */
export function sessionPath(locale: Locale, eventSlug: string, sessionId: string): string {
  return `${eventPath(locale, eventSlug)}#${sessionId}`;
}

/** The event's calendar file (event and sessions), next to its page: /evenementen/<slug>.ics. */
export function eventIcsPath(locale: Locale, slug: string): string {
  return eventPath(locale, slug).replace(/\/$/, '.ics');
}

/** One session's calendar file: /evenementen/<slug>/<session>.ics. */
export function sessionIcsPath(locale: Locale, eventSlug: string, sessionId: string): string {
  return `${eventPath(locale, eventSlug)}${sessionId}.ics`;
}

/** The agenda feed of a language: /agenda.ics and /en/agenda.ics. */
export function agendaPath(locale: Locale): string {
  return `${homePath(locale)}agenda.ics`;
}

/** A session's printable room card (A4): /evenementen/<event>/<session>/kaart/. */
export function roomCardPath(locale: Locale, eventSlug: string, sessionId: string, size: 'a4' | 'a5' = 'a4'): string {
  const base = `${eventPath(locale, eventSlug)}${sessionId}/${eventSubpages.roomCard[locale]}/`;
  return size === 'a5' ? `${base}${eventSubpages.a5[locale]}/` : base;
}

/**
 * Pages this module adds that must stay out of the sitemap and search (they are noindex): short-link
 * redirects /m/<code>/ and room cards. For the sitemap filter in astro.config.mjs.
 */
export function isEventUtilityPath(pathname: string): boolean {
  if (/^\/m\/[^/]+\/(qr\.svg)?$/.test(pathname)) return true;
  return (['nl', 'en'] as const).some((locale) => {
    const events = eventPath(locale, 'x').replace(/x\/$/, '');
    const card = eventSubpages.roomCard[locale];
    const a5 = eventSubpages.a5[locale];
    return (
      pathname.startsWith(events) && new RegExp(`^[^/]+/[^/]+/${card}/(${a5}/)?$`).test(pathname.slice(events.length))
    );
  });
}
