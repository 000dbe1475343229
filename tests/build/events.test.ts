/**
 * Events, calendars, materials, short links and room cards in the built site (.tmp/test-site),
 * checked against the real content read from disk at test time.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ical, { type VEvent } from 'node-ical';
import { testDist, projectRoot } from '../helpers/paths.ts';
import { TEST_BUILD_DATE } from '../helpers/build-site.ts';
import { loadEvents, loadMaterials, type EventVersion } from '../helpers/events-content.ts';
import { decodeQrSvg } from '../helpers/qr-decode.ts';
import { locales, type Locale } from '../../src/i18n/locales.ts';
import { entryPath, sectionPath } from '../../src/i18n/routes.ts';
import { buildDate, datetimeAttr, intervalOf, isoWithOffset, splitByTime, zonedToDate } from '../../src/lib/time/index.ts';
import { useTranslations } from '../../src/i18n/t.ts';

import { agendaPath, eventIcsPath, roomCardPath, sessionIcsPath } from '../../src/lib/event-paths.ts';
import { eventUid, sessionUid } from '../../src/lib/calendar.ts';
import { codeOf, displayShortUrl, shortUrl, type ShortTarget } from '../../src/lib/short-links.ts';
import { fileInfo } from '../../src/lib/file-info.ts';
import { extractPdfText } from '../../src/lib/pdf-text.ts';
import { SITE_URL } from '../../src/site.config.ts';

/** node-ical reads a DATE value as local midnight; this gives back its calendar day. */
const isoDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const dayAfter = (local: string) => {
  const d = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

const events = loadEvents();
const materials = loadMaterials();
const reference = buildDate({ BUILD_DATE: TEST_BUILD_DATE });

function fileAt(path: string): string {
  const file = join(testDist, path.endsWith('/') ? `${path}index.html` : path);
  expect(existsSync(file), `expected ${path} in the built site (${file})`).toBe(true);
  return readFileSync(file, 'utf8');
}

/** The HTML of the <section> whose start tag contains `marker` (e.g. id="…"), up to its matching </section>. */
function sectionWith(html: string, marker: string): string {
  const at = html.indexOf(marker);
  expect(at, `no section with ${marker}`).toBeGreaterThan(-1);
  const start = html.lastIndexOf('<section', at);
  let depth = 0;
  const re = /<(\/?)section\b/g;
  re.lastIndex = start;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index);
  }
  return html.slice(start);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function vevents(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

const eventCases = events.map((e) => [`${e.locale}/${e.slug}`, e] as const);

describe('content for these tests', () => {
  it('has at least one event with a session that has materials', () => {
    expect(events.some((e) => e.data.sessions.some((s) => s.materials.length > 0))).toBe(true);
  });
});

describe('event pages', () => {
  it.each(eventCases)('%s lists its sessions with anchors, times, rooms, speakers and materials', (_, event) => {
    const html = fileAt(entryPath('events', event.slug, event.locale));
    for (const session of event.data.sessions) {
      const block = sectionWith(html, `id="${session.id}"`);
      expect(block).toContain(escapeHtml(session.title));
      if (session.start && session.end) {
        expect(block).toContain(`datetime="${isoWithOffset(session.start)}"`);
        expect(block).toContain(`datetime="${isoWithOffset(session.end)}"`);
      } else {
        // An unknown time slot is said to be unknown, never guessed.
        expect(block).toContain(escapeHtml(useTranslations(event.locale)('session.timeUnknown')));
        expect(block).not.toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T/);
      }
      if (session.room) expect(block).toContain(escapeHtml(session.room));
      for (const speaker of session.speakers) expect(block).toContain(escapeHtml(speaker));
      for (const slug of session.materials) {
        expect(block).toContain(`href="${entryPath('materials', slug, event.locale)}"`);
        const file = materials.find((m) => m.slug === slug)!.data.file;
        if (file) expect(block).toContain(`href="${file}"`);
      }
      expect(block).toContain(`href="${roomCardPath(event.locale, event.slug, session.id)}"`);
      // A session gets its own .ics only when its time slot is known.
      if (session.start) expect(block).toContain(`href="${sessionIcsPath(event.locale, event.slug, session.id)}"`);
      else expect(block).not.toContain(`href="${sessionIcsPath(event.locale, event.slug, session.id)}"`);
    }
  });

  it.each(eventCases)('%s has a materials section with every material of the event and its sessions', (_, event) => {
    const html = fileAt(entryPath('events', event.slug, event.locale));
    const expected = [...event.data.materials, ...event.data.sessions.flatMap((s) => s.materials)];
    if (expected.length === 0) return;
    const block = sectionWith(html, 'class="event-materials"');
    for (const slug of expected) expect(block).toContain(`href="${entryPath('materials', slug, event.locale)}"`);
  });

  it.each(eventCases)('%s shows its status, times and an "add to calendar" link', (_, event) => {
    const html = fileAt(entryPath('events', event.slug, event.locale));
    expect(html).toContain(`data-event-status="${event.data.status}"`);
    expect(html).toContain(`datetime="${datetimeAttr(event.data.start, event.data.allDay)}"`);
    expect(html).toMatch(new RegExp(`<a class="add-to-calendar" href="${eventIcsPath(event.locale, event.slug).replace(/[.]/g, '\\.')}"`));
  });
});

describe(`upcoming and past, for a build on ${TEST_BUILD_DATE}`, () => {
  it.each(locales.map((l) => [l] as const))('the %s events index puts every event in the right group', (locale) => {
    const html = fileAt(sectionPath(locale, 'events'));
    const upcomingBlock = sectionWith(html, 'id="events-upcoming"');
    const pastBlock = html.includes('id="events-past"') ? sectionWith(html, 'id="events-past"') : '';
    const slugs = [...new Set(events.map((e) => e.slug))];
    const { upcoming, past } = splitByTime(slugs, (slug) => events.find((e) => e.slug === slug)!.data, reference);
    for (const slug of upcoming) {
      expect(upcomingBlock).toContain(`data-event="${slug}"`);
      expect(pastBlock).not.toContain(`data-event="${slug}"`);
    }
    for (const slug of past) {
      expect(pastBlock).toContain(`data-event="${slug}"`);
      expect(upcomingBlock).not.toContain(`data-event="${slug}"`);
    }
    // Order: upcoming soonest first, past most recent first.
    const order = (block: string) => [...block.matchAll(/data-event="([^"]+)"/g)].map((m) => m[1]);
    expect(order(upcomingBlock)).toEqual(upcoming);
    expect(order(pastBlock)).toEqual(past);
    expect(html).toContain(`href="${agendaPath(locale)}"`);
  });

  it.each(eventCases)('%s says whether it is upcoming or past', (_, event) => {
    const html = fileAt(entryPath('events', event.slug, event.locale));
    const when = intervalOf(event.data).end > reference ? 'upcoming' : 'past';
    expect(html).toContain(`data-event-when="${when}"`);
  });
});

describe('calendar files', () => {
  it.each(eventCases)('%s.ics has the event and every session at the right instants', (_, event) => {
    const parsed = vevents(fileAt(eventIcsPath(event.locale, event.slug)));
    const main = parsed.find((v) => v.uid === eventUid(event.slug));
    expect(main, 'the event itself').toBeDefined();
    if (event.data.allDay) {
      // All-day: DATE values, the end exclusive (the day after the last day).
      expect(main!.datetype).toBe('date');
      expect(isoDate(main!.start)).toBe(event.data.start.slice(0, 10));
      expect(isoDate(main!.end!)).toBe(dayAfter(event.data.end));
    } else {
      expect(main!.start.toISOString()).toBe(zonedToDate(event.data.start).toISOString());
      expect(main!.end!.toISOString()).toBe(zonedToDate(event.data.end).toISOString());
    }
    expect(main!.status).toBe(event.data.status === 'cancelled' ? 'CANCELLED' : event.data.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED');
    if (event.data.venue) expect(String(main!.location)).toContain(event.data.venue.city);
    const timed = event.data.sessions.filter((s): s is typeof s & { start: string; end: string } => Boolean(s.start && s.end));
    expect(parsed).toHaveLength(1 + timed.length);
    for (const session of timed) {
      const v = parsed.find((p) => p.uid === sessionUid(event.slug, session.id));
      expect(v, `session ${session.id}`).toBeDefined();
      expect(v!.start.toISOString()).toBe(zonedToDate(session.start).toISOString());
      expect(v!.end!.toISOString()).toBe(zonedToDate(session.end).toISOString());
      const single = vevents(fileAt(sessionIcsPath(event.locale, event.slug, session.id)));
      expect(single.map((s) => s.uid)).toEqual([sessionUid(event.slug, session.id)]);
    }
  });

  it.each(locales.map((l) => [l] as const))('the %s agenda feed has exactly the upcoming events', (locale) => {
    const parsed = vevents(fileAt(agendaPath(locale)));
    const slugs = [...new Set(events.map((e) => e.slug))];
    const { upcoming } = splitByTime(slugs, (slug) => events.find((e) => e.slug === slug)!.data, reference);
    expect(parsed.map((v) => v.uid).sort()).toEqual(upcoming.map(eventUid).sort());
  });
});

/** Every short link target the content implies. */
function expectedTargets(): ShortTarget[] {
  const seen = new Map<string, ShortTarget>();
  for (const e of events) for (const s of e.data.sessions) seen.set(`s:${e.slug}/${s.id}`, { kind: 'session', eventSlug: e.slug, sessionId: s.id, short: s.short });
  for (const m of materials) seen.set(`m:${m.slug}`, { kind: 'material', slug: m.slug, short: m.data.short });
  return [...seen.values()];
}

const shortDir = join(testDist, 'm');
const builtCodes = existsSync(shortDir) ? readdirSync(shortDir) : [];

describe('short links', () => {
  it('exist for every session and material, and for nothing else', () => {
    expect(builtCodes.sort()).toEqual(expectedTargets().map(codeOf).sort());
  });

  it.each(builtCodes.map((c) => [c] as const))('/m/%s/ redirects to an existing page and anchor', (code) => {
    const html = fileAt(`/m/${code}/`);
    const refresh = /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(html);
    expect(refresh, 'meta refresh').not.toBeNull();
    const target = refresh![1]!.replace(/&amp;/g, '&');
    expect(html).toContain(`<link rel="canonical" href="${SITE_URL}${target}"`);
    expect(html).toContain(`href="${refresh![1]}"`);
    const [path, anchor] = target.split('#');
    const page = fileAt(path!);
    if (anchor) expect(page).toContain(`id="${anchor}"`);
    expect(html).toContain('<meta name="robots" content="noindex"');
  });

  it('point sessions at their anchor and materials at their page', () => {
    for (const target of expectedTargets()) {
      const html = fileAt(`/m/${codeOf(target)}/`);
      const expected = target.kind === 'session' ? `/${target.eventSlug}/#${target.sessionId}` : `/${target.slug}/`;
      expect(html).toContain(`content="0;url=`);
      expect(/content="0;url=([^"]+)"/.exec(html)![1]).toContain(expected);
    }
  });
});

describe('QR codes', () => {
  it.each(builtCodes.map((c) => [c] as const))('/m/%s/qr.svg decodes to its short URL', async (code) => {
    expect(await decodeQrSvg(fileAt(`/m/${code}/qr.svg`))).toBe(shortUrl(code));
  });

  const cards = events.flatMap((e) => e.data.sessions.flatMap((s) => (['a4', 'a5'] as const).map((size) => [`${roomCardPath(e.locale, e.slug, s.id, size)}`, e, s.id] as const)));
  it.each(cards)('room card %s shows the session and a QR code that decodes to its short URL', async (path, event: EventVersion, sessionId) => {
    const html = fileAt(path);
    const session = event.data.sessions.find((s) => s.id === sessionId)!;
    const code = codeOf({ kind: 'session', eventSlug: event.slug, sessionId, short: session.short });
    expect(html).toContain(escapeHtml(session.title));
    expect(html).toContain(`>${displayShortUrl(code)}</a>`);
    expect(html).toContain('<meta name="robots" content="noindex"');
    expect(html).toMatch(/@page \{ size: A[45] portrait/);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
    expect(await decodeQrSvg(svg)).toBe(shortUrl(code));
  });
});

describe('material pages', () => {
  it.each(materials.flatMap((m) => locales.map((l) => [`${l}/${m.slug}`, m, l] as const)))(
    '%s has type, language, file size from the file, its sessions and the download',
    (_, material, locale: Locale) => {
      const html = fileAt(entryPath('materials', material.slug, locale));
      if (material.data.file) {
        const info = fileInfo(material.data.file, locale);
        expect(html).toContain(`href="${material.data.file}"`);
        expect(html).toContain(`${info.format}, ${info.size}`);
      }
      for (const event of events.filter((e) => e.locale === locale || !events.some((x) => x.slug === e.slug && x.locale === locale))) {
        for (const session of event.data.sessions.filter((s) => s.materials.includes(material.slug))) {
          expect(html).toContain(`data-material-use="${event.slug}#${session.id}"`);
          expect(html).toContain(`href="${entryPath('events', event.slug, event.locale)}#${session.id}"`);
        }
      }
      expect(html).toContain(`/m/${codeOf({ kind: 'material', slug: material.slug, short: material.data.short })}/`);
    },
  );

  it.each(materials.filter((m) => m.data.file?.endsWith('.pdf')).map((m) => [m.slug, m] as const))(
    '%s carries the text of its PDF inside the indexed main content',
    async (_, material) => {
      const result = await extractPdfText(join(projectRoot, 'public', material.data.file!));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      // A distinctive line from the PDF appears in the page, inside <main>.
      const line = result.text.pages.join('\n').split('\n').map((l) => l.trim()).filter((l) => l.length > 20).at(-1)!;
      for (const locale of locales) {
        const html = fileAt(entryPath('materials', material.slug, locale));
        const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
        expect(main).toContain('<details class="material-text"');
        expect(main).toContain(escapeHtml(line));
      }
    },
  );
});
