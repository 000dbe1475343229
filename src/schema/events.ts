/** Events (congresses, workshops, webinars) with their sessions. Times are Europe/Amsterdam wall-clock times. */
import { z } from 'astro/zod';
import { field } from './field.ts';
import { entryBase, localDateTime, ref, shortCode, shortCodeHint, slug, source, url, fields } from './common.ts';
import { termOf } from './vocabularies.ts';

export const sessionSchema = fields({
  /** Stable id: the session's #anchor and short-link base. Never change it once shared. */
  id: field(slug(), {
    label: { nl: 'Kenmerk (voor de link)', en: 'Id (for the link)' },
    hint: {
      nl: 'Kleine letters en streepjes, bijv. "workshop-samen-hier". Niet meer wijzigen na delen.',
      en: 'Lowercase and hyphens. Do not change after sharing.',
    },
    i18n: 'duplicate',
  }),
  /** Title of the session. */
  title: field(z.string().min(3), { label: { nl: 'Titel', en: 'Title' } }),
  /** Local start time; leave out (with the end) when the time slot is not known: never guess a time. */
  start: field(localDateTime().optional(), {
    label: { nl: 'Begint', en: 'Starts' },
    hint: { nl: 'Laat leeg als het tijdstip niet bekend is.', en: 'Leave empty if the time is not known.' },
    widget: 'datetime',
    i18n: 'duplicate',
  }),
  /** Local end time, after the start; given together with the start. */
  end: field(localDateTime().optional(), {
    label: { nl: 'Eindigt', en: 'Ends' },
    hint: { nl: 'Laat leeg als het tijdstip niet bekend is.', en: 'Leave empty if the time is not known.' },
    widget: 'datetime',
    i18n: 'duplicate',
  }),
  /** Room or location within the venue. */
  room: field(z.string().optional(), { label: { nl: 'Zaal', en: 'Room' } }),
  /** Speakers as they should be shown (organisation names are fine). */
  speakers: field(z.array(z.string().min(2)).default([]), { label: { nl: 'Sprekers', en: 'Speakers' } }),
  /** What the session is about. */
  description: field(z.string().optional(), { label: { nl: 'Beschrijving', en: 'Description' }, widget: 'text' }),
  /** Materials of this session (slides, handouts). */
  materials: ref('materials', { nl: 'Materialen', en: 'Materials' }),
  /** Optional readable short-link code (/m/<short>/); without it a 5-character code is derived from the event and session id. */
  short: field(shortCode().optional(), {
    label: { nl: 'Korte link (optioneel)', en: 'Short link (optional)' },
    hint: shortCodeHint,
    i18n: 'duplicate',
    example: 'samenhier',
  }),
})
  .refine((s) => (s.start === undefined) === (s.end === undefined), {
    error: 'give both a start and an end time, or neither when the time slot is not known',
    path: ['end'],
    params: { id: 'session-times-both-or-neither' },
  })
  .refine((s) => s.start === undefined || s.end === undefined || s.end > s.start, {
    error: 'the session must end after it starts: set "end" later than "start"',
    path: ['end'],
    params: { id: 'session-ends-after-start' },
  });

export const eventSchema = () =>
  fields({
    ...entryBase,
    /** Kind of event. */
    type: field(termOf('eventTypes'), { label: { nl: 'Soort', en: 'Type' }, i18n: 'duplicate' }),
    /** Whether it goes ahead; shown on the page and in JSON-LD eventStatus. */
    status: field(termOf('eventStatuses').default('scheduled'), {
      label: { nl: 'Status', en: 'Status' },
      i18n: 'duplicate',
    }),
    /** Local start (Amsterdam time). */
    start: field(localDateTime(), { label: { nl: 'Begint', en: 'Starts' }, widget: 'datetime', i18n: 'duplicate' }),
    /** Local end (Amsterdam time), after the start. */
    end: field(localDateTime(), { label: { nl: 'Eindigt', en: 'Ends' }, widget: 'datetime', i18n: 'duplicate' }),
    /**
     * Only the days count, not the times: for whole-day events and for events whose exact times are not
     * known. Shown as dates, exported to calendars as all-day, so no time is ever stated that is not known.
     */
    allDay: field(z.boolean().default(false), {
      label: { nl: 'Hele dag (tijden niet tonen)', en: 'All day (do not show times)' },
      hint: {
        nl: 'Aan als het om hele dagen gaat of als de precieze tijden niet bekend zijn; alleen de datums tellen dan.',
        en: 'On for whole-day events or when the exact times are not known; only the dates count.',
      },
      i18n: 'duplicate',
    }),
    /** Where it takes place; leave out for online-only events. */
    venue: field(
      fields({
        name: field(z.string().min(2), { label: { nl: 'Naam', en: 'Name' } }),
        address: field(z.string().optional(), { label: { nl: 'Adres', en: 'Address' } }),
        city: field(z.string().min(2), { label: { nl: 'Plaats', en: 'City' } }),
      }).optional(),
      { label: { nl: 'Locatie', en: 'Venue' }, i18n: 'duplicate' },
    ),
    /** Link for online attendance. */
    online: field(url().optional(), { label: { nl: 'Online link', en: 'Online link' }, i18n: 'duplicate' }),
    /** Organising bodies. */
    organisers: field(z.array(z.string().min(2)).min(1, { error: 'name at least one organiser' }), {
      label: { nl: 'Organisatoren', en: 'Organisers' },
      i18n: 'duplicate',
    }),
    /** Where people register. */
    registration: field(url().optional(), { label: { nl: 'Aanmeldlink', en: 'Registration link' }, i18n: 'duplicate' }),
    /** Sessions in the programme. */
    sessions: field(z.array(sessionSchema).default([]), { label: { nl: 'Sessies', en: 'Sessions' } }),
    /** Materials for the event as a whole. */
    materials: ref('materials', { nl: 'Materialen van het hele evenement', en: 'Materials for the whole event' }),
    /** Sources for the facts about the event. */
    sources: field(z.array(source()).default([]), { label: { nl: 'Bronnen', en: 'Sources' }, i18n: 'duplicate' }),
    /** Themes covered. */
    themes: field(z.array(termOf('themes')).default([]), { label: { nl: "Thema's", en: 'Themes' }, i18n: 'duplicate' }),
  })
    .refine((e) => (e.allDay ? e.end.slice(0, 10) >= e.start.slice(0, 10) : e.end > e.start), {
      error:
        'the event must end after it starts: set "end" later than "start" (for an all-day event: the same day or later)',
      path: ['end'],
      params: { id: 'event-ends-after-start' },
    })
    .refine((e) => e.venue || e.online, {
      error: 'give a venue, an online link, or both',
      path: ['venue'],
      params: { id: 'event-venue-or-online' },
    })
    .superRefine((e, ctx) => {
      const seen = new Set<string>();
      e.sessions.forEach((s, i) => {
        if (seen.has(s.id))
          ctx.addIssue({
            code: 'custom',
            path: ['sessions', i, 'id'],
            message: `session id "${s.id}" is used twice: give each session its own id`,
          });
        seen.add(s.id);
      });
    });

export type EventData = z.infer<ReturnType<typeof eventSchema>>;
