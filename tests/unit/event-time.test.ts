/** Amsterdam wall-clock times to instants, across daylight-saving changes; upcoming/past split. */
import { describe, expect, it } from 'vitest';
import { amsterdamToDate, datetimeAttr, formatTimeRange, intervalOf, isUpcoming, offsetMinutes, referenceDate, splitByTime, toIsoWithOffset, zonedToDate } from '../../src/lib/event-time.ts';

const utc = (local: string) => amsterdamToDate(local).toISOString();

describe('amsterdamToDate', () => {
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
    expect(toIsoWithOffset('2024-03-31T02:30')).toBe('2024-03-31T03:30:00+02:00');
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
    expect(() => amsterdamToDate('2024-05-16 09:30')).toThrow(/YYYY-MM-DDTHH:mm/);
  });
});

describe('toIsoWithOffset', () => {
  it('gives the <time datetime> value with the offset of that date', () => {
    expect(toIsoWithOffset('2025-01-15T10:00')).toBe('2025-01-15T10:00:00+01:00');
    expect(toIsoWithOffset('2024-05-16T09:30')).toBe('2024-05-16T09:30:00+02:00');
  });
});

describe('referenceDate', () => {
  it('reads BUILD_DATE as the start of that day in Amsterdam', () => {
    expect(referenceDate({ BUILD_DATE: '2026-11-29' }).toISOString()).toBe('2026-11-28T23:00:00.000Z');
    expect(referenceDate({ BUILD_DATE: '2026-07-01' }).toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });
  it('accepts a full ISO instant', () => {
    expect(referenceDate({ BUILD_DATE: '2026-11-29T12:00:00Z' }).toISOString()).toBe('2026-11-29T12:00:00.000Z');
  });
  it('accepts BUILD_NOW as another name', () => {
    expect(referenceDate({ BUILD_NOW: '2026-11-29T12:00:00Z' }).toISOString()).toBe('2026-11-29T12:00:00.000Z');
  });
  it('is now without BUILD_DATE', () => {
    expect(Math.abs(referenceDate({}).getTime() - Date.now())).toBeLessThan(5_000);
  });
  it('rejects nonsense', () => {
    expect(() => referenceDate({ BUILD_DATE: 'tomorrow' })).toThrow(/BUILD_DATE/);
  });
});

describe('upcoming and past', () => {
  const reference = referenceDate({ BUILD_DATE: '2026-11-29' });
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
    expect(formatTimeRange('2024-05-16T09:30', '2024-05-16T10:45', 'nl-NL')).toMatch(/16 mei 2024.*09:30.*10:45/);
    expect(formatTimeRange('2024-05-16T09:30', '2024-05-16T10:45', 'en-GB')).toMatch(/16 May 2024.*09:30.*10:45/);
    expect(formatTimeRange('2025-01-15T10:00', '2025-01-15T12:00', 'en-GB')).toMatch(/15 January 2025.*10:00.*12:00/);
  });
});

describe('all-day events (times not known)', () => {
  const congress = { start: '2024-05-16T00:00', end: '2024-05-16T00:00', allDay: true };

  it('run from the first day\'s midnight to the midnight after the last day, in Amsterdam', () => {
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
    expect(formatTimeRange(congress.start, congress.end, 'nl-NL', { allDay: true })).toBe('16 mei 2024');
    expect(formatTimeRange('2024-05-16T00:00', '2024-05-17T00:00', 'en-GB', { allDay: true })).toMatch(/^16.+17 May 2024$/);
    expect(datetimeAttr('2024-05-16T00:00', true)).toBe('2024-05-16');
    expect(datetimeAttr('2024-05-16T09:30')).toBe('2024-05-16T09:30:00+02:00');
  });
});
