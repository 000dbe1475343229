/**
 * The SEO extras of a route, for the layout: structured data, breadcrumbs, social image, page type
 * and article dates. A view passes them on in one line:
 *
 *   const seo = await seoFor(route);
 *   <Base … {...seo}>
 *
 * Builders are pure (src/lib/jsonld.ts); this module only reads the route's content and settings.
 */
import { getImage } from 'astro:assets';
import { localeTags } from '../i18n/locales.ts';
import { homePath, sectionPath, type Section } from '../i18n/routes.ts';
import { useTranslations } from '../i18n/t.ts';
import { termLabel } from '../schema/vocabularies.ts';
import { SITE_URL } from '../site.config.ts';
import { article, event, organization, webSite, type Crumb, type JsonLd } from './jsonld.ts';
import type { Route } from './routes.ts';
import { DEFAULT_OG_IMAGE, type OgImage } from './seo-defaults.ts';
import { settings } from './settings.ts';

export interface SeoProps {
  jsonLd: JsonLd[];
  breadcrumbs: Crumb[];
  image: OgImage;
  type: 'website' | 'article';
  published?: Date;
  modified?: Date;
}

type Cover = { src: ImageMetadata; alt: string } | undefined;

/** Home › section › page, with the labels of the menu. Empty for the home and 404 pages. */
export function breadcrumbsFor(route: Route): Crumb[] {
  const t = useTranslations(route.locale);
  const home: Crumb = { label: t('nav.home'), href: homePath(route.locale) };
  const section = (s: Section): Crumb => ({
    label: t(`nav.${s}` as 'nav.practices'),
    href: sectionPath(route.locale, s),
  });
  switch (route.view) {
    case 'index':
      return [home, { ...section(route.collection), href: route.path }];
    case 'detail': {
      const here = { label: route.entry.data.title, href: route.path };
      return route.collection === 'pages' ? [home, here] : [home, section(route.collection), here];
    }
    case 'material':
      return [home, section('materials'), { label: route.entry.data.title, href: route.path }];
    default:
      return [];
  }
}

/** A cover as a 1200-pixel-wide JPEG for social media; the default image when there is none. */
export async function ogImageFor(cover: Cover): Promise<OgImage> {
  if (!cover) return DEFAULT_OG_IMAGE;
  const image = await getImage({ src: cover.src, width: Math.min(1200, cover.src.width), format: 'jpg' });
  return {
    src: image.src,
    alt: cover.alt,
    width: Number(image.attributes.width ?? cover.src.width),
    height: Number(image.attributes.height ?? cover.src.height),
    type: 'image/jpeg',
  };
}

export async function seoFor(route: Route): Promise<SeoProps> {
  const breadcrumbs = breadcrumbsFor(route);
  const inLanguage = localeTags[route.locale];
  const base: SeoProps = { jsonLd: [], breadcrumbs, image: DEFAULT_OG_IMAGE, type: 'website' };

  if (route.view === 'home') {
    return {
      ...base,
      jsonLd: [
        organization({ ...settings.organisation, email: settings.email }, SITE_URL),
        webSite(
          { name: settings.name, url: homePath(route.locale), description: settings.mission[route.locale], inLanguage },
          SITE_URL,
        ),
      ],
    };
  }
  if (route.view !== 'detail') return base;

  const { collection, entry } = route;
  if (collection === 'practices' || collection === 'news') {
    const data = entry.data as {
      title: string;
      summary: string;
      published: Date;
      updated?: Date;
      themes?: string[];
      cover?: Cover;
    };
    const image = await ogImageFor(data.cover);
    return {
      ...base,
      image,
      type: 'article',
      published: data.published,
      modified: data.updated,
      jsonLd: [
        article(
          {
            url: route.path,
            headline: data.title,
            description: data.summary,
            datePublished: data.published,
            dateModified: data.updated,
            inLanguage,
            image: image.src,
            keywords: (data.themes ?? []).map((id) => termLabel('themes', id, route.locale)),
            publisher: settings.organisation,
          },
          SITE_URL,
        ),
      ],
    };
  }
  if (collection === 'events') {
    const data = entry.data as import('../schema/events.ts').EventData;
    return {
      ...base,
      jsonLd: [
        event(
          {
            url: route.path,
            name: data.title,
            description: data.summary,
            start: data.start,
            end: data.end,
            allDay: data.allDay,
            status: data.status,
            venue: data.venue,
            online: data.online,
            organisers: data.organisers,
            knownOrganisations: [settings.organisation],
            registration: data.registration,
            inLanguage,
            image: DEFAULT_OG_IMAGE.src,
            // Sessions with a known time slot become subEvents; the others would need a guessed time.
            sessions: data.sessions.filter((s): s is typeof s & { start: string; end: string } =>
              Boolean(s.start && s.end),
            ),
          },
          SITE_URL,
        ),
      ],
    };
  }
  if (collection === 'cases') {
    const data = entry.data as { cover?: Cover };
    return { ...base, image: await ogImageFor(data.cover) };
  }
  return base;
}
