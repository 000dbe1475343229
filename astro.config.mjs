// @ts-check
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { sitemapOptions } from './src/lib/sitemap.ts';
import pagefind from './src/integrations/pagefind.ts';
import offline from './src/integrations/offline.ts';
import { inlineScriptHashes } from './src/lib/csp.ts';
import { CONTENT_DIR } from './src/site.config.ts';

// SITE_URL: the public origin of the deployment (see README, "Deploying").
const site = (process.env.SITE_URL ?? 'https://kennisplatform.example.org').replace(/\/$/, '');
const outDir = process.env.ASTRO_OUT_DIR ?? './dist';
// Astro's content cache (the data store) remembers entries by path; a build from another content
// folder (the benchmark corpus, the CMS test's copy) gets a cache of its own so the two never mix.
const cacheDir =
  process.env.ASTRO_CACHE_DIR ??
  (CONTENT_DIR === './content' ? './node_modules/.astro' : `./node_modules/.astro/content-${createHash('sha256').update(resolve(CONTENT_DIR)).digest('hex').slice(0, 12)}`);

export default defineConfig({
  site,
  // Tests build into their own folder (ASTRO_OUT_DIR) so a running `npm start` is left alone.
  outDir,
  cacheDir,
  trailingSlash: 'always',
  // Content has no code blocks; Shiki's inline styles would need 'unsafe-inline' under the CSP below.
  markdown: { syntaxHighlight: false },
  // Content-Security-Policy on every page: a <meta> with the hashes of the page's own scripts and styles
  // (no 'unsafe-inline' for scripts). 'wasm-unsafe-eval' lets the search engine (Pagefind, WebAssembly)
  // run. /admin/ widens its own policy for Decap (src/pages/admin/index.astro). Headers a <meta> cannot
  // carry (frame-ancestors and friends) are in public/_headers and docs/security.md.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        // Workers only from this site: the service worker (/sw.js) and Pagefind's pagefind-worker.js. Manifests: the
        // web app manifests (/manifest.webmanifest, /en/manifest.webmanifest).
        "worker-src 'self'",
        "manifest-src 'self'",
      ],
      // The hand-written inline scripts (search loaders) are constant texts with their hashes here.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: inlineScriptHashes() },
    },
  },
  build: { format: 'directory' },
  server: { host: '127.0.0.1' },
  // Sitemap without /admin/ and example content, hreflang from each page's head (src/lib/sitemap.ts).
  integrations: [mdx(), sitemap(sitemapOptions({ outDir, contentDir: CONTENT_DIR })), pagefind(), offline()],
  vite: {
    // With a cache folder of its own (ASTRO_CACHE_DIR: the benchmark, test copies of the project), Vite's
    // dependency cache goes there too; its default, node_modules/.vite, is shared through a linked node_modules.
    ...(process.env.ASTRO_CACHE_DIR && { cacheDir: resolve(process.env.ASTRO_CACHE_DIR, 'vite') }),
    // admin/ (the CMS) is React: .tsx there compiles with React's automatic JSX runtime.
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    // In dev, pre-bundle the CMS once instead of on the first /admin/ visit.
    optimizeDeps: { include: ['decap-cms-core', 'react', 'react-dom', 'immutable'] },
    build: {
      rollupOptions: {
        // Every MDX entry carries Astro's own "use astro:head-inject" directive; the bundler's notice about
        // it is harmless and would otherwise repeat once per entry.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
