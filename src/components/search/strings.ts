/** UI strings for the search client, from the site's dictionaries (src/i18n/ui/*.json), in the page's language. */
import nl from '../../i18n/ui/nl.json';
import en from '../../i18n/ui/en.json';
import type { UiKey } from '../../i18n/t.ts';
import { isLocale, localeTags, type Locale } from '../../i18n/locales.ts';

const dictionaries: Record<Locale, Record<UiKey, string>> = { nl, en };

export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

export function pageLocale(): Locale {
  const lang = document.documentElement.lang.slice(0, 2);
  return isLocale(lang) ? lang : 'nl';
}

export function translator(locale: Locale): Translate {
  return (key, vars = {}) => dictionaries[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** "1 result" / "5 results", with or without the query. */
export function countText(t: Translate, locale: Locale, count: number, query: string): string {
  const form = new Intl.PluralRules(localeTags[locale]).select(count) === 'one' ? 'one' : 'other';
  return query ? t(`search.countFor.${form}`, { count, query }) : t(`search.count.${form}`, { count });
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * The date format of a language, made once: the first Intl.DateTimeFormat of a page costs tens of
 * milliseconds (the browser loads its locale data), later ones a fraction of that. Call it while idle.
 */
export function dateFormat(locale: Locale): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(localeTags[locale], { dateStyle: 'long', timeZone: 'UTC' })));
  return format;
}

/** A calendar date ("2024-05-16") in the page's language. */
export function formatIsoDate(iso: string, locale: Locale): string {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locale).format(date);
}
