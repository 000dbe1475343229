/** What a listing card shows for each kind of item: type, title, summary, date, themes. */
import type { CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/locales.ts';
import { entryPath } from '../i18n/routes.ts';
import { useTranslations } from '../i18n/t.ts';
import { termLabel } from '../schema/vocabularies.ts';
import type { Localized, LocalizedCollection } from './entries.ts';
import { formatDay, formatDayRange, intervalOf, isoDay } from './time/index.ts';

export interface CardData {
  href: string;
  title: string;
  summary?: string;
  /** Type of item, e.g. "Goede praktijk", "Congres", "Presentatie". */
  kind: string;
  variant: string;
  /** Extra short labels next to the type ("Voorbeeld", "Geannuleerd", "In het Nederlands"). */
  badges: string[];
  date?: { iso: string; label: string };
  meta: string[];
  tags: string[];
  tagsLabel: string;
  /** Language of the linked item when it differs from the page (untranslated items). */
  lang?: string;
  example: boolean;
  /** data-* attributes for the list item, e.g. { 'data-event': slug } (tests and scripts find items by them). */
  data?: Record<string, string>;
}

/** Collections whose entries get a card in a listing (materials have materialCard; pages have none). */
type CardCollection = Exclude<LocalizedCollection, 'pages'>;

export function cardFor(item: Localized<CardCollection>, locale: Locale): CardData {
  const t = useTranslations(locale);
  const lang = item.translated ? undefined : item.lang;
  const badges: string[] = [];
  if (item.entry.data.example) badges.push(t('card.example'));
  if (!item.translated) badges.push(t('card.untranslated'));
  const base = {
    href: item.href,
    title: item.entry.data.title,
    summary: item.entry.data.summary,
    lang,
    example: item.entry.data.example,
    badges,
    variant: item.collection,
    tagsLabel: t('entry.themes'),
  };
  const day = (d: Date) => ({ iso: isoDay(d), label: formatDay(d, locale) });
  switch (item.collection) {
    case 'practices': {
      const data = (item.entry as CollectionEntry<'practices'>).data;
      return {
        ...base,
        kind: t('kind.practice'),
        date: day(data.updated ?? data.published),
        meta: [],
        tags: data.themes.map((id) => termLabel('themes', id, locale)),
      };
    }
    case 'cases': {
      const data = (item.entry as CollectionEntry<'cases'>).data;
      const meta = [termLabel('provinces', data.province, locale), termLabel('caseStatuses', data.status, locale)];
      if (data.since) meta.push(t('case.sinceYear', { year: data.since }));
      return {
        ...base,
        kind: data.municipality,
        date: day(data.updated ?? data.published),
        meta,
        tags: data.variants.map((id) => termLabel('variants', id, locale)),
        tagsLabel: t('case.variants'),
      };
    }
    case 'events': {
      const data = (item.entry as CollectionEntry<'events'>).data;
      const { start, end: until } = intervalOf(data);
      // An all-day event's interval ends at the next midnight; its last day is the one before.
      const end = data.allDay ? new Date(until.getTime() - 1) : until;
      if (data.status !== 'scheduled') badges.push(termLabel('eventStatuses', data.status, locale));
      const where = data.venue ? data.venue.city : t('event.online');
      return {
        ...base,
        kind: termLabel('eventTypes', data.type, locale),
        date: { iso: isoDay(start), label: formatDayRange(start, end, locale) },
        meta: [where],
        tags: data.themes.map((id) => termLabel('themes', id, locale)),
        data: { 'data-event': item.slug },
      };
    }
    case 'news': {
      const data = (item.entry as CollectionEntry<'news'>).data;
      return { ...base, kind: t('kind.news'), date: day(data.published), meta: [], tags: [] };
    }
  }
}

export function materialCard(entry: CollectionEntry<'materials'>, locale: Locale): CardData {
  const t = useTranslations(locale);
  const m = entry.data;
  const badges = m.example ? [t('card.example')] : [];
  return {
    href: entryPath('materials', entry.id, locale),
    title: m.title,
    summary: m.description,
    kind: termLabel('materialTypes', m.type, locale),
    variant: 'materials',
    badges,
    date: { iso: isoDay(m.date), label: formatDay(m.date, locale) },
    meta: [t('material.inLanguage', { language: termLabel('contentLanguages', m.language, locale) })],
    tags: m.themes.map((id) => termLabel('themes', id, locale)),
    tagsLabel: t('entry.themes'),
    lang: m.language === locale ? undefined : m.language,
    example: m.example,
  };
}
