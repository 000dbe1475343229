/** UI strings for the search client, from the site's dictionaries (src/i18n/ui/*.json), in the page's language. */
import { dictionaries, pluralForm, type UiKey } from '../../i18n/t.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { dateFormatter } from '../../lib/time/format.ts';

export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

export function pageLocale(): Locale {
  const lang = document.documentElement.lang.slice(0, 2);
  return isLocale(lang) ? lang : 'nl';
}

export function translator(locale: Locale): Translate {
  return (key, vars = {}) =>
    dictionaries[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** "1 result" / "5 results", with or without the query. */
export function countText(t: Translate, locale: Locale, count: number, query: string): string {
  const form = pluralForm(locale, count);
  return query ? t(`search.countFor.${form}`, { count, query }) : t(`search.count.${form}`, { count });
}

/**
 * Makes the page language's date format ahead of use: the first Intl.DateTimeFormat of a page costs tens of
 * milliseconds (the browser loads its locale data), later ones a fraction of that. Call it while idle.
 */
export function prepareDateFormat(locale: Locale): void {
  dateFormatter(locale, 'day');
}
