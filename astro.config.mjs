// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

// SITE_URL: the public origin of the deployment (see README, "Deploying").
const site = (process.env.SITE_URL ?? 'https://kennisplatform.example.org').replace(/\/$/, '');

export default defineConfig({
  site,
  // Tests build into their own folder (ASTRO_OUT_DIR) so a running `npm start` is left alone.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { host: '127.0.0.1' },
  // The CMS at /admin/ is not a page for visitors or search engines.
  integrations: [mdx(), sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/admin/') })],
  vite: {
    // admin/ (the CMS) is React: .tsx there compiles with React's automatic JSX runtime.
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    // In dev, pre-bundle the CMS once instead of on the first /admin/ visit.
    optimizeDeps: { include: ['decap-cms-core', 'react', 'react-dom', 'immutable'] },
  },
});
