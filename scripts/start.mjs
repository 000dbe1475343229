#!/usr/bin/env node
/**
 * `npm start`: the site on http://127.0.0.1:4321/ with live reload of content/, and the CMS at
 * http://127.0.0.1:4321/admin/ editing the files in this folder through the project's local CMS backend
 * (scripts/lib/cms-server: decap-server's middleware behind the project's Host, Origin and path checks) on
 * http://127.0.0.1:8081/api/v1 (no account: click "Inloggen"). Everything listens on 127.0.0.1 only and stops
 * with it (Ctrl+C). Nothing is sent anywhere: Astro's telemetry and update check are off (lib/private-env.mjs).
 *
 * `npm run start:review` (--review): the CMS with the review workflow (Concept → Ter beoordeling →
 * Klaar → Publiceren) against real git, in a clone at .review/repo (scripts/lib/review-repo.mjs), through the
 * same backend in git mode: drafts live on cms/… branches there and publishing commits to the clone's main.
 * The admin turns the workflow on by itself when the local backend says it supports it (admin/main.ts).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { PRIVATE_ENV } from './lib/private-env.mjs';
import { cmsBackendPort } from './lib/cms-server/port.ts';
import { siteOriginsFor, startCmsServer } from './lib/cms-server/index.ts';
import { prepareReviewRepo } from './lib/review-repo.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const review = process.argv.includes('--review');
const port = process.env.PORT ?? '4321';
// The port admin/config/backend.ts expects (LOCAL_BACKEND_URL) unless DECAP_PORT says otherwise; the dev
// server's Content-Security-Policy lets /admin/ connect to this port only (src/integrations/dev-csp.ts).
const cmsPort = cmsBackendPort();

let astro;
let cms;
let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (astro?.exitCode === null) astro.kill('SIGTERM');
  cms?.close();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

let repo = root;
if (review) {
  repo = process.env.REVIEW_REPO ?? join(root, '.review', 'repo');
  const { created, main } = prepareReviewRepo(root, repo);
  console.log(
    `[start] review workflow in ${repo} (${created ? 'new clone' : 'existing clone'}, main at ${main.slice(0, 7)}).`,
  );
  console.log(
    `[start] published changes land on that clone's main; take them over with: git pull --ff-only ${repo} main`,
  );
}
// The CMS backend answers only pages of this site (its two loopback origins).
try {
  cms = await startCmsServer({
    mode: review ? 'git' : 'fs',
    repo,
    port: cmsPort,
    siteOrigins: siteOriginsFor(port),
    logLevel: process.env.DECAP_LOG_LEVEL ?? 'warn',
  });
} catch (err) {
  console.error(
    `[start] the CMS backend cannot listen on 127.0.0.1:${cmsPort}: ${err.message}. Stop what uses that port, or set DECAP_PORT (and open /admin/?decap_port=<port>).`,
  );
  process.exit(1);
}
astro = spawn(process.execPath, ['scripts/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', port], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, ...PRIVATE_ENV, DECAP_PORT: String(cms.port) },
});
astro.on('exit', (code, signal) => {
  if (signal !== 'SIGTERM') console.log(`[start] astro dev stopped (${signal ?? code}); stopping the CMS backend.`);
  shutdown(code ?? 0);
});
console.log(
  `[start] site: http://127.0.0.1:${port}/   CMS: http://127.0.0.1:${port}/admin/ (click "Inloggen")   CMS backend: ${cms.apiUrl}`,
);
