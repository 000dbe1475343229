/**
 * URL segments per language: the one place that decides what a page's address is.
 * Dutch at /, English under /en/. Every listed collection of the registry (src/schema/collections.ts) has its
 * index here under its own name (a type error otherwise); pages live at the root.
 */
import { defaultLocale, type Locale } from './locales.ts';
import type { CollectionName, ListedCollection } from '../schema/collections.ts';

export const sections = {
  practices: { nl: 'goede-praktijken', en: 'best-practices' },
  cases: { nl: 'gemeenten', en: 'municipalities' },
  events: { nl: 'evenementen', en: 'events' },
  materials: { nl: 'materialen', en: 'materials' },
  news: { nl: 'nieuws', en: 'news' },
  start: { nl: 'starten-in-uw-gemeente', en: 'start-in-your-municipality' },
  search: { nl: 'zoeken', en: 'search' },
  /** What is saved on this device for use without a connection (src/offline/). */
  offline: { nl: 'offline', en: 'offline' },
} as const satisfies Record<ListedCollection | 'start' | 'search' | 'offline', Record<Locale, string>>;

export type Section = keyof typeof sections;

/**
 * Filtered listings of best practices, one static page per vocabulary term, e.g.
 * /goede-praktijken/thema/housing/ and /en/best-practices/theme/housing/. Term ids are stable and
 * language-neutral (see src/schema/vocabularies.ts), so the same id works in both languages.
 */
export const facetSegments = {
  themes: { nl: 'thema', en: 'theme' },
  phases: { nl: 'fase', en: 'phase' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ListingFacet = keyof typeof facetSegments;

/** Path of the best-practice listing filtered on one term. */
export function facetPath(locale: Locale, facet: ListingFacet, id: string): string {
  return `${sectionPath(locale, 'practices')}${facetSegments[facet][locale]}/${id}/`;
}

/** Root of a language: "/" or "/en/". */
export function homePath(locale: Locale): string {
  return locale === defaultLocale ? '/' : `/${locale}/`;
}

/** Path of a section index, or of an entry in it. */
export function sectionPath(locale: Locale, section: Section, slug?: string): string {
  return `${homePath(locale)}${sections[section][locale]}/${slug ? `${slug}/` : ''}`;
}

/** Path of a standalone page (content/pages), e.g. /over-samen-hier/ or /en/over-samen-hier/. */
export function pagePath(locale: Locale, slug: string): string {
  return `${homePath(locale)}${slug}/`;
}

/** Every collection has detail pages (src/pages/[...path].astro). */
export type EntryCollection = CollectionName;

/** Path of an entry's detail page in a language; `slug` is the language-neutral file name. */
export function entryPath(collection: EntryCollection, slug: string, locale: Locale): string {
  return collection === 'pages' ? pagePath(locale, slug) : sectionPath(locale, collection, slug);
}

/** URL segments below an event (see src/lib/event-paths.ts): a session's printable room card, A5 variant. */
export const eventSubpages = {
  roomCard: { nl: 'kaart', en: 'card' },
  a5: { nl: 'a5', en: 'a5' },
} as const satisfies Record<string, Record<Locale, string>>;
