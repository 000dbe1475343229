// @ts-check
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { contentGuard as mdxBodyGuard } from './src/lib/mdx-guard/plugin.ts';
import { MDX_FEATURES } from './src/lib/mdx-guard/features.ts';
import sitemap from '@astrojs/sitemap';
import { sitemapOptions } from './src/lib/sitemap.ts';
import pagefind from './src/search/integration.ts';
import contentFilesGuard from './src/integrations/content-guard/index.ts';
import adminBundle from './src/integrations/admin-bundle.ts';
import devCsp from './src/integrations/dev-csp.ts';
import { PRIVATE_ENV } from './scripts/lib/private-env.mjs';
import serve from './src/integrations/serve.ts';
import offline from './src/integrations/offline.ts';
import dataFiles from './src/integrations/data-files/index.ts';
import { inlineScriptHashes } from './src/lib/csp.ts';
import { CONTENT_DIR } from './src/site.config.ts';

// No telemetry, no update check, also for a bare `npx astro …` (scripts/lib/private-env.mjs).
Object.assign(process.env, PRIVATE_ENV);

// SITE_URL: the public origin of the deployment (see README, "Deploying").
const site = (process.env.SITE_URL ?? 'https://kennisplatform.example.org').replace(/\/$/, '');
const outDir = process.env.ASTRO_OUT_DIR ?? './dist';
// Astro's content cache (the data store) remembers entries by path; a build from another content
// folder (the benchmark corpus, the CMS test's copy) gets a cache of its own so the two never mix.
const cacheDir =
  process.env.ASTRO_CACHE_DIR ??
  (CONTENT_DIR === './content'
    ? './node_modules/.astro'
    : `./node_modules/.astro/content-${createHash('sha256').update(resolve(CONTENT_DIR)).digest('hex').slice(0, 12)}`);

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
  // carry (frame-ancestors and friends) are in src/lib/headers.ts (written to dist/_headers and dist/_nginx.conf).
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
  // Pages rendered at once, so page writes and image reads overlap rendering. Measured on 609 pages (2 busy cores,
  // same CPU time): 1 → 14.1 s, 2 → 9.9 s, 4 → 6.8 s. BUILD_CONCURRENCY overrides it (README, "Build speed").
  build: { format: 'directory', concurrency: Number(process.env.BUILD_CONCURRENCY ?? 4) },
  server: { host: '127.0.0.1' },
  // Sitemap without /admin/ and noindex pages (example content), hreflang from each page's head (src/lib/sitemap.ts).
  // Content is untrusted input. Files, uploads and frontmatter are refused before anything is compiled
  // (src/integrations/content-guard/); MDX bodies are compiled by Sätteri with the body guard as its first
  // plugin, so a body that could run code, load a third-party resource or use anything outside the allow-list
  // stops the build (src/lib/mdx-guard/).
  integrations: [
    contentFilesGuard({ contentDir: CONTENT_DIR }),
    mdx({ processor: satteri({ features: MDX_FEATURES, mdastPlugins: [mdxBodyGuard] }) }),
    sitemap(sitemapOptions({ outDir })),
    // QR codes, calendars and offline packs: written in one pass after the pages, before every build:done step.
    dataFiles(),
    pagefind(),
    adminBundle(),
    // The offline packs list the final files with their sizes: after every integration that writes into dist/.
    offline(),
    // serve() comes after pagefind() and adminBundle(): it writes the server configuration and compresses the
    // index and the CMS bundle too.
    serve(),
    devCsp(),
  ],
  // The dev toolbar fetches astro.build when opened and needs inline scripts the dev server's CSP blocks.
  devToolbar: { enabled: false },
  vite: {
    // With a cache folder of its own (ASTRO_CACHE_DIR: the benchmark, test copies of the project), Vite's
    // dependency cache goes there too; its default, node_modules/.vite, is shared through a linked node_modules.
    ...(process.env.ASTRO_CACHE_DIR && { cacheDir: resolve(process.env.ASTRO_CACHE_DIR, 'vite') }),
    // admin/ (the CMS) is React: .tsx there compiles with React's automatic JSX runtime.
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
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
