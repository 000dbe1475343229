/** Addresses of calendar files, session anchors and room cards in both languages. */
import { describe, expect, it } from 'vitest';
import {
  agendaPath,
  eventIcsPath,
  isEventUtilityPath,
  roomCardPath,
  sessionIcsPath,
  sessionPath,
} from '../../src/lib/event-paths.ts';

describe('event paths', () => {
  it('put calendar files next to the event page and the agenda at the root of each language', () => {
    expect(eventIcsPath('nl', 'congres')).toBe('/evenementen/congres.ics');
    expect(eventIcsPath('en', 'congres')).toBe('/en/events/congres.ics');
    expect(sessionIcsPath('nl', 'congres', 'workshop')).toBe('/evenementen/congres/workshop.ics');
    expect(agendaPath('nl')).toBe('/agenda.ics');
    expect(agendaPath('en')).toBe('/en/agenda.ics');
  });

  it('give each session an anchor and a room card in A4 and A5', () => {
    expect(sessionPath('nl', 'congres', 'workshop')).toBe('/evenementen/congres/#workshop');
    expect(roomCardPath('nl', 'congres', 'workshop')).toBe('/evenementen/congres/workshop/kaart/');
    expect(roomCardPath('en', 'congres', 'workshop', 'a5')).toBe('/en/events/congres/workshop/card/a5/');
  });

  it('recognise the noindex utility pages (for the sitemap filter)', () => {
    expect(isEventUtilityPath('/m/abcde/')).toBe(true);
    expect(isEventUtilityPath(roomCardPath('nl', 'congres', 'workshop'))).toBe(true);
    expect(isEventUtilityPath(roomCardPath('en', 'congres', 'workshop', 'a5'))).toBe(true);
    expect(isEventUtilityPath('/evenementen/congres/')).toBe(false);
    expect(isEventUtilityPath('/en/events/')).toBe(false);
  });
});
