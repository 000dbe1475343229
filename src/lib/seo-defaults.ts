/** Fixed addresses and defaults of the SEO layer, shared by the head, the feeds, robots.txt and tests. Pure. */
import type { Locale } from '../i18n/locales.ts';
import { homePath } from '../i18n/routes.ts';

/** The RSS feed of a language (news and best practices): /rss.xml and /en/rss.xml. */
export function feedPath(locale: Locale): string {
  return `${homePath(locale)}rss.xml`;
}

/** Written by @astrojs/sitemap. */
export const SITEMAP_PATH = '/sitemap-index.xml';

/** Paths that are never indexed: the CMS. */
export const PRIVATE_PREFIXES = ['/admin/'] as const;

export interface OgImage {
  /** Site path or absolute URL. */
  src: string;
  /** Alternative text; empty = the standard description of the default image. */
  alt: string;
  width?: number;
  height?: number;
  type?: string;
}

/** Made by scripts/make-og-image.ts (1200 × 630, the OpenGraph size). */
export const DEFAULT_OG_IMAGE: OgImage = {
  src: '/og-default.png',
  alt: '',
  width: 1200,
  height: 630,
  type: 'image/png',
};
