/**
 * schema.org structured data (JSON-LD) as plain objects: pure builders, no Astro imports, so they
 * are unit-tested directly. src/lib/seo.ts feeds them from the content; src/components/JsonLd.astro
 * writes them into the page with serializeJsonLd().
 *
 * Home: Organization (+ WebSite). Practices and news: Article. Events: Event. Every page below the
 * home: BreadcrumbList.
 */
import { isoWithOffset } from './time/index.ts';

export type JsonLd = { '@context'?: 'https://schema.org'; '@type': string | string[] } & { [key: string]: unknown };

const CONTEXT = 'https://schema.org' as const;

/** An absolute URL for a site path ("/nieuws/x/") or a URL that already is absolute. */
export function absoluteUrl(href: string, siteUrl: string): string {
  return new URL(href, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/** A calendar date as schema.org Date ("2024-05-16"); dates from content are midnight UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Role addresses on reserved example domains (RFC 2606) are placeholders: never publish them as facts. */
export function isPlaceholderEmail(email: string | undefined): boolean {
  return !email || /@(?:[^@]+\.)?example\.(?:org|com|net)$/i.test(email) || /@example$/i.test(email);
}

/* ---------- Organization and WebSite (home) ---------- */

export interface OrganizationInput {
  name: string;
  url: string;
  email?: string;
  logo?: string;
  sameAs?: string[];
}

export function organizationId(siteUrl: string): string {
  return `${absoluteUrl('/', siteUrl)}#organization`;
}

export function organization(org: OrganizationInput, siteUrl: string): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'Organization',
    '@id': organizationId(siteUrl),
    name: org.name,
    url: org.url,
    ...(org.email && !isPlaceholderEmail(org.email) ? { email: org.email } : {}),
    ...(org.logo ? { logo: absoluteUrl(org.logo, siteUrl) } : {}),
    ...(org.sameAs?.length ? { sameAs: org.sameAs } : {}),
  };
}

export interface WebSiteInput {
  name: string;
  url: string;
  description?: string;
  inLanguage: string;
}

export function webSite(site: WebSiteInput, siteUrl: string): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': `${absoluteUrl(site.url, siteUrl)}#website`,
    name: site.name,
    url: absoluteUrl(site.url, siteUrl),
    ...(site.description ? { description: site.description } : {}),
    inLanguage: site.inLanguage,
    publisher: { '@id': organizationId(siteUrl) },
  };
}

/** A reference to the site's organization with its name, for use inside other nodes. */
function publisherRef(org: OrganizationInput, siteUrl: string) {
  return { '@type': 'Organization', '@id': organizationId(siteUrl), name: org.name, url: org.url };
}

/* ---------- Article (practices, news) ---------- */

export interface ArticleInput {
  url: string;
  headline: string;
  description?: string;
  datePublished: Date;
  dateModified?: Date;
  /** BCP 47 language tag, e.g. "nl-NL". */
  inLanguage: string;
  /** Absolute or site-relative image URL. */
  image?: string;
  /** Subjects (theme labels), as keywords. */
  keywords?: string[];
  publisher: OrganizationInput;
}

export function article(input: ArticleInput, siteUrl: string): JsonLd {
  const url = absoluteUrl(input.url, siteUrl);
  const publisher = publisherRef(input.publisher, siteUrl);
  return {
    '@context': CONTEXT,
    '@type': 'Article',
    '@id': `${url}#article`,
    mainEntityOfPage: url,
    url,
    headline: input.headline,
    ...(input.description ? { description: input.description } : {}),
    datePublished: isoDate(input.datePublished),
    dateModified: isoDate(input.dateModified ?? input.datePublished),
    inLanguage: input.inLanguage,
    ...(input.image ? { image: absoluteUrl(input.image, siteUrl) } : {}),
    ...(input.keywords?.length ? { keywords: input.keywords.join(', ') } : {}),
    author: publisher,
    publisher,
  };
}

/* ---------- Event ---------- */

export const eventStatusTypes = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
  'moved-online': 'https://schema.org/EventMovedOnline',
} as const;

export type EventStatusId = keyof typeof eventStatusTypes;

export const attendanceModes = {
  offline: 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  mixed: 'https://schema.org/MixedEventAttendanceMode',
} as const;

export interface EventInput {
  url: string;
  name: string;
  description?: string;
  /** Amsterdam wall-clock times, "YYYY-MM-DDTHH:mm". */
  start: string;
  end: string;
  /** Only the days are known or relevant: dates without times. */
  allDay?: boolean;
  status: EventStatusId;
  venue?: { name: string; address?: string; city: string };
  online?: string;
  organisers: string[];
  /** Organisations whose website is known (matched by name), e.g. the site's own organisation. */
  knownOrganisations?: OrganizationInput[];
  registration?: string;
  inLanguage: string;
  image?: string;
  /** Sessions become subEvents (speakers are left out: the content does not say whether a speaker is a person or an organisation). */
  sessions?: {
    id: string;
    title: string;
    start: string;
    end: string;
    room?: string | undefined;
    description?: string | undefined;
  }[];
}

export function eventStatusType(status: string): string {
  const type = eventStatusTypes[status as EventStatusId];
  if (!type)
    throw new Error(`Unknown event status "${status}": use one of ${Object.keys(eventStatusTypes).join(', ')}`);
  return type;
}

function place(venue: NonNullable<EventInput['venue']>) {
  return {
    '@type': 'Place',
    name: venue.name,
    address: {
      '@type': 'PostalAddress',
      ...(venue.address ? { streetAddress: venue.address } : {}),
      addressLocality: venue.city,
    },
  };
}

export function event(input: EventInput, siteUrl: string): JsonLd {
  const url = absoluteUrl(input.url, siteUrl);
  const movedOnline = input.status === 'moved-online';
  const physical = input.venue && !movedOnline ? place(input.venue) : undefined;
  // A moved-online event without its own link still needs a VirtualLocation: the event page tells how to join.
  const virtual = input.online || movedOnline ? { '@type': 'VirtualLocation', url: input.online ?? url } : undefined;
  const locations = [physical, virtual].filter(Boolean);
  const mode = physical && virtual ? attendanceModes.mixed : virtual ? attendanceModes.online : attendanceModes.offline;
  const known = new Map((input.knownOrganisations ?? []).map((o) => [o.name.toLowerCase(), o]));
  const organizer = input.organisers.map((name) => {
    const org = known.get(name.toLowerCase());
    return { '@type': 'Organization', name, ...(org ? { url: org.url } : {}) };
  });
  const location = locations.length === 1 ? locations[0] : locations;
  return {
    '@context': CONTEXT,
    '@type': 'Event',
    '@id': `${url}#event`,
    url,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    // schema.org takes a plain Date for whole days: no time is claimed that is not known.
    startDate: input.allDay ? input.start.slice(0, 10) : isoWithOffset(input.start),
    endDate: input.allDay ? input.end.slice(0, 10) : isoWithOffset(input.end),
    eventStatus: eventStatusType(input.status),
    eventAttendanceMode: mode,
    location,
    organizer: organizer.length === 1 ? organizer[0] : organizer,
    inLanguage: input.inLanguage,
    ...(input.image ? { image: absoluteUrl(input.image, siteUrl) } : {}),
    ...(input.registration ? { offers: { '@type': 'Offer', url: input.registration } } : {}),
    ...(input.sessions?.length
      ? {
          subEvent: input.sessions.map((s) => ({
            '@type': 'Event',
            '@id': `${url}#${s.id}`,
            url: `${url}#${s.id}`,
            name: s.title,
            ...(s.description ? { description: s.description } : {}),
            startDate: isoWithOffset(s.start),
            endDate: isoWithOffset(s.end),
            eventStatus: eventStatusType(input.status),
            eventAttendanceMode: mode,
            location: s.room && physical ? { ...physical, name: `${s.room}, ${physical.name}` } : location,
          })),
        }
      : {}),
  };
}

/* ---------- BreadcrumbList ---------- */

export interface Crumb {
  label: string;
  href: string;
}

export function breadcrumbList(items: readonly Crumb[], siteUrl: string): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.label,
      item: absoluteUrl(item.href, siteUrl),
    })),
  };
}

/* ---------- Serialising ---------- */

/**
 * JSON for inside <script type="application/ld+json">: `<`, `>` and `&` become \u003c, \u003e,
 * \u0026 so that no content (a title with "</script>") can end the script element or start a
 * comment, and U+2028/U+2029 are escaped for old JavaScript parsers. The result is still plain JSON.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
