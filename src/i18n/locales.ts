/** The site's languages. Dutch is the default and lives at /, English under /en/. */
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

export const localeNames: Record<Locale, string> = { nl: 'Nederlands', en: 'English' };
/** BCP 47 tags for Intl and <html lang>. */
export const localeTags: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

export function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? '');
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'nl' ? 'en' : 'nl';
}
