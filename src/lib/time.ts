/**
 * Dates and times in Europe/Amsterdam. Events store wall-clock times ("2024-05-16T09:30") without an
 * offset; the offset (CET or CEST) follows from the date. Everything shown to visitors goes through
 * Intl with the reader's language and TIME_ZONE.
 */
import { localeTags, type Locale } from '../i18n/locales.ts';
import { TIME_ZONE } from '../site.config.ts';

/** Offset of TIME_ZONE from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant of an Amsterdam wall-clock time "YYYY-MM-DDTHH:mm". */
export function amsterdamTime(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`Not a local date-time "YYYY-MM-DDTHH:mm": "${local}"`);
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  const naive = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  // Two passes settle the offset also right after a DST switch.
  let instant = naive - offsetMinutes(naive) * 60_000;
  instant = naive - offsetMinutes(instant) * 60_000;
  return new Date(instant);
}

/** ISO 8601 with the Amsterdam offset, for <time datetime> and structured data: "2024-05-16T09:30:00+02:00". */
export function isoWithOffset(local: string): string {
  const offset = offsetMinutes(amsterdamTime(local).getTime());
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The calendar day (YYYY-MM-DD) of a date in Amsterdam, for <time datetime>. */
export function isoDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function dtf(locale: Locale, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(localeTags[locale], { timeZone: TIME_ZONE, ...options });
}

/** "16 mei 2024" / "16 May 2024". */
export function formatDay(date: Date, locale: Locale): string {
  return dtf(locale, { dateStyle: 'long' }).format(date);
}

/** "donderdag 16 mei 2024" / "Thursday 16 May 2024". */
export function formatDayLong(date: Date, locale: Locale): string {
  return dtf(locale, { dateStyle: 'full' }).format(date);
}

/** "09:30". */
export function formatTime(date: Date, locale: Locale): string {
  return dtf(locale, { timeStyle: 'short' }).format(date);
}

/** "09:30–17:00" on one day, else "16 mei 2024 09:30 – 17 mei 2024 17:00". */
export function formatRange(start: Date, end: Date, locale: Locale): string {
  if (isoDay(start) === isoDay(end)) return dtf(locale, { hour: '2-digit', minute: '2-digit' }).formatRange(start, end);
  return dtf(locale, { dateStyle: 'long', timeStyle: 'short' }).formatRange(start, end);
}

/** "16–17 mei 2024", or one day. */
export function formatDayRange(start: Date, end: Date, locale: Locale): string {
  if (isoDay(start) === isoDay(end)) return formatDayLong(start, locale);
  return dtf(locale, { dateStyle: 'long' }).formatRange(start, end);
}
