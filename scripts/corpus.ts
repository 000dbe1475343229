/**
 * A seeded, generated content folder for benchmarks and tests: practices, municipality cases, events with
 * sessions, news, materials and pages in Dutch (always) and English (most), valid against src/schema and the
 * MDX allow-list. The same seed and count always give the same files.
 *
 *   node scripts/corpus.ts --count 1000 --out /tmp/corpus [--seed 1]
 *   import { generateCorpus } from './corpus.ts'   (tests use a small count)
 *
 * `count` is the number of collection entries (content files: each language version counts, a material counts once).
 * Point the site at the result with CONTENT_DIR=<out>/content. Never commit a generated corpus.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { vocabularies } from '../src/schema/vocabularies.ts';
import type { CollectionName } from '../src/schema/collections.ts';

export interface CorpusOptions {
  /** Folder to create; the content goes into <out>/content. Emptied first. */
  out: string;
  /** Number of entries (content files), at least 12. */
  count: number;
  seed?: number;
}

export interface CorpusEntry {
  collection: CollectionName;
  slug: string;
  locale: 'nl' | 'en' | null;
  title: string;
}

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Town names, the same in both languages. */
const PLACES = [
  'Zwolle',
  'Leiden',
  'Groningen',
  'Tilburg',
  'Deventer',
  'Amersfoort',
  'Haarlem',
  'Nijmegen',
  'Assen',
  'Middelburg',
  'Venlo',
  'Lelystad',
  'Alkmaar',
  'Delft',
  'Breda',
  'Emmen',
];
const words = {
  nl: {
    nouns: [
      'gemeente',
      'groep',
      'nieuwkomer',
      'buurt',
      'vrijwilliger',
      'woning',
      'taalcoach',
      'werkgever',
      'school',
      'bibliotheek',
      'wethouder',
      'beleidsmedewerker',
      'provincie',
      'sponsorgroep',
      'welkomgroep',
      'statushouder',
      'student',
      'coördinator',
      'netwerk',
      'buurthuis',
      'sportclub',
      'huisarts',
      'budget',
      'subsidie',
      'evaluatie',
      'matching',
      'actieplan',
      'steunjaar',
      'kennismaking',
      'training',
    ],
    verbs: [
      'verbindt',
      'ondersteunt',
      'organiseert',
      'begeleidt',
      'versterkt',
      'financiert',
      'evalueert',
      'verwelkomt',
      'informeert',
      'betrekt',
      'regelt',
      'bespreekt',
    ],
    adjectives: [
      'lokale',
      'betrokken',
      'praktische',
      'duidelijke',
      'nieuwe',
      'kleine',
      'stevige',
      'open',
      'gezamenlijke',
      'eerste',
      'vaste',
      'realistische',
    ],
    places: PLACES,
    headings: [
      'Wat werkt',
      'Hoe het begon',
      'Wat u nodig hebt',
      'Lessen',
      'Wat de gemeente doet',
      'Rol van de groep',
      'Tips voor de start',
      'Wat nog open is',
    ],
    glue: ['en', 'met', 'voor', 'in', 'samen met', 'dankzij', 'naast'],
  },
  en: {
    nouns: [
      'municipality',
      'group',
      'newcomer',
      'neighbourhood',
      'volunteer',
      'home',
      'language coach',
      'employer',
      'school',
      'library',
      'alderman',
      'policy officer',
      'province',
      'sponsor group',
      'welcome group',
      'status holder',
      'student',
      'coordinator',
      'network',
      'community centre',
      'sports club',
      'doctor',
      'budget',
      'grant',
      'evaluation',
      'matching',
      'action plan',
      'support year',
      'introduction',
      'training',
    ],
    verbs: [
      'connects',
      'supports',
      'organises',
      'guides',
      'strengthens',
      'funds',
      'evaluates',
      'welcomes',
      'informs',
      'involves',
      'arranges',
      'discusses',
    ],
    adjectives: [
      'local',
      'committed',
      'practical',
      'clear',
      'new',
      'small',
      'solid',
      'open',
      'joint',
      'first',
      'regular',
      'realistic',
    ],
    places: PLACES,
    headings: [
      'What works',
      'How it started',
      'What you need',
      'Lessons',
      'What the municipality does',
      'Role of the group',
      'Tips for the start',
      'What is still open',
    ],
    glue: ['and', 'with', 'for', 'in', 'together with', 'thanks to', 'next to'],
  },
} as const;

type Lang = keyof typeof words;

/**
 * A long tail of made-up words (names of places, projects, organisations), so that, as in real text, most
 * words are rare and a few are everywhere. Rank 0 is the most frequent. The same list in both languages.
 */
const syllables = [
  'ber',
  'dal',
  'ven',
  'lo',
  'kra',
  'mus',
  'ter',
  'wijk',
  'sa',
  'gro',
  'bel',
  'hof',
  'ni',
  'pol',
  'dor',
  'ke',
  'stra',
  'vel',
  'mo',
  'lin',
];
export const TAIL_SIZE = 4000;
export function tailWord(rank: number): string {
  let word = '';
  for (let n = rank + 1000; n > 0; n = Math.floor(n / syllables.length)) word += syllables[n % syllables.length];
  return word;
}

export function generateCorpus({ out, count, seed = 1 }: CorpusOptions): CorpusEntry[] {
  if (count < 12) throw new Error('generateCorpus: count must be at least 12');
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const ids = (name: keyof typeof vocabularies) => vocabularies[name].map((t) => t.id);
  const content = join(out, 'content');
  rmSync(out, { recursive: true, force: true });
  const entries: CorpusEntry[] = [];

  /** Zipf-like: low ranks are drawn far more often than high ones. */
  const tail = () => tailWord(Math.floor(TAIL_SIZE * rnd() ** 3));
  const sentence = (lang: Lang) => {
    const w = words[lang];
    const s = `${pick(w.adjectives)} ${pick(w.nouns)} ${pick(w.verbs)} ${pick(w.adjectives)} ${pick(w.nouns)} ${pick(w.glue)} ${pick(w.places)} ${pick(w.glue)} ${tail()} ${pick(w.nouns)}`;
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (lang: Lang) => Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => sentence(lang)).join(' ');
  const body = (lang: Lang) => {
    const sections = some(words[lang].headings, 2, 4);
    const parts = sections.map((h) => `## ${h}\n\n${paragraph(lang)}\n\n${paragraph(lang)}`);
    if (rnd() < 0.3) parts.push(`<Callout type="tip">\n${sentence(lang)}\n</Callout>`);
    return `${parts.join('\n\n')}\n`;
  };
  const date = (from: number, span: number) => {
    const d = new Date(Date.UTC(from, 0, 1) + Math.floor(rnd() * span * 365) * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const write = (file: string, text: string) => {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  };
  const mdx = (folder: string, lang: Lang, slug: string, data: Record<string, unknown>, text: string) =>
    write(
      join(content, folder, lang, `${slug}.mdx`),
      `---\n${yaml.dump(data, { lineWidth: 200, quotingType: '"' })}---\n\n${text}`,
    );

  // Budget: entries are files. MDX items have a Dutch file and, 3 in 4 times, an English one.
  const share = { practices: 0.3, cases: 0.12, events: 0.06, news: 0.2, pages: 0.04, materials: 0.28 };
  let remaining = count;
  const budget = Object.fromEntries(
    Object.entries(share).map(([k, v]) => [k, Math.max(2, Math.floor(count * v))]),
  ) as Record<keyof typeof share, number>;
  budget.materials += count - Object.values(budget).reduce((a, b) => a + b, 0);

  const titleCase = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;
  const itemTitle = (lang: Lang, n: number) =>
    titleCase(
      `${pick(words[lang].adjectives)} ${pick(words[lang].nouns)} ${pick(words[lang].glue)} ${pick(words[lang].places)} ${n}`,
    );

  /** Writes one MDX item in nl and maybe en; returns how many files it wrote. */
  const item = (
    collection: Exclude<CorpusEntry['collection'], 'materials'>,
    slug: string,
    left: number,
    data: (lang: Lang, n: number) => Record<string, unknown>,
  ) => {
    const langs: Lang[] = left >= 2 && rnd() < 0.75 ? ['nl', 'en'] : ['nl'];
    const n = entries.length + 1;
    for (const lang of langs) {
      const d = data(lang, n);
      mdx(collection, lang, slug, d, body(lang));
      entries.push({ collection, slug, locale: lang, title: String(d.title) });
    }
    return langs.length;
  };

  // Materials first, so events can list them in their sessions.
  const materials: string[] = [];
  for (let i = 0; i < budget.materials; i++) {
    const slug = `materiaal-${i + 1}`;
    const lang = rnd() < 0.7 ? 'nl' : 'en';
    const title = itemTitle(lang, i + 1);
    const data = {
      title,
      description: paragraph(lang).slice(0, 280),
      type: pick(ids('materialTypes')),
      language: lang,
      url: `https://example.org/materials/${slug}.pdf`,
      themes: some(ids('themes'), 1, 3),
      date: date(2019, 7),
    };
    write(join(content, 'materials', `${slug}.yaml`), yaml.dump(data, { lineWidth: 200 }));
    entries.push({ collection: 'materials', slug, locale: null, title });
    materials.push(slug);
  }
  remaining -= budget.materials;

  const practices: string[] = [];
  for (let left = budget.practices, i = 1; left > 0; i++) {
    const slug = `praktijk-${i}`;
    practices.push(slug);
    left -= item('practices', slug, left, (lang, n) => ({
      title: itemTitle(lang, n),
      summary: sentence(lang) + ' ' + sentence(lang),
      themes: some(ids('themes'), 1, 3),
      phases: some(ids('phases'), 1, 2),
      audiences: some(ids('audiences'), 1, 3),
      variants: some(ids('variants'), 1, 2),
      published: date(2020, 6),
      example: rnd() < 0.05,
    }));
  }

  for (let left = budget.cases, i = 1; left > 0; i++) {
    const place = `${pick(words.nl.places)}-${i}`;
    left -= item('cases', `gemeente-${i}`, left, (lang, n) => ({
      title: `${place}: ${pick(words[lang].adjectives)} ${pick(words[lang].nouns)} ${n}`,
      summary: sentence(lang) + ' ' + sentence(lang),
      municipality: place,
      province: pick(ids('provinces')),
      status: pick(ids('caseStatuses')),
      variants: some(ids('variants'), 1, 2),
      practices: some(practices, 0, 2),
      published: date(2020, 6),
    }));
  }

  const events: string[] = [];
  for (let left = budget.events, i = 1; left > 0; i++) {
    const slug = `evenement-${i}`;
    events.push(slug);
    const day = date(2019, 8);
    const sessionMaterials = some(materials, 1, 4);
    left -= item('events', slug, left, (lang, n) => ({
      title: itemTitle(lang, n),
      summary: sentence(lang) + ' ' + sentence(lang),
      type: pick(ids('eventTypes')),
      start: `${day}T09:30`,
      end: `${day}T16:30`,
      venue: { name: `${pick(words[lang].nouns)} ${pick(words[lang].places)}`, city: pick(words[lang].places) },
      organisers: ['Samen Hier'],
      themes: some(ids('themes'), 1, 3),
      sessions: [
        {
          id: 'ochtend',
          title: sentence(lang).slice(0, 80),
          start: `${day}T10:00`,
          end: `${day}T11:00`,
          materials: sessionMaterials.slice(0, 2),
        },
        {
          id: 'middag',
          title: sentence(lang).slice(0, 80),
          start: `${day}T13:00`,
          end: `${day}T14:30`,
          materials: sessionMaterials.slice(2),
        },
      ],
      published: day,
    }));
  }

  for (let left = budget.pages, i = 1; left > 0; i++) {
    const slug = ['contact', 'privacy', 'toegankelijkheid'][i - 1] ?? `pagina-${i}`;
    left -= item('pages', slug, left, (lang, n) => ({
      title: itemTitle(lang, n),
      description: sentence(lang),
      updated: date(2023, 3),
    }));
  }

  // News takes whatever is left, so the total is exact.
  remaining = count - entries.length;
  for (let i = 1; remaining > 0; i++) {
    remaining -= item('news', `nieuws-${i}`, remaining, (lang, n) => ({
      title: itemTitle(lang, n),
      summary: sentence(lang) + ' ' + sentence(lang),
      published: date(2020, 6),
      practices: some(practices, 0, 2),
      events: events.length ? some(events, 0, 1) : [],
    }));
  }

  write(
    join(content, 'settings', 'site.yaml'),
    yaml.dump({
      name: 'Samen Hier Kennisplatform',
      mission: {
        nl: 'Een gegenereerde testverzameling voor metingen.',
        en: 'A generated test corpus for measurements.',
      },
      callToAction: { nl: 'Neem contact op voor meer informatie.', en: 'Get in touch for more information.' },
      email: 'info@example.org',
      organisation: { name: 'Justice & Peace Nederland', url: 'https://justiceandpeace.nl' },
      website: 'https://samenhier.nl',
    }),
  );
  return entries;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  if (!values.out) {
    console.error('Usage: node scripts/corpus.ts --count 1000 --out <folder> [--seed 1]');
    process.exit(1);
  }
  const entries = generateCorpus({ out: values.out, count: Number(values.count), seed: Number(values.seed) });
  console.log(
    `${entries.length} entries in ${join(values.out, 'content')} (use CONTENT_DIR=${join(values.out, 'content')})`,
  );
}
