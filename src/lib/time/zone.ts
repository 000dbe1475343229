/**
 * The site's one time zone, and wall-clock times in it ("YYYY-MM-DDTHH:mm", as editors write them in event files)
 * to exact instants and ISO 8601 strings with the right offset (+01:00 in winter, +02:00 in summer).
 * Pure, built on Intl only: no date library.
 *
 * Daylight-saving edges follow the usual "compatible" rule (as in Temporal and iCalendar):
 * - a time that does not exist (the hour skipped in spring, 02:00–02:59 on the last Sunday of March)
 *   is moved forward by the length of the gap: "02:30" becomes 03:30+02:00;
 * - a time that exists twice (the hour repeated in autumn, 02:00–02:59 on the last Sunday of October)
 *   is the first of the two, still in summer time: "02:30" becomes 02:30+02:00.
 */

/** The single time zone all dates and times are written and shown in. */
export const TIME_ZONE = 'Europe/Amsterdam';

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Offset of a time zone from UTC at an instant, in minutes (Amsterdam: 60 or 120). */
export function offsetMinutes(instant: Date | number, timeZone = TIME_ZONE): number {
  const epochMs = typeof instant === 'number' ? instant : instant.getTime();
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT(?:([+-])(\d{2}):?(\d{2})?)?$/.exec(name);
  if (!match) throw new Error(`Unexpected time zone offset "${name}" for ${timeZone}`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function parseLocal(local: string): number {
  const m = LOCAL_PATTERN.exec(local);
  if (!m) throw new Error(`"${local}" is not a local date and time written as "YYYY-MM-DDTHH:mm"`);
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0));
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const back = new Date(wall);
  // Date.UTC rolls "2024-02-30" over to March; refuse instead of guessing.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month! - 1 || back.getUTCDate() !== day || hour! > 23) {
    throw new Error(`"${local}" is not a real date and time`);
  }
  return wall;
}

const instants = new Map<string, number>();

/** The instant a wall-clock time in a time zone stands for (see the rules for DST edges above). */
export function zonedToDate(local: string, timeZone = TIME_ZONE): Date {
  // The same few thousand times are read on many pages (cards, event pages, calendars, search): each is worked out once.
  const key = `${timeZone} ${local}`;
  let instant = instants.get(key);
  if (instant === undefined) instants.set(key, (instant = instantOf(local, timeZone)));
  return new Date(instant);
}

function instantOf(local: string, timeZone: string): number {
  const wall = parseLocal(local);
  // The offsets a day before and a day after cover both sides of any transition near this time.
  const before = offsetMinutes(wall - DAY, timeZone);
  const after = offsetMinutes(wall + DAY, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => ({ offset, instant: wall - offset * MINUTE }))
    .filter(({ offset, instant }) => offsetMinutes(instant, timeZone) === offset)
    .map(({ instant }) => instant)
    .sort((a, b) => a - b);
  // Ambiguous: the earlier instant. Skipped: read the time with the offset in force before the gap.
  return candidates[0] ?? wall - before * MINUTE;
}

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** An ISO 8601 string with the zone's offset, e.g. "2024-05-16T09:30:00+02:00". */
export function toZonedIso(date: Date, timeZone = TIME_ZONE): string {
  const offset = offsetMinutes(date.getTime(), timeZone);
  const wall = new Date(date.getTime() + offset * MINUTE);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `${sign}${pad(Math.abs(offset) / 60)}:${pad(Math.abs(offset) % 60)}`
  );
}

/** "2024-05-16T09:30" (Amsterdam wall clock) → "2024-05-16T09:30:00+02:00", e.g. for <time datetime>. */
export function isoWithOffset(local: string, timeZone = TIME_ZONE): string {
  return toZonedIso(zonedToDate(local, timeZone), timeZone);
}
