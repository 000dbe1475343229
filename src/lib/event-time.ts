/**
 * Event times. Content stores Amsterdam wall-clock times ("2024-05-16T09:30"); this module turns them
 * into instants (UTC Date objects) with the right offset for that date (CET +01:00 in winter, CEST
 * +02:00 in summer), using only Intl's time-zone data, and splits events into upcoming and past.
 *
 * Pure TypeScript (no astro:content), so unit tests and the calendar module can import it.
 */
import { TIME_ZONE } from '../site.config.ts';
import { amsterdamTime, buildDate, isoWithOffset } from './dates.ts';

// Conversions live in time.ts and visitor formatting in dates.ts; this module adds what events need on
// top: all-day intervals, upcoming/past relative to the build date, and compact ranges.
export { offsetMinutes, zonedToDate } from './time.ts';
export { amsterdamTime as amsterdamToDate, isoWithOffset as toIsoWithOffset, buildDate as referenceDate };

export interface Timed {
  start: string;
  end: string;
  /** Only the days count (see the events schema): from the first day's start to the day after the last. */
  allDay?: boolean;
}

/** The day after a "YYYY-MM-DD…" value, as "YYYY-MM-DDT00:00". */
function dayAfter(local: string): string {
  const d = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return `${d.toISOString().slice(0, 10)}T00:00`;
}

/** The instants an event or session runs between. An all-day event ends when its last day ends. */
export function intervalOf(t: Timed): { start: Date; end: Date } {
  if (t.allDay) return { start: amsterdamTime(`${t.start.slice(0, 10)}T00:00`), end: amsterdamTime(dayAfter(t.end)) };
  return { start: amsterdamTime(t.start), end: amsterdamTime(t.end) };
}

/** An event is upcoming until it has ended (so a running congress is still "upcoming"). */
export function isUpcoming(item: Timed, reference: Date = buildDate()): boolean {
  return intervalOf(item).end.getTime() > reference.getTime();
}

/** Upcoming (soonest first) and past (most recent first). */
export function splitByTime<T>(items: readonly T[], timesOf: (item: T) => Timed, reference: Date = buildDate()): { upcoming: T[]; past: T[] } {
  const withTimes = items.map((item) => ({ item, start: intervalOf(timesOf(item)).start.getTime(), upcoming: isUpcoming(timesOf(item), reference) }));
  return {
    upcoming: withTimes.filter((x) => x.upcoming).sort((a, b) => a.start - b.start).map((x) => x.item),
    past: withTimes.filter((x) => !x.upcoming).sort((a, b) => b.start - a.start).map((x) => x.item),
  };
}

/**
 * A time range in the reader's language, in Amsterdam time, e.g. "16 mei 2024 09:30–10:45" or
 * "16 May 2024, 09:30–10:45"; ranges over several days show both dates; all-day ranges show dates only.
 */
export function formatTimeRange(start: string, end: string, localeTag: string, options: { date?: boolean; allDay?: boolean } = {}): string {
  if (options.allDay) {
    const { start: from, end: until } = intervalOf({ start, end, allDay: true });
    const lastDay = new Date(until.getTime() - 1);
    return new Intl.DateTimeFormat(localeTag, { dateStyle: 'long', timeZone: TIME_ZONE }).formatRange(from, lastDay);
  }
  const format = new Intl.DateTimeFormat(localeTag, {
    ...(options.date === false ? {} : { dateStyle: 'long' as const }),
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  });
  return format.formatRange(amsterdamTime(start), amsterdamTime(end));
}

/** The value of <time datetime> for an event boundary: a plain date for all-day events. */
export function datetimeAttr(local: string, allDay = false): string {
  return allDay ? local.slice(0, 10) : isoWithOffset(local);
}
