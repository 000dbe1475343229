/**
 * iCalendar (RFC 5545) files with ical-generator: one per event (the event and each of its sessions as
 * VEVENTs), one per session, and an agenda feed per language with all upcoming events.
 *
 * Times are written as UTC instants (DTSTART:20240516T073000Z), computed from the Amsterdam wall-clock
 * times in the content by src/lib/time/; every calendar app shows them in its own zone, and no
 * VTIMEZONE block is needed. UIDs are stable per event and per session (they do not depend on the
 * language or the build), so importing a file again updates the entry instead of duplicating it.
 * DTSTAMP/LAST-MODIFIED come from the entry's updated/published date, so a rebuild without changes
 * gives byte-identical files.
 *
 * Pure TypeScript (no astro:content): src/lib/data-files.ts feeds it plain data.
 */
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator';
import type { Locale } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/t.ts';
import { termLabel } from '../schema/vocabularies.ts';
import { SITE_URL } from '../site.config.ts';
import { zonedToDate } from './time/index.ts';

export interface CalendarSession {
  id: string;
  title: string;
  /** Absent when the time slot is not known: such a session gets no VEVENT of its own. */
  start?: string | undefined;
  end?: string | undefined;
  room?: string | undefined;
  speakers: string[];
  description?: string | undefined;
  /** Absolute short URL of the session (materials), if any. */
  shortUrl?: string | undefined;
}

export interface CalendarEvent {
  /** Language-neutral slug (file name). */
  slug: string;
  locale: Locale;
  title: string;
  summary: string;
  /** Amsterdam wall-clock times. */
  start: string;
  end: string;
  /** Only the days count: exported as an all-day VEVENT (DTSTART;VALUE=DATE). */
  allDay: boolean;
  status: 'scheduled' | 'cancelled' | 'postponed' | 'moved-online';
  venue?: { name: string; address?: string | undefined; city: string } | undefined;
  online?: string | undefined;
  organisers: string[];
  /** Absolute URL of the event page. */
  url: string;
  /** For DTSTAMP and LAST-MODIFIED: the entry's updated or published date. */
  modified: Date;
  sessions: CalendarSession[];
}

const host = () => new URL(SITE_URL).host;

/** Stable UID of an event: the same in both languages and in every build. */
export function eventUid(slug: string): string {
  return `event/${slug}@${host()}`;
}

/** Stable UID of a session. */
export function sessionUid(eventSlug: string, sessionId: string): string {
  return `session/${eventSlug}/${sessionId}@${host()}`;
}

function icalStatus(status: CalendarEvent['status']): ICalEventStatus {
  if (status === 'cancelled') return ICalEventStatus.CANCELLED;
  if (status === 'postponed') return ICalEventStatus.TENTATIVE;
  return ICalEventStatus.CONFIRMED;
}

function statusPrefix(event: CalendarEvent): string {
  return event.status === 'cancelled' || event.status === 'postponed'
    ? `${termLabel('eventStatuses', event.status, event.locale)}: `
    : '';
}

function eventLocation(event: CalendarEvent): string | undefined {
  if (event.status === 'moved-online' && event.online) return event.online;
  if (event.venue) return [event.venue.name, event.venue.address, event.venue.city].filter(Boolean).join(', ');
  return event.online;
}

function eventData(event: CalendarEvent): ICalEventData {
  const t = useTranslations(event.locale);
  const status = termLabel('eventStatuses', event.status, event.locale);
  const description = [
    event.summary,
    event.status !== 'scheduled' ? `${t('event.status')}: ${status}` : '',
    event.organisers.length ? `${t('event.organisers')}: ${event.organisers.join(', ')}` : '',
    event.online && event.status !== 'cancelled' ? `${t('event.online')}: ${event.online}` : '',
    event.url,
  ].filter(Boolean);
  return {
    id: eventUid(event.slug),
    ...(event.allDay ? allDayRange(event) : { start: zonedToDate(event.start), end: zonedToDate(event.end) }),
    stamp: event.modified,
    lastModified: event.modified,
    summary: `${statusPrefix(event)}${event.title}`,
    description: description.join('\n\n'),
    location: eventLocation(event) ?? null,
    url: event.url,
    status: icalStatus(event.status),
  };
}

/**
 * ical-generator writes a date-only value from the UTC fields of a Date, so each calendar day is passed
 * as UTC midnight; DTEND is the day after the last day (exclusive, RFC 5545 3.6.1).
 */
function allDayRange(event: CalendarEvent): Pick<ICalEventData, 'start' | 'end' | 'allDay'> {
  const day = (local: string) => new Date(`${local.slice(0, 10)}T00:00:00Z`);
  const end = day(event.end);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start: day(event.start), end, allDay: true };
}

function sessionData(event: CalendarEvent, session: CalendarSession & { start: string; end: string }): ICalEventData {
  const t = useTranslations(event.locale);
  const where =
    event.status === 'moved-online'
      ? eventLocation(event)
      : [session.room, event.venue?.name, event.venue?.city].filter(Boolean).join(', ') || eventLocation(event);
  const url = `${event.url}#${session.id}`;
  const description = [
    session.description ?? '',
    session.speakers.length ? `${t('session.speakers')}: ${session.speakers.join(', ')}` : '',
    `${t('session.partOf')}: ${event.title}`,
    session.shortUrl ? `${t('session.materialsLink')}: ${session.shortUrl}` : '',
    url,
  ].filter(Boolean);
  return {
    id: sessionUid(event.slug, session.id),
    start: zonedToDate(session.start),
    end: zonedToDate(session.end),
    stamp: event.modified,
    lastModified: event.modified,
    summary: `${statusPrefix(event)}${session.title}`,
    description: description.join('\n\n'),
    location: where ?? null,
    url,
    status: icalStatus(event.status),
  };
}

function newCalendar(name: string, locale: Locale, url: string) {
  return ical({
    name,
    prodId: { company: 'Samen Hier', product: 'Kennisplatform', language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    url,
  });
}

/** The .ics of one event: the event itself and each of its sessions. */
export function eventCalendar(event: CalendarEvent, calendarName: string): string {
  const calendar = newCalendar(calendarName, event.locale, event.url);
  calendar.createEvent(eventData(event));
  for (const session of event.sessions) if (isTimed(session)) calendar.createEvent(sessionData(event, session));
  return calendar.toString();
}

function isTimed(session: CalendarSession): session is CalendarSession & { start: string; end: string } {
  return session.start !== undefined && session.end !== undefined;
}

/** The .ics of one session (for "add this session to my calendar"). */
export function sessionCalendar(event: CalendarEvent, sessionId: string, calendarName: string): string {
  const session = event.sessions.find((s) => s.id === sessionId);
  if (!session) throw new Error(`No session "${sessionId}" in event "${event.slug}"`);
  if (!isTimed(session))
    throw new Error(`Session "${sessionId}" of event "${event.slug}" has no known time, so it has no calendar file`);
  const calendar = newCalendar(calendarName, event.locale, `${event.url}#${session.id}`);
  calendar.createEvent(sessionData(event, session));
  return calendar.toString();
}

/** The agenda feed of a language: the given (upcoming) events, without their sessions. */
export function agendaCalendar(
  events: readonly CalendarEvent[],
  locale: Locale,
  calendarName: string,
  url: string,
): string {
  const calendar = newCalendar(calendarName, locale, url);
  for (const event of events) calendar.createEvent(eventData(event));
  return calendar.toString();
}
