/** Upcoming and past events, relative to the moment of the build. */
import type { Locale } from '../i18n/locales.ts';
import { listFor, type Localized } from './entries.ts';
import { amsterdamTime } from './time.ts';

/** The build's "now"; BUILD_NOW (ISO) pins it for reproducible builds and tests. */
export const buildNow = process.env.BUILD_NOW ? new Date(process.env.BUILD_NOW) : new Date();

export async function eventsFor(locale: Locale): Promise<{ upcoming: Localized<'events'>[]; past: Localized<'events'>[] }> {
  const all = await listFor('events', locale);
  const end = (e: Localized<'events'>) => amsterdamTime(e.entry.data.end).getTime();
  const start = (e: Localized<'events'>) => amsterdamTime(e.entry.data.start).getTime();
  return {
    upcoming: all.filter((e) => end(e) >= buildNow.getTime()).sort((a, b) => start(a) - start(b)),
    past: all.filter((e) => end(e) < buildNow.getTime()).sort((a, b) => start(b) - start(a)),
  };
}
