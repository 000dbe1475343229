/** The standalone pages (content/pages) as the footer and the calls to action need them. */
import type { Locale } from '../i18n/locales.ts';
import { settings } from './settings.ts';
import { listFor } from './entries.ts';
import { contentIndex } from './content-index.ts';

/**
 * Slugs the site expects, in footer order. Other pages editors add follow alphabetically. Only
 * pages that exist are linked; an untranslated page links to its Dutch original.
 */
export const PAGE_ORDER = ['over-samen-hier', 'zo-werkt-het', 'contact', 'privacy', 'toegankelijkheid'];
export const CONTACT_PAGE = 'contact';

export async function footerPages(locale: Locale) {
  // Every page's footer: worked out once per language and build (content-index.ts), not sorted again per page.
  const index = await contentIndex();
  const rank = (slug: string) => (PAGE_ORDER.includes(slug) ? PAGE_ORDER.indexOf(slug) : PAGE_ORDER.length);
  const pages = await index.memo(`footerPages:${locale}`, async () =>
    (await listFor('pages', locale))
      .filter((p) => !p.entry.data.example || PAGE_ORDER.includes(p.slug))
      .sort((a, b) => rank(a.slug) - rank(b.slug) || a.entry.data.title.localeCompare(b.entry.data.title))
      .map((p) => ({ href: p.href, title: p.entry.data.title, lang: p.lang, slug: p.slug })),
  );
  return [...pages];
}

/** Where "contact" links go: the contact page, or an e-mail to the site's address if there is none. */
export async function contactHref(locale: Locale): Promise<string> {
  const index = await contentIndex();
  return index.memo(`contactHref:${locale}`, async () => {
    const contact = (await listFor('pages', locale)).find((p) => p.slug === CONTACT_PAGE);
    return contact ? contact.href : `mailto:${settings.email}`;
  });
}
