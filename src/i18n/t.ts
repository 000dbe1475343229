/** UI strings: one JSON dictionary per locale; Dutch is the reference the others must match. */
import nl from './ui/nl.json';
import en from './ui/en.json';
import type { Locale } from './locales.ts';
import { localeTags } from './locales.ts';
import { TIME_ZONE } from '../site.config.ts';

export type UiKey = keyof typeof nl;
export const dictionaries: Record<Locale, Record<UiKey, string>> = { nl, en };

/** Translate a UI key; `{name}` placeholders are filled from `vars`. */
export function useTranslations(locale: Locale) {
  return (key: UiKey, vars: Record<string, string | number> = {}) =>
    dictionaries[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** A calendar date in the reader's language, in Amsterdam time. */
export function formatDate(date: Date, locale: Locale, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(localeTags[locale], { dateStyle: style, timeZone: TIME_ZONE }).format(date);
}
