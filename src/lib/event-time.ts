/**
 * Event times. Content stores Amsterdam wall-clock times ("2024-05-16T09:30"); this module turns them
 * into instants (UTC Date objects) with the right offset for that date (CET +01:00 in winter, CEST
 * +02:00 in summer), using only Intl's time-zone data, and splits events into upcoming and past.
 *
 * Pure TypeScript (no astro:content), so unit tests and the calendar module can import it.
 */
import { TIME_ZONE } from '../site.config.ts';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time of an instant in a time zone, as milliseconds of a "UTC" date with those fields. */
function wallClockMs(instant: number, timeZone: string): number {
  const p = Object.fromEntries(partsFormatter(timeZone).formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/** Offset of a time zone from UTC at an instant, in minutes (Amsterdam: 60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date | number, timeZone: string = TIME_ZONE): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallClockMs(whole, timeZone) - whole) / 60_000);
}

/**
 * The instant at which the clocks in `timeZone` show `local` ("YYYY-MM-DDTHH:mm").
 * Like Temporal's "compatible" disambiguation: a time that happens twice (the autumn hour 02:00–03:00)
 * is the earlier one (still summer time); a time that does not exist (the spring gap 02:00–03:00) is
 * moved forward by the gap (02:30 becomes 03:30 summer time).
 */
export function zonedToDate(local: string, timeZone: string = TIME_ZONE): Date {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`Not a local date-time "YYYY-MM-DDTHH:mm": "${local}"`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The offsets in force a day before and a day after cover every transition (they are months apart).
  const candidates = [...new Set([offsetMinutes(asUtc - 86_400_000, timeZone), offsetMinutes(asUtc + 86_400_000, timeZone)])];
  const matches = candidates
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => wallClockMs(instant, timeZone) === asUtc)
    .sort((a, b) => a - b);
  if (matches.length > 0) return new Date(matches[0]!);
  // In the gap: use the offset from before the transition, which moves the time forward.
  return new Date(asUtc - offsetMinutes(asUtc - 86_400_000, timeZone) * 60_000);
}

/** Amsterdam wall-clock string to instant. */
export function amsterdamToDate(local: string): Date {
  return zonedToDate(local, TIME_ZONE);
}

/** "2024-05-16T09:30" → "2024-05-16T09:30:00+02:00": the value for <time datetime> and JSON-LD. */
export function toIsoWithOffset(local: string, timeZone: string = TIME_ZONE): string {
  const offset = offsetMinutes(zonedToDate(local, timeZone), timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const wall = new Date(zonedToDate(local, timeZone).getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
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
