#!/usr/bin/env node
/**
 * `npm start`: the site on http://127.0.0.1:4321/ with live reload of content/, and the CMS at
 * http://127.0.0.1:4321/admin/ editing the files in this folder through decap-server (no account:
 * click "Inloggen"). Every process it starts listens on 127.0.0.1 only and is stopped with it (Ctrl+C).
 *
 * `npm run start:review` (--review): the CMS with the review workflow (Concept → Ter beoordeling →
 * Klaar → Publiceren) against real git, in a clone at .review/repo (scripts/lib/review-repo.mjs):
 * drafts live on cms/… branches there and publishing commits to the clone's main. The admin turns
 * the workflow on by itself when the local backend says it supports it (admin/main.ts).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { DECAP_SERVER_ENTRY, decapServerEnv } from './lib/decap-server.mjs';
import { prepareReviewRepo } from './lib/review-repo.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const review = process.argv.includes('--review');
const children = [];

function run(name, command, args, env = {}) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') console.log(`[start] ${name} stopped (${signal ?? code}); stopping the rest.`);
    shutdown(code ?? 0);
  });
  children.push(child);
  return child;
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const port = process.env.PORT ?? '4321';
let repo = root;
if (review) {
  repo = process.env.REVIEW_REPO ?? join(root, '.review', 'repo');
  const { created, main } = prepareReviewRepo(root, repo);
  console.log(`[start] review workflow in ${repo} (${created ? 'new clone' : 'existing clone'}, main at ${main.slice(0, 7)}).`);
  console.log(`[start] published changes land on that clone's main; take them over with: git pull --ff-only ${repo} main`);
}
// The local CMS backend, on 127.0.0.1 only (scripts/lib/decap-server.mjs). Its port is the one
// admin/config/backend.ts expects (LOCAL_BACKEND_URL).
const decapEnv = decapServerEnv({ port: process.env.DECAP_PORT ?? '8081', repo, logLevel: process.env.DECAP_LOG_LEVEL, mode: review ? 'git' : 'fs' });
run('decap-server', process.execPath, [DECAP_SERVER_ENTRY], decapEnv);
run('astro dev', process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', port]);
console.log(`[start] site: http://127.0.0.1:${port}/   CMS: http://127.0.0.1:${port}/admin/ (click "Inloggen")`);
