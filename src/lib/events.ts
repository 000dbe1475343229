/** Upcoming and past events for listings, relative to the date the site is built for. */
import type { Locale } from '../i18n/locales.ts';
import { listFor, type Localized } from './entries.ts';
import { splitByTime } from './event-time.ts';

/** An event counts as upcoming until it has ended (a running congress is still upcoming). */
export async function eventsFor(locale: Locale): Promise<{ upcoming: Localized<'events'>[]; past: Localized<'events'>[] }> {
  return splitByTime(await listFor('events', locale), (e) => e.entry.data);
}
