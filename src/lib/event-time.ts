/**
 * Event times. Content stores Amsterdam wall-clock times ("2024-05-16T09:30"); this module turns them
 * into instants (UTC Date objects) with the right offset for that date (CET +01:00 in winter, CEST
 * +02:00 in summer), using only Intl's time-zone data, and splits events into upcoming and past.
 *
 * Pure TypeScript (no astro:content), so unit tests and the calendar module can import it.
 */
import { TIME_ZONE } from '../site.config.ts';
import { amsterdamToIso, zonedToDate } from './time.ts';

// The conversions live in time.ts; this module adds what events need on top (build date, upcoming/past, ranges).

export { offsetMinutes, zonedToDate } from './time.ts';

/** Amsterdam wall-clock string to instant. */
export function amsterdamToDate(local: string): Date {
  return zonedToDate(local, TIME_ZONE);
}

/** "2024-05-16T09:30" → "2024-05-16T09:30:00+02:00": the value for <time datetime> and JSON-LD. */
export function toIsoWithOffset(local: string, timeZone: string = TIME_ZONE): string {
  return amsterdamToIso(local, timeZone);
}

/**
 * The date the site is built for: env BUILD_DATE if set (a date "2026-11-29", meaning the start of that day
 * in Amsterdam, or a full ISO instant), otherwise now. Tests fix it; a daily rebuild keeps it current.
 * BUILD_NOW (an ISO instant) is accepted as another name for the same thing.
 */
export function referenceDate(env: Record<string, string | undefined> = process.env): Date {
  const raw = (env.BUILD_DATE || env.BUILD_NOW)?.trim();
  if (!raw) return new Date();
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return amsterdamToDate(`${raw}T00:00`);
  const parsed = new Date(raw);
  if (Number.isNaN(parsed.getTime())) throw new Error(`BUILD_DATE "${raw}" is not a date: use YYYY-MM-DD or an ISO date-time`);
  return parsed;
}

export interface Timed {
  start: string;
  end: string;
}

/** An event is upcoming until it has ended (so a running congress is still "upcoming"). */
export function isUpcoming(item: Timed, reference: Date = referenceDate()): boolean {
  return amsterdamToDate(item.end).getTime() > reference.getTime();
}

/** Upcoming (soonest first) and past (most recent first). */
export function splitByTime<T>(items: readonly T[], timesOf: (item: T) => Timed, reference: Date = referenceDate()): { upcoming: T[]; past: T[] } {
  const withTimes = items.map((item) => ({ item, start: amsterdamToDate(timesOf(item).start).getTime(), upcoming: isUpcoming(timesOf(item), reference) }));
  return {
    upcoming: withTimes.filter((x) => x.upcoming).sort((a, b) => a.start - b.start).map((x) => x.item),
    past: withTimes.filter((x) => !x.upcoming).sort((a, b) => b.start - a.start).map((x) => x.item),
  };
}

/**
 * A time range in the reader's language, in Amsterdam time, e.g. "16 mei 2024 09:30–10:45" or
 * "16 May 2024, 09:30–10:45"; ranges over several days show both dates.
 */
export function formatTimeRange(start: string, end: string, localeTag: string, options: { date?: boolean } = {}): string {
  const format = new Intl.DateTimeFormat(localeTag, {
    ...(options.date === false ? {} : { dateStyle: 'long' as const }),
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  });
  return format.formatRange(amsterdamToDate(start), amsterdamToDate(end));
}
