/**
 * The list of collections and what other code needs to know about each one: its folder and format, whether it has
 * an index page in the main menu (`listed`) and whether search indexes it (`searchable`). This file holds plain
 * data without zod, so config-time code (src/lib/sitemap.ts) and browser code can read it; src/schema/index.ts adds
 * each collection's schema. Two facts have their own home and are read here, never repeated:
 * - the URL segment of a listed collection: `sections` in src/i18n/routes.ts (every address of the site is decided there);
 * - the plural label of a listed collection: `nav.<name>` in src/i18n/ui/{nl,en}.json (the menu's UI strings);
 *   a collection outside the menu (pages) has its label here, the only place it is needed.
 */
import nl from '../i18n/ui/nl.json' with { type: 'json' };
import en from '../i18n/ui/en.json' with { type: 'json' };
import type { Bilingual } from './field.ts';

export interface CollectionFacts {
  /** Folder under content/. */
  folder: string;
  /** `mdx` entries live in nl/ and en/ subfolders (same file name = same item); `yaml` entries are language-neutral. */
  format: 'mdx' | 'yaml';
  /** Has an index page, linked from the main menu, the 404 page and the sitemap of sections. */
  listed: boolean;
  /** Indexed by Pagefind and offered as a "type" filter on the search page. */
  searchable: boolean;
  /** Plural label, only for a collection that is not listed (a listed one takes its menu label `nav.<name>`). */
  label?: Bilingual;
  /** Singular label for "new …" buttons, feed categories and search result types. */
  labelSingular: Bilingual;
}

const facts = {
  practices: {
    folder: 'practices',
    format: 'mdx',
    listed: true,
    searchable: true,
    labelSingular: { nl: 'Goede praktijk', en: 'Best practice' },
  },
  cases: {
    folder: 'cases',
    format: 'mdx',
    listed: true,
    searchable: true,
    labelSingular: { nl: 'Gemeente', en: 'Municipality' },
  },
  events: {
    folder: 'events',
    format: 'mdx',
    listed: true,
    searchable: true,
    labelSingular: { nl: 'Evenement', en: 'Event' },
  },
  materials: {
    folder: 'materials',
    format: 'yaml',
    listed: true,
    searchable: true,
    labelSingular: { nl: 'Materiaal', en: 'Material' },
  },
  news: {
    folder: 'news',
    format: 'mdx',
    listed: true,
    searchable: true,
    labelSingular: { nl: 'Nieuwsbericht', en: 'News item' },
  },
  pages: {
    folder: 'pages',
    format: 'mdx',
    listed: false,
    searchable: true,
    label: { nl: "Pagina's", en: 'Pages' },
    labelSingular: { nl: 'Pagina', en: 'Page' },
  },
} as const satisfies Record<string, CollectionFacts>;

export type CollectionName = keyof typeof facts;
/** Every collection, in menu order. */
export const collectionNames = Object.keys(facts) as CollectionName[];

/** Collections written per language (nl/ and en/ subfolders): entry ids are "<locale>/<slug>". */
export type LocalizedCollection = {
  [N in CollectionName]: (typeof facts)[N]['format'] extends 'mdx' ? N : never;
}[CollectionName];
/** Collections with an index page in the main menu. */
export type ListedCollection = {
  [N in CollectionName]: (typeof facts)[N]['listed'] extends true ? N : never;
}[CollectionName];

export const localizedCollections = collectionNames.filter((n): n is LocalizedCollection => facts[n].format === 'mdx');
export const listedCollections = collectionNames.filter((n): n is ListedCollection => facts[n].listed);
export const searchableCollections = collectionNames.filter((n) => facts[n].searchable);

const dictionaries = { nl, en };
/** A collection's plural label in both languages, from the UI dictionaries. */
function labelOf(name: CollectionName): Bilingual {
  const own: CollectionFacts = facts[name];
  if (own.label) return own.label;
  const key = `nav.${name as ListedCollection}` as const;
  return { nl: dictionaries.nl[key], en: dictionaries.en[key] };
}

export type CollectionInfo<N extends CollectionName = CollectionName> = (typeof facts)[N] & {
  name: N;
  label: Bilingual;
};

export const collectionInfo = Object.fromEntries(
  collectionNames.map((name) => [name, { ...facts[name], name, label: labelOf(name) }]),
) as {
  [N in CollectionName]: CollectionInfo<N>;
};
