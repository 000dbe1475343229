/**
 * The web app manifest of each language (/manifest.webmanifest, /en/manifest.webmanifest), so the site can be
 * put on the home screen and opens in its language. Colours from the design tokens, icons from the site icon.
 * Linked from every page (Base.astro); the browser offers installing on its own, the site never asks.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { locales, type Locale } from '../i18n/locales.ts';
import { homePath } from '../i18n/routes.ts';
import { designToken } from '../lib/design-tokens.ts';
import { settings } from '../lib/settings.ts';
import { appIcons, manifestPath } from '../lib/web-app.ts';

export const getStaticPaths = (() =>
  locales.map((locale) => ({
    params: {
      manifest: manifestPath(locale)
        .replace(/^\//, '')
        .replace(/\.webmanifest$/, ''),
    },
    props: { locale },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const locale = (props as { locale: Locale }).locale;
  const manifest = {
    id: homePath(locale),
    name: settings.name,
    short_name: 'Samen Hier',
    description: settings.mission[locale],
    lang: locale,
    dir: 'ltr',
    start_url: homePath(locale),
    scope: '/',
    display: 'standalone',
    theme_color: designToken('--color-brand'),
    background_color: designToken('--color-bg'),
    icons: appIcons,
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
};
