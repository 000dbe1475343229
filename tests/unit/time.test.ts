import { describe, expect, it } from 'vitest';
import { amsterdamToIso, offsetMinutes, toZonedIso, zonedToDate } from '../../src/lib/time.ts';

describe('amsterdamToIso', () => {
  it('gives winter times the CET offset', () => {
    expect(amsterdamToIso('2024-01-15T10:00')).toBe('2024-01-15T10:00:00+01:00');
    expect(zonedToDate('2024-01-15T10:00').toISOString()).toBe('2024-01-15T09:00:00.000Z');
  });

  it('gives summer times the CEST offset', () => {
    expect(amsterdamToIso('2024-05-16T09:30')).toBe('2024-05-16T09:30:00+02:00');
    expect(zonedToDate('2024-05-16T09:30').toISOString()).toBe('2024-05-16T07:30:00.000Z');
  });

  it('switches to summer time on the last Sunday of March at 02:00', () => {
    expect(amsterdamToIso('2024-03-30T23:59')).toBe('2024-03-30T23:59:00+01:00');
    expect(amsterdamToIso('2024-03-31T01:59')).toBe('2024-03-31T01:59:00+01:00');
    expect(amsterdamToIso('2024-03-31T03:00')).toBe('2024-03-31T03:00:00+02:00');
    expect(amsterdamToIso('2024-03-31T12:00')).toBe('2024-03-31T12:00:00+02:00');
  });

  it('moves a time in the skipped spring hour forward, as calendars do', () => {
    expect(amsterdamToIso('2024-03-31T02:30')).toBe('2024-03-31T03:30:00+02:00');
    expect(zonedToDate('2024-03-31T02:30').toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });

  it('switches back to winter time on the last Sunday of October at 03:00', () => {
    expect(amsterdamToIso('2024-10-27T01:59')).toBe('2024-10-27T01:59:00+02:00');
    expect(amsterdamToIso('2024-10-27T03:00')).toBe('2024-10-27T03:00:00+01:00');
    expect(amsterdamToIso('2024-10-27T12:00')).toBe('2024-10-27T12:00:00+01:00');
    expect(amsterdamToIso('2024-10-28T09:00')).toBe('2024-10-28T09:00:00+01:00');
  });

  it('reads the repeated autumn hour as the first one (still summer time)', () => {
    expect(amsterdamToIso('2024-10-27T02:30')).toBe('2024-10-27T02:30:00+02:00');
    expect(zonedToDate('2024-10-27T02:30').toISOString()).toBe('2024-10-27T00:30:00.000Z');
  });

  it('follows the rules in other years too (2025 switches on 30 March and 26 October)', () => {
    expect(amsterdamToIso('2025-03-30T01:00')).toBe('2025-03-30T01:00:00+01:00');
    expect(amsterdamToIso('2025-03-30T04:00')).toBe('2025-03-30T04:00:00+02:00');
    expect(amsterdamToIso('2025-10-26T04:00')).toBe('2025-10-26T04:00:00+01:00');
  });

  it('handles midnight and the end of the year', () => {
    expect(amsterdamToIso('2024-12-31T23:30')).toBe('2024-12-31T23:30:00+01:00');
    expect(amsterdamToIso('2024-06-01T00:00')).toBe('2024-06-01T00:00:00+02:00');
    expect(zonedToDate('2024-06-01T00:00').toISOString()).toBe('2024-05-31T22:00:00.000Z');
  });

  it('refuses what is not a local date and time', () => {
    expect(() => amsterdamToIso('2024-05-16')).toThrow(/YYYY-MM-DDTHH:mm/);
    expect(() => amsterdamToIso('2024-05-16T09:30+02:00')).toThrow(/YYYY-MM-DDTHH:mm/);
    expect(() => amsterdamToIso('2024-02-30T10:00')).toThrow(/not a real date/);
  });

  it("round-trips every third hour of 2024 that exists exactly once", () => {
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
