import { defaultLocale, isLocale, type Locale } from './locales.ts';

/** The language of a page from its path: "/en/..." is English, anything else Dutch. */
export function localeFromPath(pathname: string): Locale {
  const first = pathname.split('/')[1];
  return isLocale(first) ? first : defaultLocale;
}
