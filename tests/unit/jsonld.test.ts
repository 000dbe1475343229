import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  article,
  breadcrumbList,
  event,
  eventStatusType,
  isPlaceholderEmail,
  organization,
  serializeJsonLd,
  webSite,
  type EventInput,
} from '../../src/lib/jsonld.ts';

const SITE = 'https://kennisplatform.example.org';
const org = { name: 'Justice & Peace Nederland', url: 'https://justiceandpeace.nl', email: 'info@example.org' };

describe('absoluteUrl', () => {
  it('resolves site paths against the site and keeps absolute URLs', () => {
    expect(absoluteUrl('/nieuws/x/', SITE)).toBe(`${SITE}/nieuws/x/`);
    expect(absoluteUrl('/en/', `${SITE}/`)).toBe(`${SITE}/en/`);
    expect(absoluteUrl('https://samenhier.nl/faq', SITE)).toBe('https://samenhier.nl/faq');
  });
});

describe('organization and webSite', () => {
  it('describes the organisation without publishing a placeholder e-mail address', () => {
    const node = organization(org, SITE);
    expect(node).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: org.name,
      url: org.url,
      '@id': `${SITE}/#organization`,
    });
    expect(node).not.toHaveProperty('email');
    expect(organization({ ...org, email: 'kennis@samenhier.nl' }, SITE)).toHaveProperty('email', 'kennis@samenhier.nl');
  });

  it('recognises placeholder addresses', () => {
    expect(isPlaceholderEmail('info@example.org')).toBe(true);
    expect(isPlaceholderEmail('a@mail.example.com')).toBe(true);
    expect(isPlaceholderEmail('info@samenhier.nl')).toBe(false);
  });

  it('links the website to its publisher', () => {
    const node = webSite({ name: 'Samen Hier Kennisplatform', url: '/en/', inLanguage: 'en-GB' }, SITE);
    expect(node).toMatchObject({
      '@type': 'WebSite',
      url: `${SITE}/en/`,
      inLanguage: 'en-GB',
      publisher: { '@id': `${SITE}/#organization` },
    });
  });
});

describe('article', () => {
  const base = {
    url: '/goede-praktijken/steun-door-een-groep/',
    headline: 'Steun door een groep',
    description: 'Samenvatting',
    datePublished: new Date('2024-05-20'),
    inLanguage: 'nl-NL',
    publisher: org,
  };

  it('has headline, dates, author and publisher', () => {
    const node = article({ ...base, keywords: ['Matchen', 'Wonen'], image: '/og-default.png' }, SITE);
    expect(node).toMatchObject({
      '@type': 'Article',
      url: `${SITE}/goede-praktijken/steun-door-een-groep/`,
      mainEntityOfPage: `${SITE}/goede-praktijken/steun-door-een-groep/`,
      headline: 'Steun door een groep',
      datePublished: '2024-05-20',
      dateModified: '2024-05-20',
      inLanguage: 'nl-NL',
      image: `${SITE}/og-default.png`,
      keywords: 'Matchen, Wonen',
      publisher: { '@type': 'Organization', name: org.name },
      author: { '@type': 'Organization', name: org.name },
    });
  });

  it('uses the update date as dateModified', () => {
    expect(article({ ...base, dateModified: new Date('2024-06-01') }, SITE).dateModified).toBe('2024-06-01');
  });
});

describe('event', () => {
  const congress: EventInput = {
    url: '/evenementen/congres/',
    name: 'Congres Van Migratie tot Participatie',
    start: '2024-05-16T09:30',
    end: '2024-05-16T17:00',
    status: 'scheduled',
    venue: { name: 'Beatrixgebouw', address: 'Jaarbeursplein 6', city: 'Utrecht' },
    organisers: ['VNG', 'Justice & Peace Nederland'],
    knownOrganisations: [org],
    inLanguage: 'nl-NL',
  };

  it('has the required fields with Amsterdam offsets', () => {
    const node = event(congress, SITE);
    expect(node).toMatchObject({
      '@type': 'Event',
      name: congress.name,
      startDate: '2024-05-16T09:30:00+02:00',
      endDate: '2024-05-16T17:00:00+02:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'Beatrixgebouw',
        address: { '@type': 'PostalAddress', streetAddress: 'Jaarbeursplein 6', addressLocality: 'Utrecht' },
      },
      organizer: [
        { '@type': 'Organization', name: 'VNG' },
        { '@type': 'Organization', name: org.name, url: org.url },
      ],
    });
    expect((node.organizer as object[])[0]).not.toHaveProperty('url');
  });

  it('uses the winter offset for a winter event', () => {
    expect(event({ ...congress, start: '2024-01-15T10:00', end: '2024-01-15T12:00' }, SITE)).toMatchObject({
      startDate: '2024-01-15T10:00:00+01:00',
      endDate: '2024-01-15T12:00:00+01:00',
    });
  });

  it('maps every status id to its schema.org EventStatusType', () => {
    expect(eventStatusType('scheduled')).toBe('https://schema.org/EventScheduled');
    expect(eventStatusType('cancelled')).toBe('https://schema.org/EventCancelled');
    expect(eventStatusType('postponed')).toBe('https://schema.org/EventPostponed');
    expect(eventStatusType('moved-online')).toBe('https://schema.org/EventMovedOnline');
    expect(() => eventStatusType('maybe')).toThrow(/Unknown event status "maybe"/);
  });

  it('describes online and mixed events with a VirtualLocation', () => {
    const online = event({ ...congress, venue: undefined, online: 'https://meet.example.org/x' }, SITE);
    expect(online).toMatchObject({
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: 'https://meet.example.org/x' },
    });
    const mixed = event({ ...congress, online: 'https://meet.example.org/x' }, SITE);
    expect(mixed.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    expect((mixed.location as { '@type': string }[]).map((l) => l['@type'])).toEqual(['Place', 'VirtualLocation']);
  });

  it('treats an event moved online as online, even without a link of its own', () => {
    const moved = event({ ...congress, status: 'moved-online' }, SITE);
    expect(moved).toMatchObject({
      eventStatus: 'https://schema.org/EventMovedOnline',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: `${SITE}/evenementen/congres/` },
    });
  });

  it('lists sessions as sub-events with their own anchors and times', () => {
    const node = event(
      {
        ...congress,
        sessions: [
          {
            id: 'workshop-samen-hier',
            title: 'Workshop',
            start: '2024-05-16T13:00',
            end: '2024-05-16T14:00',
            room: 'Zaal 3',
          },
        ],
      },
      SITE,
    );
    expect(node.subEvent).toEqual([
      expect.objectContaining({
        '@type': 'Event',
        url: `${SITE}/evenementen/congres/#workshop-samen-hier`,
        name: 'Workshop',
        startDate: '2024-05-16T13:00:00+02:00',
        endDate: '2024-05-16T14:00:00+02:00',
        location: expect.objectContaining({ '@type': 'Place', name: 'Zaal 3, Beatrixgebouw' }),
      }),
    ]);
  });

  it('adds the registration link as an offer', () => {
    expect(event({ ...congress, registration: 'https://vng.nl/aanmelden' }, SITE).offers).toEqual({
      '@type': 'Offer',
      url: 'https://vng.nl/aanmelden',
    });
  });
});

describe('breadcrumbList', () => {
  it('numbers the items from 1 with absolute URLs', () => {
    expect(
      breadcrumbList(
        [
          { label: 'Home', href: '/' },
          { label: 'Nieuws', href: '/nieuws/' },
          { label: 'Bericht', href: '/nieuws/x/' },
        ],
        SITE,
      ),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: `${SITE}/` },
        { '@type': 'ListItem', position: 2, name: 'Nieuws', item: `${SITE}/nieuws/` },
        { '@type': 'ListItem', position: 3, name: 'Bericht', item: `${SITE}/nieuws/x/` },
      ],
    });
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element or open a comment, and stays JSON', () => {
    const data = { name: '</script><script>alert(1)</script><!-- & \u2028' };
    const out = serializeJsonLd(data);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(out).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(out)).toEqual(data);
  });
});
