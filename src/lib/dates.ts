/**
 * Dates and times as visitors read them: Intl in the reader's language, always in Europe/Amsterdam.
 * Conversions of event wall-clock times ("2024-05-16T09:30") to instants live in time.ts.
 */
import { localeTags, type Locale } from '../i18n/locales.ts';
import { TIME_ZONE } from '../site.config.ts';
import { amsterdamToIso, zonedToDate } from './time.ts';

/** The instant of an Amsterdam wall-clock time "YYYY-MM-DDTHH:mm". */
export function amsterdamTime(local: string): Date {
  return zonedToDate(local, TIME_ZONE);
}

/** ISO 8601 with the Amsterdam offset, for <time datetime>: "2024-05-16T09:30:00+02:00". */
export function isoWithOffset(local: string): string {
  return amsterdamToIso(local, TIME_ZONE);
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

/** "16–17 mei 2024", or one day written in full. */
export function formatDayRange(start: Date, end: Date, locale: Locale): string {
  if (isoDay(start) === isoDay(end)) return formatDayLong(start, locale);
  return dtf(locale, { dateStyle: 'long' }).formatRange(start, end);
}

/**
 * The date the site is built for: env BUILD_DATE ("2026-11-29" = the start of that day in Amsterdam,
 * or an ISO instant; BUILD_NOW is another name for it), otherwise now. A daily rebuild keeps it current.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const raw = (env.BUILD_DATE || env.BUILD_NOW)?.trim();
  if (!raw) return new Date();
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return amsterdamTime(`${raw}T00:00`);
  const parsed = new Date(raw);
  if (Number.isNaN(parsed.getTime())) throw new Error(`BUILD_DATE "${raw}" is not a date: use YYYY-MM-DD or an ISO date-time`);
  return parsed;
}
