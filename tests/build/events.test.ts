/**
 * Events, calendars, materials, short links and room cards in the built site (.tmp/test-site), for a build on
 * TEST_BUILD_DATE (2026-11-29). The expected values are written out for the starter content: the congress
 * "Van Migratie tot Participatie 2024" (content/events/{nl,en}/congres-van-migratie-tot-participatie-2024.mdx,
 * all day on 16 May 2024 in Utrecht, one session without a known time slot and two example materials), not
 * computed with the route, time, calendar or short-link code under test. The first test fails when that content
 * changes, so the values here are updated with it.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ical, { type VEvent } from 'node-ical';
import { testDist } from '../helpers/paths.ts';
import { loadEvents, loadMaterials } from '../helpers/events-content.ts';
import { decodeQrSvg } from '../helpers/qr-decode.ts';

const SLUG = 'congres-van-migratie-tot-participatie-2024';
const SESSION = 'workshop-samen-hier';
const SITE = 'https://kennisplatform.example.org';

/** What each language version of the congress looks like in the built site. */
const CONGRESS = {
  nl: {
    index: '/evenementen/',
    page: `/evenementen/${SLUG}/`,
    ics: `/evenementen/${SLUG}.ics`,
    sessionIcs: `/evenementen/${SLUG}/${SESSION}.ics`,
    agenda: '/agenda.ics',
    cards: [`/evenementen/${SLUG}/${SESSION}/kaart/`, `/evenementen/${SLUG}/${SESSION}/kaart/a5/`],
    sessionTitle:
      'Workshop Justice &amp; Peace: burgerparticipatie bij de opvang van nieuwkomers via community sponsorship',
    timeUnknown: 'Tijdstip niet bekend',
    materials: { handout: '/materialen/voorbeeld-handout-workshop/', slides: '/materialen/example-slides-workshop/' },
  },
  en: {
    index: '/en/events/',
    page: `/en/events/${SLUG}/`,
    ics: `/en/events/${SLUG}.ics`,
    sessionIcs: `/en/events/${SLUG}/${SESSION}.ics`,
    agenda: '/en/agenda.ics',
    cards: [`/en/events/${SLUG}/${SESSION}/card/`, `/en/events/${SLUG}/${SESSION}/card/a5/`],
    sessionTitle:
      'Justice &amp; Peace workshop: civic participation in welcoming newcomers through community sponsorship',
    timeUnknown: 'Time not known',
    materials: {
      handout: '/en/materials/voorbeeld-handout-workshop/',
      slides: '/en/materials/example-slides-workshop/',
    },
  },
} as const;
const LANGS = ['nl', 'en'] as const;

const FILES = {
  handout: '/uploads/voorbeeld-handout-workshop.pdf',
  slides: '/uploads/example-slides-workshop.pdf',
} as const;
/** Short codes and where they lead: the session to its anchor, a material to its page in its own language. */
const SHORT = {
  zhg8n: `/evenementen/${SLUG}/#${SESSION}`,
  j9eva: '/materialen/voorbeeld-handout-workshop/',
  '2ppb0': '/en/materials/example-slides-workshop/',
} as const;
const SESSION_CODE = 'zhg8n';
const MATERIAL_CODES = { handout: 'j9eva', slides: '2ppb0' } as const;
/** Format and size as the material pages show them, per language; the last line of each PDF's text. */
const MATERIAL_FACTS = {
  handout: {
    nl: 'PDF, 4,5 kB',
    en: 'PDF, 4.5 kB',
    pdfLine: 'Samen Hier Kennisplatform als voorbeeld; de echte workshopmaterialen zijn niet openbaar.',
  },
  slides: {
    nl: 'PDF, 6 kB',
    en: 'PDF, 6 kB',
    pdfLine:
      'Source: Justice &amp; Peace Nederland, article on the congress From Migration to Participation (2024). Made by the Samen Hier Kennisplatform project as an example; the real workshop materials',
  },
} as const;

/** node-ical reads a DATE value as local midnight; this gives back its calendar day. */
const isoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

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

function vevents(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe('content for these tests', () => {
  it('is the starter congress this file describes, in both languages, with its two materials', () => {
    const events = loadEvents();
    expect(events.map((e) => `${e.locale}/${e.slug}`).sort()).toEqual([`en/${SLUG}`, `nl/${SLUG}`]);
    for (const event of events) {
      expect(event.data).toMatchObject({
        start: '2024-05-16T00:00',
        end: '2024-05-16T00:00',
        allDay: true,
        status: 'scheduled',
      });
      expect(event.data.sessions.map((s) => [s.id, s.start, s.materials])).toEqual([
        [SESSION, undefined, ['voorbeeld-handout-workshop', 'example-slides-workshop']],
      ]);
    }
    expect(
      loadMaterials()
        .map((m) => [m.slug, m.data.file])
        .sort(),
    ).toEqual([
      ['example-slides-workshop', FILES.slides],
      ['voorbeeld-handout-workshop', FILES.handout],
    ]);
  });
});

describe('event pages', () => {
  it.each(LANGS)(
    '%s: the session has its anchor, title, speaker, materials and room card, and says its time is not known',
    (lang) => {
      const c = CONGRESS[lang];
      const block = sectionWith(fileAt(c.page), `id="${SESSION}"`);
      expect(block).toContain(c.sessionTitle);
      expect(block).toContain('Justice &amp; Peace Nederland');
      // An unknown time slot is said to be unknown, never guessed; and such a session gets no .ics of its own.
      expect(block).toContain(c.timeUnknown);
      expect(block).not.toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T/);
      expect(block).not.toContain(`href="${c.sessionIcs}"`);
      for (const material of ['handout', 'slides'] as const) {
        expect(block).toContain(`href="${c.materials[material]}"`);
        expect(block).toContain(`href="${FILES[material]}"`);
      }
      expect(block).toContain(`href="${c.cards[0]}"`);
    },
  );

  it.each(LANGS)('%s: the materials section lists both materials', (lang) => {
    const block = sectionWith(fileAt(CONGRESS[lang].page), 'class="event-materials"');
    for (const href of Object.values(CONGRESS[lang].materials)) expect(block).toContain(`href="${href}"`);
  });

  it.each(LANGS)('%s: the page shows the status, the day and an "add to calendar" link', (lang) => {
    const html = fileAt(CONGRESS[lang].page);
    expect(html).toContain('data-event-status="scheduled"');
    expect(html).toContain('datetime="2024-05-16"');
    expect(html).toContain(`<a class="add-to-calendar" href="${CONGRESS[lang].ics}"`);
  });
});

describe('upcoming and past, for a build on 2026-11-29', () => {
  it.each(LANGS)('the %s events index lists the congress (16 May 2024) as past, and links the agenda feed', (lang) => {
    const html = fileAt(CONGRESS[lang].index);
    expect(sectionWith(html, 'id="events-past"')).toContain(`data-event="${SLUG}"`);
    expect(sectionWith(html, 'id="events-upcoming"')).not.toContain('data-event="');
    expect(html).toContain(`href="${CONGRESS[lang].agenda}"`);
  });

  it.each(LANGS)('the %s congress page says it is past', (lang) => {
    expect(fileAt(CONGRESS[lang].page)).toContain('data-event-when="past"');
  });
});

describe('calendar files', () => {
  it.each(LANGS)(
    '%s: the congress .ics is one all-day event on 16 May 2024 in Utrecht (end exclusive: 17 May)',
    (lang) => {
      const parsed = vevents(fileAt(CONGRESS[lang].ics));
      // The session has no known time, so the file holds the event alone.
      expect(parsed).toHaveLength(1);
      const main = parsed[0]!;
      expect(main.uid).toBe(`event/${SLUG}@kennisplatform.example.org`);
      expect(main.datetype).toBe('date');
      expect(isoDate(main.start)).toBe('2024-05-16');
      expect(isoDate(main.end!)).toBe('2024-05-17');
      expect(main.status).toBe('CONFIRMED');
      expect(String(main.location)).toBe('Beatrixgebouw, Utrecht');
      expect(existsSync(join(testDist, CONGRESS[lang].sessionIcs))).toBe(false);
    },
  );

  it.each(LANGS)('the %s agenda feed is empty: the only event is past', (lang) => {
    const text = fileAt(CONGRESS[lang].agenda);
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(vevents(text)).toEqual([]);
  });
});

const shortDir = join(testDist, 'm');
const builtCodes = existsSync(shortDir) ? readdirSync(shortDir) : [];

describe('short links', () => {
  it('exist for the session and the two materials, and for nothing else', () => {
    expect(builtCodes.sort()).toEqual(Object.keys(SHORT).sort());
  });

  it.each(Object.entries(SHORT))('/m/%s/ redirects to %s, which exists', (code, target) => {
    const html = fileAt(`/m/${code}/`);
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${target}"`);
    expect(html).toContain(`<link rel="canonical" href="${SITE}${target}"`);
    expect(html).toContain(`href="${target}"`);
    expect(html).toContain('<meta name="robots" content="noindex"');
    const [path, anchor] = target.split('#');
    const page = fileAt(path!);
    if (anchor) expect(page).toContain(`id="${anchor}"`);
  });
});

describe('QR codes', () => {
  it.each(Object.keys(SHORT))('/m/%s/qr.svg decodes to its short URL', async (code) => {
    expect(await decodeQrSvg(fileAt(`/m/${code}/qr.svg`))).toBe(`${SITE}/m/${code}/`);
  });

  const cards = LANGS.flatMap((lang) => CONGRESS[lang].cards.map((path) => [path, lang] as const));
  it.each(cards)('room card %s shows the session and a QR code that decodes to its short URL', async (path, lang) => {
    const html = fileAt(path);
    expect(html).toContain(CONGRESS[lang].sessionTitle);
    expect(html).toContain(`>kennisplatform.example.org/m/${SESSION_CODE}</a>`);
    expect(html).toContain('<meta name="robots" content="noindex"');
    expect(html).toMatch(/@page \{ size: A[45] portrait/);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
    expect(await decodeQrSvg(svg)).toBe(`${SITE}/m/${SESSION_CODE}/`);
  });
});

describe('material pages', () => {
  const pages = (['handout', 'slides'] as const).flatMap((material) =>
    LANGS.map((lang) => [`${lang} ${material}`, material, lang] as const),
  );

  it.each(pages)(
    '%s: format and size of the file, the session that uses it, the download and the short link',
    (_, material, lang) => {
      const html = fileAt(CONGRESS[lang].materials[material]);
      expect(html).toContain(`href="${FILES[material]}"`);
      expect(html).toContain(MATERIAL_FACTS[material][lang]);
      expect(html).toContain(`data-material-use="${SLUG}#${SESSION}"`);
      expect(html).toContain(`href="${CONGRESS[lang].page}#${SESSION}"`);
      expect(html).toContain(`/m/${MATERIAL_CODES[material]}/`);
    },
  );

  it.each(pages)('%s: the text of its PDF is inside the indexed main content', (_, material, lang) => {
    const html = fileAt(CONGRESS[lang].materials[material]);
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main).toContain('<details class="material-text"');
    expect(main).toContain(MATERIAL_FACTS[material].pdfLine);
  });
});
