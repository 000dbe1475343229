#!/usr/bin/env node
/**
 * `npm start`: the site on http://127.0.0.1:4321/ with live reload of content/.
 * Every process it starts listens on 127.0.0.1 only and is stopped with it (Ctrl+C).
 */
import { spawn } from 'node:child_process';

const children = [];

function run(name, command, args, env = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
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
run('astro dev', 'npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', port]);
