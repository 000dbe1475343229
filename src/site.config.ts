/**
 * Site-wide technical settings in one typed module. Editorial settings (name, mission, contact)
 * live in content/settings/site.yaml and are edited through the CMS.
 */

/** Public origin of the deployed site, used for canonical URLs, sitemap, feeds and QR codes. */
export const SITE_URL = (process.env.SITE_URL ?? 'https://kennisplatform.example.org').replace(/\/$/, '');

/**
 * Folder the content is read from. Only the benchmark and tests point it elsewhere (a generated corpus);
 * the CMS always edits ./content.
 */
export const CONTENT_DIR = (process.env.CONTENT_DIR ?? './content').replace(/\/$/, '');
