/**
 * The time module (src/lib/time/): Amsterdam wall-clock times to instants and offsets across daylight-saving
 * changes, the build date, upcoming and past, and dates as readers read them. Expected values are written out.
 */
import { describe, expect, it } from 'vitest';
import {
  buildDate,
  dateFormatter,
  datetimeAttr,
  formatDayRange,
  formatIsoDay,
  formatRangeEnds,
  formatTimeRange,
  intervalOf,
  isoWithOffset,
  isUpcoming,
  offsetMinutes,
  splitByTime,
  toZonedIso,
  zonedToDate,
} from '../../src/lib/time/index.ts';

const utc = (local: string) => zonedToDate(local).toISOString();

describe('isoWithOffset', () => {
  it('gives winter times the CET offset', () => {
    expect(isoWithOffset('2024-01-15T10:00')).toBe('2024-01-15T10:00:00+01:00');
    expect(zonedToDate('2024-01-15T10:00').toISOString()).toBe('2024-01-15T09:00:00.000Z');
  });

  it('gives summer times the CEST offset', () => {
    expect(isoWithOffset('2024-05-16T09:30')).toBe('2024-05-16T09:30:00+02:00');
    expect(zonedToDate('2024-05-16T09:30').toISOString()).toBe('2024-05-16T07:30:00.000Z');
  });

  it('switches to summer time on the last Sunday of March at 02:00', () => {
    expect(isoWithOffset('2024-03-30T23:59')).toBe('2024-03-30T23:59:00+01:00');
    expect(isoWithOffset('2024-03-31T01:59')).toBe('2024-03-31T01:59:00+01:00');
    expect(isoWithOffset('2024-03-31T03:00')).toBe('2024-03-31T03:00:00+02:00');
    expect(isoWithOffset('2024-03-31T12:00')).toBe('2024-03-31T12:00:00+02:00');
  });

  it('moves a time in the skipped spring hour forward, as calendars do', () => {
    expect(isoWithOffset('2024-03-31T02:30')).toBe('2024-03-31T03:30:00+02:00');
    expect(zonedToDate('2024-03-31T02:30').toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });

  it('switches back to winter time on the last Sunday of October at 03:00', () => {
    expect(isoWithOffset('2024-10-27T01:59')).toBe('2024-10-27T01:59:00+02:00');
    expect(isoWithOffset('2024-10-27T03:00')).toBe('2024-10-27T03:00:00+01:00');
    expect(isoWithOffset('2024-10-27T12:00')).toBe('2024-10-27T12:00:00+01:00');
    expect(isoWithOffset('2024-10-28T09:00')).toBe('2024-10-28T09:00:00+01:00');
  });

  it('reads the repeated autumn hour as the first one (still summer time)', () => {
    expect(isoWithOffset('2024-10-27T02:30')).toBe('2024-10-27T02:30:00+02:00');
    expect(zonedToDate('2024-10-27T02:30').toISOString()).toBe('2024-10-27T00:30:00.000Z');
  });

  it('follows the rules in other years too (2025 switches on 30 March and 26 October)', () => {
    expect(isoWithOffset('2025-03-30T01:00')).toBe('2025-03-30T01:00:00+01:00');
    expect(isoWithOffset('2025-03-30T04:00')).toBe('2025-03-30T04:00:00+02:00');
    expect(isoWithOffset('2025-10-26T04:00')).toBe('2025-10-26T04:00:00+01:00');
  });

  it('handles midnight and the end of the year', () => {
    expect(isoWithOffset('2024-12-31T23:30')).toBe('2024-12-31T23:30:00+01:00');
    expect(isoWithOffset('2024-06-01T00:00')).toBe('2024-06-01T00:00:00+02:00');
    expect(zonedToDate('2024-06-01T00:00').toISOString()).toBe('2024-05-31T22:00:00.000Z');
  });

  it('refuses what is not a local date and time', () => {
    expect(() => isoWithOffset('2024-05-16')).toThrow(/YYYY-MM-DDTHH:mm/);
    expect(() => isoWithOffset('2024-05-16T09:30+02:00')).toThrow(/YYYY-MM-DDTHH:mm/);
    expect(() => isoWithOffset('2024-02-30T10:00')).toThrow(/not a real date/);
  });

  it('round-trips every third hour of 2024 that exists exactly once', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3 * 3_600_000) {
      const iso = toZonedIso(new Date(t));
      expect(new Date(iso).getTime()).toBe(t);
      const local = iso.slice(0, 16);
      const isRepeated = local.startsWith('2024-10-27T02');
      if (!isRepeated) expect(zonedToDate(local).getTime()).toBe(t);
    }
  });
});

describe('offsetMinutes', () => {
  it('reads the offset of other zones too', () => {
    expect(offsetMinutes(Date.UTC(2024, 0, 15), 'UTC')).toBe(0);
    expect(offsetMinutes(Date.UTC(2024, 0, 15), 'America/New_York')).toBe(-300);
    expect(offsetMinutes(Date.UTC(2024, 0, 15), 'Asia/Kolkata')).toBe(330);
  });
});

describe('zonedToDate', () => {
  it('uses CET (+01:00) in winter and CEST (+02:00) in summer', () => {
    expect(utc('2025-01-15T10:00')).toBe('2025-01-15T09:00:00.000Z');
    expect(utc('2024-05-16T09:30')).toBe('2024-05-16T07:30:00.000Z');
    expect(utc('2024-12-31T23:30')).toBe('2024-12-31T22:30:00.000Z');
    expect(utc('2024-07-01T00:15')).toBe('2024-06-30T22:15:00.000Z');
  });

  it('switches at 02:00 on the last Sunday of March (2024-03-31, 2025-03-30)', () => {
    expect(utc('2024-03-31T01:59')).toBe('2024-03-31T00:59:00.000Z');
    expect(utc('2024-03-31T03:00')).toBe('2024-03-31T01:00:00.000Z');
    expect(utc('2025-03-30T01:30')).toBe('2025-03-30T00:30:00.000Z');
    expect(utc('2025-03-30T03:30')).toBe('2025-03-30T01:30:00.000Z');
    // The day before and after keep their own offset.
    expect(utc('2024-03-30T12:00')).toBe('2024-03-30T11:00:00.000Z');
    expect(utc('2024-04-01T12:00')).toBe('2024-04-01T10:00:00.000Z');
  });

  it('moves a time in the spring gap (02:00–03:00 does not exist) forward by an hour', () => {
    expect(utc('2024-03-31T02:30')).toBe('2024-03-31T01:30:00.000Z');
    expect(isoWithOffset('2024-03-31T02:30')).toBe('2024-03-31T03:30:00+02:00');
  });

  it('switches back at 03:00 on the last Sunday of October; the repeated hour is the first (summer) one', () => {
    expect(utc('2024-10-27T01:30')).toBe('2024-10-26T23:30:00.000Z');
    expect(utc('2024-10-27T02:30')).toBe('2024-10-27T00:30:00.000Z');
    expect(utc('2024-10-27T03:00')).toBe('2024-10-27T02:00:00.000Z');
    expect(utc('2025-10-26T10:00')).toBe('2025-10-26T09:00:00.000Z');
  });

  it('works for another zone too', () => {
    expect(zonedToDate('2024-07-01T12:00', 'America/New_York').toISOString()).toBe('2024-07-01T16:00:00.000Z');
    expect(offsetMinutes(new Date('2024-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('rejects malformed input', () => {
    expect(() => zonedToDate('2024-05-16 09:30')).toThrow(/YYYY-MM-DDTHH:mm/);
  });
});

describe('isoWithOffset (event boundaries)', () => {
  it('gives the <time datetime> value with the offset of that date', () => {
    expect(isoWithOffset('2025-01-15T10:00')).toBe('2025-01-15T10:00:00+01:00');
    expect(isoWithOffset('2024-05-16T09:30')).toBe('2024-05-16T09:30:00+02:00');
  });
});

describe('buildDate', () => {
  it('reads BUILD_DATE as the start of that day in Amsterdam', () => {
    expect(buildDate({ BUILD_DATE: '2026-11-29' }).toISOString()).toBe('2026-11-28T23:00:00.000Z');
    expect(buildDate({ BUILD_DATE: '2026-07-01' }).toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });
  it('accepts a full ISO instant', () => {
    expect(buildDate({ BUILD_DATE: '2026-11-29T12:00:00Z' }).toISOString()).toBe('2026-11-29T12:00:00.000Z');
  });
  it('accepts BUILD_NOW as another name', () => {
    expect(buildDate({ BUILD_NOW: '2026-11-29T12:00:00Z' }).toISOString()).toBe('2026-11-29T12:00:00.000Z');
  });
  it('is now without BUILD_DATE', () => {
    expect(Math.abs(buildDate({}).getTime() - Date.now())).toBeLessThan(5_000);
  });
  it('rejects nonsense', () => {
    expect(() => buildDate({ BUILD_DATE: 'tomorrow' })).toThrow(/BUILD_DATE/);
  });
});

describe('upcoming and past', () => {
  const reference = buildDate({ BUILD_DATE: '2026-11-29' });
  const events = [
    { id: 'congress-2024', start: '2024-05-16T09:00', end: '2024-05-16T17:00' },
    { id: 'webinar-next-year', start: '2027-02-10T19:00', end: '2027-02-10T20:30' },
    { id: 'running-now', start: '2026-11-28T09:00', end: '2026-11-30T17:00' },
    { id: 'ended-last-night', start: '2026-11-28T20:00', end: '2026-11-28T23:30' },
    { id: 'tomorrow', start: '2026-11-30T10:00', end: '2026-11-30T12:00' },
  ];

  it('counts an event as upcoming until it has ended', () => {
    expect(isUpcoming(events[2]!, reference)).toBe(true);
    expect(isUpcoming(events[3]!, reference)).toBe(false);
  });

  it('sorts upcoming soonest first and past most recent first', () => {
    const { upcoming, past } = splitByTime(events, (e) => e, reference);
    expect(upcoming.map((e) => e.id)).toEqual(['running-now', 'tomorrow', 'webinar-next-year']);
    expect(past.map((e) => e.id)).toEqual(['ended-last-night', 'congress-2024']);
  });
});

describe('formatTimeRange', () => {
  it('formats per language in Amsterdam time', () => {
    expect(formatTimeRange('2024-05-16T09:30', '2024-05-16T10:45', 'nl')).toMatch(/16 mei 2024.*09:30.*10:45/);
    expect(formatTimeRange('2024-05-16T09:30', '2024-05-16T10:45', 'en')).toMatch(/16 May 2024.*09:30.*10:45/);
    expect(formatTimeRange('2025-01-15T10:00', '2025-01-15T12:00', 'en')).toMatch(/15 January 2025.*10:00.*12:00/);
  });
});

describe('all-day events (times not known)', () => {
  const congress = { start: '2024-05-16T00:00', end: '2024-05-16T00:00', allDay: true };

  it("run from the first day's midnight to the midnight after the last day, in Amsterdam", () => {
    const { start, end } = intervalOf(congress);
    expect(start.toISOString()).toBe('2024-05-15T22:00:00.000Z');
    expect(end.toISOString()).toBe('2024-05-16T22:00:00.000Z');
    expect(intervalOf({ ...congress, end: '2024-05-17T00:00' }).end.toISOString()).toBe('2024-05-17T22:00:00.000Z');
  });

  it('stay upcoming through their last day', () => {
    expect(isUpcoming(congress, new Date('2024-05-16T21:59:00Z'))).toBe(true);
    expect(isUpcoming(congress, new Date('2024-05-16T22:00:00Z'))).toBe(false);
  });

  it('are written as dates only', () => {
    expect(formatTimeRange(congress.start, congress.end, 'nl', { allDay: true })).toBe('16 mei 2024');
    expect(formatTimeRange('2024-05-16T00:00', '2024-05-17T00:00', 'en', { allDay: true })).toMatch(
      /^16.+17 May 2024$/,
    );
    expect(datetimeAttr('2024-05-16T00:00', true)).toBe('2024-05-16');
    expect(datetimeAttr('2024-05-16T09:30')).toBe('2024-05-16T09:30:00+02:00');
  });
});

describe('dates as readers read them', () => {
  it('makes one formatter per language and style, reused by every call', () => {
    expect(dateFormatter('nl', 'day')).toBe(dateFormatter('nl', 'day'));
    expect(dateFormatter('nl', 'day')).not.toBe(dateFormatter('en', 'day'));
    expect(dateFormatter('nl', 'day')).not.toBe(dateFormatter('nl', 'time'));
  });

  it('writes the two ends of a range for two <time> elements', () => {
    expect(formatRangeEnds('2024-05-16T09:30', '2024-05-16T10:45', 'nl')).toEqual({
      sameDay: true,
      start: '16 mei 2024 om 09:30',
      end: '10:45',
    });
    expect(formatRangeEnds('2024-05-16T09:30', '2024-05-16T10:45', 'en', { showDate: false })).toEqual({
      sameDay: true,
      start: '09:30',
      end: '10:45',
    });
    // Over the night the clocks go back: both dates, Amsterdam wall-clock times as written.
    expect(formatRangeEnds('2024-10-26T22:00', '2024-10-27T02:30', 'en')).toEqual({
      sameDay: false,
      start: '26 October 2024 at 22:00',
      end: '27 October 2024 at 02:30',
    });
    expect(formatRangeEnds('2024-05-16T00:00', '2024-05-17T00:00', 'nl', { allDay: true })).toEqual({
      sameDay: false,
      start: '16 mei 2024',
      end: '17 mei 2024',
    });
  });

  it("writes one day in full and calendar dates from the search index in the reader's language", () => {
    expect(formatDayRange(zonedToDate('2024-05-16T00:00'), zonedToDate('2024-05-16T00:00'), 'nl')).toBe(
      'donderdag 16 mei 2024',
    );
    expect(formatIsoDay('2024-03-31', 'nl')).toBe('31 maart 2024');
    expect(formatIsoDay('2024-10-27T23:30:00Z', 'en')).toBe('27 October 2024');
    expect(formatIsoDay('not a date', 'en')).toBe('not a date');
  });
});
