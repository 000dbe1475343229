/** The .ics output, parsed back with an independent iCalendar parser (node-ical). */
import { describe, expect, it } from 'vitest';
import ical, { type VEvent } from 'node-ical';
import {
  agendaCalendar,
  eventCalendar,
  eventUid,
  sessionCalendar,
  sessionUid,
  type CalendarEvent,
} from '../../src/lib/calendar.ts';

const winter: CalendarEvent = {
  slug: 'winter-meeting',
  locale: 'nl',
  title: 'Wintermiddag Samen Hier',
  summary: 'Een bijeenkomst in januari, om de tijdzone in de winter te testen.',
  start: '2025-01-15T10:00',
  end: '2025-01-15T12:30',
  allDay: false,
  status: 'scheduled',
  venue: { name: 'Stadhuis', address: 'Plein 1', city: 'Utrecht' },
  organisers: ['Justice & Peace Nederland'],
  url: 'https://kennisplatform.example.org/evenementen/winter-meeting/',
  modified: new Date('2024-12-01T00:00:00Z'),
  sessions: [
    {
      id: 'opening',
      title: 'Opening',
      start: '2025-01-15T10:00',
      end: '2025-01-15T10:30',
      room: 'Zaal 2',
      speakers: ['Justice & Peace Nederland'],
      shortUrl: 'https://kennisplatform.example.org/m/abcde/',
    },
  ],
};

const summer: CalendarEvent = {
  slug: 'congress-2024',
  locale: 'en',
  title: 'Congress From Migration to Participation 2024',
  summary: 'The annual migration congress, 16 May 2024 in Utrecht.',
  start: '2024-05-16T09:30',
  end: '2024-05-16T17:00',
  allDay: false,
  status: 'cancelled',
  venue: { name: 'Beatrixgebouw', city: 'Utrecht' },
  organisers: ['VNG'],
  url: 'https://kennisplatform.example.org/en/events/congress-2024/',
  modified: new Date('2024-04-01T00:00:00Z'),
  sessions: [
    {
      id: 'workshop-samen-hier',
      title: 'Workshop on community sponsorship',
      start: '2024-05-16T13:00',
      end: '2024-05-16T14:00',
      room: 'Room 4',
      speakers: [],
      description: 'About Samen Hier.',
    },
  ],
};

/** node-ical gives URL;VALUE=URI as { params, val }. */
function urlOf(value: unknown): string {
  return typeof value === 'string' ? value : (value as { val: string }).val;
}

function vevents(text: string) {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe('eventCalendar', () => {
  it('writes the winter event and its session at CET (+01:00) as UTC instants', () => {
    const text = eventCalendar(winter, 'Test');
    const [event, session] = vevents(text);
    expect(event!.start.toISOString()).toBe('2025-01-15T09:00:00.000Z');
    expect(event!.end!.toISOString()).toBe('2025-01-15T11:30:00.000Z');
    expect(session!.start.toISOString()).toBe('2025-01-15T09:00:00.000Z');
    expect(session!.end!.toISOString()).toBe('2025-01-15T09:30:00.000Z');
    expect(text).toContain('DTSTART:20250115T090000Z');
  });

  it('writes the summer event at CEST (+02:00)', () => {
    const [event, session] = vevents(eventCalendar(summer, 'Test'));
    expect(event!.start.toISOString()).toBe('2024-05-16T07:30:00.000Z');
    expect(event!.end!.toISOString()).toBe('2024-05-16T15:00:00.000Z');
    expect(session!.start.toISOString()).toBe('2024-05-16T11:00:00.000Z');
    expect(session!.end!.toISOString()).toBe('2024-05-16T12:00:00.000Z');
  });

  it('has stable UIDs, URLs with session anchors, locations and status', () => {
    const [event, session] = vevents(eventCalendar(winter, 'Test'));
    expect(event!.uid).toBe(eventUid('winter-meeting'));
    expect(session!.uid).toBe(sessionUid('winter-meeting', 'opening'));
    expect(urlOf(event!.url)).toBe(winter.url);
    expect(urlOf(session!.url)).toBe(`${winter.url}#opening`);
    expect(event!.location).toBe('Stadhuis, Plein 1, Utrecht');
    expect(session!.location).toBe('Zaal 2, Stadhuis, Utrecht');
    expect(event!.status).toBe('CONFIRMED');
    expect(String(session!.description)).toContain('https://kennisplatform.example.org/m/abcde/');
  });

  it('marks a cancelled event and its sessions CANCELLED', () => {
    const [event, session] = vevents(eventCalendar(summer, 'Test'));
    expect(event!.status).toBe('CANCELLED');
    expect(session!.status).toBe('CANCELLED');
    expect(String(event!.summary)).toMatch(/^Cancelled: /);
  });

  it('is deterministic and valid RFC 5545 text (CRLF, folded lines, required properties)', () => {
    const a = eventCalendar(winter, 'Test');
    expect(eventCalendar(winter, 'Test')).toBe(a);
    expect(a.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(a.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    for (const line of a.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(a.match(/^DTSTAMP:/gm)).toHaveLength(2);
    expect(a.match(/^UID:/gm)).toHaveLength(2);
    expect(a).not.toMatch(/\r?\n(?!\r?\n)[^\r]*\n/); // no bare LF
  });
});

describe('events whose times are not known', () => {
  // The starter congress: only the day is documented, and the workshop's slot is not.
  const dayOnly: CalendarEvent = {
    ...summer,
    status: 'scheduled',
    start: '2024-05-16T00:00',
    end: '2024-05-16T00:00',
    allDay: true,
    sessions: [{ id: 'workshop-samen-hier', title: 'Workshop', speakers: [] }],
  };

  it('writes an all-day event as DATE values with an exclusive end, and no time at all', () => {
    const text = eventCalendar(dayOnly, 'Test');
    expect(text).toContain('DTSTART;VALUE=DATE:20240516');
    expect(text).toContain('DTEND;VALUE=DATE:20240517');
    expect(text).not.toMatch(/DTSTART:\d{8}T/);
    const [event] = vevents(text);
    expect(event!.datetype).toBe('date');
  });

  it('spans every day of a multi-day all-day event', () => {
    const text = eventCalendar({ ...dayOnly, end: '2024-05-17T00:00' }, 'Test');
    expect(text).toContain('DTSTART;VALUE=DATE:20240516');
    expect(text).toContain('DTEND;VALUE=DATE:20240518');
  });

  it('leaves out sessions without a known time, and refuses a calendar file for one', () => {
    expect(vevents(eventCalendar(dayOnly, 'Test'))).toHaveLength(1);
    expect(() => sessionCalendar(dayOnly, 'workshop-samen-hier', 'Test')).toThrow(/no known time/);
  });
});

describe('sessionCalendar and agendaCalendar', () => {
  it('gives one session with the same UID as in the event file', () => {
    const [only, ...rest] = vevents(sessionCalendar(winter, 'opening', 'Test'));
    expect(rest).toHaveLength(0);
    expect(only!.uid).toBe(sessionUid('winter-meeting', 'opening'));
  });

  it('lists the given events without their sessions', () => {
    const events = vevents(
      agendaCalendar([winter, summer], 'nl', 'Agenda', 'https://kennisplatform.example.org/evenementen/'),
    );
    expect(events.map((e) => e.uid)).toEqual([eventUid('winter-meeting'), eventUid('congress-2024')]);
  });
});
