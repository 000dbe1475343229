#!/usr/bin/env node
/**
 * `npm start`: the site on http://127.0.0.1:4321/ with live reload of content/, and the CMS at
 * http://127.0.0.1:4321/admin/ editing the files in this folder through decap-server (no account:
 * click "Inloggen"). Every process it starts listens on 127.0.0.1 only and is stopped with it (Ctrl+C).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DECAP_SERVER_ENTRY, decapServerEnv } from './lib/decap-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
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
// The local CMS backend, on 127.0.0.1 only (scripts/lib/decap-server.mjs). Its port is the one
// admin/config/backend.ts expects (LOCAL_BACKEND_URL).
run('decap-server', process.execPath, [DECAP_SERVER_ENTRY], decapServerEnv({ port: process.env.DECAP_PORT ?? '8081', repo: root, logLevel: process.env.DECAP_LOG_LEVEL }));
run('astro dev', process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', port]);
console.log(`[start] site: http://127.0.0.1:${port}/   CMS: http://127.0.0.1:${port}/admin/ (click "Inloggen")`);
