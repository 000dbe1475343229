// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';

// SITE_URL: the public origin of the deployment (see README, "Deploying").
const site = (process.env.SITE_URL ?? 'https://kennisplatform.example.org').replace(/\/$/, '');

export default defineConfig({
  site,
  // Tests build into their own folder (ASTRO_OUT_DIR) so a running `npm start` is left alone.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  // The benchmark builds a generated corpus with its own cache, so it never mixes with the real site's.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { host: '127.0.0.1' },
  integrations: [mdx(), sitemap(), pagefind()],
});
