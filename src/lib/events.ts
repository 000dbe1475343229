/** Upcoming and past events for listings, relative to the date the site is built for. */
import type { Locale } from '../i18n/locales.ts';
import { listFor, type Localized } from './entries.ts';
import { amsterdamTime, buildDate } from './dates.ts';

export const buildNow = buildDate();

/** An event counts as upcoming until it has ended (a running congress is still upcoming). */
export async function eventsFor(locale: Locale): Promise<{ upcoming: Localized<'events'>[]; past: Localized<'events'>[] }> {
  const all = await listFor('events', locale);
  const end = (e: Localized<'events'>) => amsterdamTime(e.entry.data.end).getTime();
  const start = (e: Localized<'events'>) => amsterdamTime(e.entry.data.start).getTime();
  return {
    upcoming: all.filter((e) => end(e) > buildNow.getTime()).sort((a, b) => start(a) - start(b)),
    past: all.filter((e) => end(e) <= buildNow.getTime()).sort((a, b) => start(b) - start(a)),
  };
}
