/** Event rules that keep unknown times unknown: all-day events and sessions without a time slot. */
import { describe, expect, it } from 'vitest';
import { eventSchema } from '../../src/schema/events.ts';

const base = {
  title: 'Congres',
  summary: 'Een congres om de regels voor tijden te testen.',
  published: '2026-11-29',
  type: 'congress',
  start: '2024-05-16T00:00',
  end: '2024-05-16T00:00',
  allDay: true,
  venue: { name: 'Beatrixgebouw', city: 'Utrecht' },
  organisers: ['VNG'],
};

const issues = (data: unknown) => {
  const result = eventSchema().safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('event times', () => {
  it('accept an all-day event that starts and ends on the same day', () => {
    expect(issues(base)).toEqual([]);
  });

  it('refuse a timed event whose end is not after its start', () => {
    expect(issues({ ...base, allDay: false })).toEqual([
      expect.stringMatching(/^end: the event must end after it starts/),
    ]);
  });

  it('refuse an all-day event that ends on an earlier day', () => {
    expect(issues({ ...base, end: '2024-05-15T00:00' })).toEqual([
      expect.stringMatching(/^end: the event must end after it starts/),
    ]);
  });

  it('accept a session without a time slot', () => {
    expect(issues({ ...base, sessions: [{ id: 'workshop', title: 'Workshop' }] })).toEqual([]);
  });

  it('refuse a session with a start but no end', () => {
    expect(issues({ ...base, sessions: [{ id: 'workshop', title: 'Workshop', start: '2024-05-16T13:00' }] })).toEqual([
      expect.stringMatching(/^sessions\.0\.end: give both a start and an end time, or neither/),
    ]);
  });

  it('refuse a session that ends before it starts', () => {
    expect(
      issues({
        ...base,
        sessions: [{ id: 'w', title: 'Workshop', start: '2024-05-16T14:00', end: '2024-05-16T13:00' }],
      }),
    ).toEqual([expect.stringMatching(/^sessions\.0\.end: the session must end after it starts/)]);
  });
});
