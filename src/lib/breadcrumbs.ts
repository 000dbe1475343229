/**
 * Breadcrumbs as data: views build the trail, Base.astro shows it, and structured data
 * (BreadcrumbList) can be derived from the same array.
 */
import type { Locale } from '../i18n/locales.ts';
import { homePath, sectionPath, type Section } from '../i18n/routes.ts';
import { useTranslations } from '../i18n/t.ts';

export interface Crumb {
  label: string;
  /** Site path, e.g. "/goede-praktijken/". The last crumb is the current page. */
  href: string;
}

/** Home › Section › (more…). */
export function trail(locale: Locale, section: Section | null, ...rest: Crumb[]): Crumb[] {
  const t = useTranslations(locale);
  const crumbs: Crumb[] = [{ label: t('nav.home'), href: homePath(locale) }];
  if (section) crumbs.push({ label: t(`nav.${section}`), href: sectionPath(locale, section) });
  return [...crumbs, ...rest];
}
