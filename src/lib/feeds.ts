/**
 * RSS per language: the news and best practices of that language, newest first. Example content is
 * left out (it is noindex and out of the sitemap too). Used by src/pages/rss.xml.ts and
 * src/pages/en/rss.xml.ts.
 */
import rss from '@astrojs/rss';
import { localeTags, type Locale } from '../i18n/locales.ts';
import { entryPath, homePath } from '../i18n/routes.ts';
import { useTranslations } from '../i18n/t.ts';
import { collections } from '../schema/index.ts';
import { termLabel } from '../schema/vocabularies.ts';
import { entriesIn, splitId } from './entries.ts';
import { settings } from './settings.ts';
import { feedPath } from './seo-defaults.ts';

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/** The items of a language's feed, newest first (ties: by title, so the feed is stable). */
export async function feedItems(locale: Locale): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  for (const collection of ['news', 'practices'] as const) {
    for (const entry of await entriesIn(collection, locale)) {
      const data = entry.data;
      if (data.example) continue;
      const themes = 'themes' in data ? data.themes.map((id) => termLabel('themes', id, locale)) : [];
      items.push({
        title: data.title,
        link: entryPath(collection, splitId(entry.id).slug, locale),
        pubDate: data.published,
        description: data.summary,
        categories: [collections[collection].labelSingular[locale], ...themes],
      });
    }
  }
  return items.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.title.localeCompare(b.title));
}

export async function feedResponse(locale: Locale, site: URL): Promise<Response> {
  const t = useTranslations(locale);
  const self = new URL(feedPath(locale), site).href;
  return rss({
    title: t('seo.feedTitle', { site: settings.name }),
    description: t('seo.feedDescription', { site: settings.name }),
    site: new URL(homePath(locale), site).href,
    items: await feedItems(locale),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${localeTags[locale].toLowerCase()}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
  });
}
