/** robots.txt: everything may be crawled except the CMS; points at the sitemap. */
import type { APIRoute } from 'astro';
import { PRIVATE_PREFIXES, SITEMAP_PATH } from '../lib/seo-defaults.ts';
import { SITE_URL } from '../site.config.ts';

export const GET: APIRoute = ({ site }) => {
  const body = [
    'User-agent: *',
    ...PRIVATE_PREFIXES.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${new URL(SITEMAP_PATH, site ?? SITE_URL).href}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
