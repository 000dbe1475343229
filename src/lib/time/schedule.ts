/**
 * When things happen relative to the build: the date the site is built for, the instants an event or session
 * runs between (all-day events from midnight to midnight), and the split into upcoming and past.
 */
import { dayAfter } from './format.ts';
import { isoWithOffset, zonedToDate } from './zone.ts';

/**
 * The date the site is built for: env BUILD_DATE ("2026-11-29" = the start of that day in Amsterdam,
 * or an ISO instant; BUILD_NOW is another name for it), otherwise now. A daily rebuild keeps it current.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const raw = (env.BUILD_DATE || env.BUILD_NOW)?.trim();
  if (!raw) return new Date();
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return zonedToDate(`${raw}T00:00`);
  const parsed = new Date(raw);
  if (Number.isNaN(parsed.getTime()))
    throw new Error(`BUILD_DATE "${raw}" is not a date: use YYYY-MM-DD or an ISO date-time`);
  return parsed;
}

export interface Timed {
  start: string;
  end: string;
  /** Only the days count (see the events schema): from the first day's start to the day after the last. */
  allDay?: boolean;
}

/** The instants an event or session runs between. An all-day event ends when its last day ends. */
export function intervalOf(t: Timed): { start: Date; end: Date } {
  if (t.allDay) return { start: zonedToDate(`${t.start.slice(0, 10)}T00:00`), end: zonedToDate(dayAfter(t.end)) };
  return { start: zonedToDate(t.start), end: zonedToDate(t.end) };
}

/** An event is upcoming until it has ended (so a running congress is still "upcoming"). */
export function isUpcoming(item: Timed, reference: Date = buildDate()): boolean {
  return intervalOf(item).end.getTime() > reference.getTime();
}

/** Upcoming (soonest first) and past (most recent first). */
export function splitByTime<T>(
  items: readonly T[],
  timesOf: (item: T) => Timed,
  reference: Date = buildDate(),
): { upcoming: T[]; past: T[] } {
  const withTimes = items.map((item) => ({
    item,
    start: intervalOf(timesOf(item)).start.getTime(),
    upcoming: isUpcoming(timesOf(item), reference),
  }));
  return {
    upcoming: withTimes
      .filter((x) => x.upcoming)
      .sort((a, b) => a.start - b.start)
      .map((x) => x.item),
    past: withTimes
      .filter((x) => !x.upcoming)
      .sort((a, b) => b.start - a.start)
      .map((x) => x.item),
  };
}

/** The value of <time datetime> for an event boundary: a plain date for all-day events. */
export function datetimeAttr(local: string, allDay = false): string {
  return allDay ? local.slice(0, 10) : isoWithOffset(local);
}
