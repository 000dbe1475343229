/** UI strings: one JSON dictionary per locale; Dutch is the reference the others must match. */
import nl from './ui/nl.json';
import en from './ui/en.json';
import type { Locale } from './locales.ts';
import { localeTags } from './locales.ts';

export type UiKey = keyof typeof nl;
export const dictionaries: Record<Locale, Record<UiKey, string>> = { nl, en };

/**
 * Translate a UI key; `{name}` placeholders are filled from `vars`. A string with two forms
 * "one|other" (e.g. "{count} practice|{count} practices") picks its form from the numeric
 * `count` with Intl.PluralRules.
 */
export function useTranslations(locale: Locale) {
  return (key: UiKey, vars: Record<string, string | number> = {}) => {
    let text: string = dictionaries[locale][key];
    if (text.includes('|') && typeof vars.count === 'number') {
      const [one, other] = text.split('|') as [string, string];
      text = pluralForm(locale, vars.count) === 'one' ? one : other;
    }
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
  };
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** "one" or "other": the plural form of a number in a language (one Intl.PluralRules per language, made once). */
export function pluralForm(locale: Locale, count: number): 'one' | 'other' {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(localeTags[locale])));
  return rules.select(count) === 'one' ? 'one' : 'other';
}
