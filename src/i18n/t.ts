/** UI strings: one JSON dictionary per locale; Dutch is the reference the others must match. */
import nl from './ui/nl.json';
import en from './ui/en.json';
import type { Locale } from './locales.ts';
import { localeTags } from './locales.ts';
import { TIME_ZONE } from '../site.config.ts';

export type UiKey = keyof typeof nl;
export const dictionaries: Record<Locale, Record<UiKey, string>> = { nl, en };

/**
 * Translate a UI key; `{name}` placeholders are filled from `vars`. A string with two forms
 * "one|other" (e.g. "{count} practice|{count} practices") picks its form from the numeric
 * `count` with Intl.PluralRules.
 */
export function useTranslations(locale: Locale) {
  const rules = new Intl.PluralRules(localeTags[locale]);
  return (key: UiKey, vars: Record<string, string | number> = {}) => {
    let text: string = dictionaries[locale][key];
    if (text.includes('|') && typeof vars.count === 'number') {
      const [one, other] = text.split('|') as [string, string];
      text = rules.select(vars.count) === 'one' ? one : other;
    }
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
  };
}

/** A calendar date in the reader's language, in Amsterdam time. */
export function formatDate(date: Date, locale: Locale, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(localeTags[locale], { dateStyle: style, timeZone: TIME_ZONE }).format(date);
}
