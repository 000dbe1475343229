/**
 * The real decap-server (the local CMS backend) on 127.0.0.1 and a free port, in fs mode (or git
 * mode, for the review workflow), serving a given project folder (GIT_REPO_DIRECTORY). Stopped by its
 * own PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { DECAP_SERVER_ENTRY, decapServerEnv } from '../../scripts/lib/decap-server.mjs';

export interface DecapServer {
  port: number;
  apiUrl: string;
  output: () => string;
  close: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startDecapServer(repoDir: string, mode: 'fs' | 'git' = 'fs'): Promise<DecapServer> {
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [DECAP_SERVER_ENTRY], {
    cwd: repoDir,
    env: { ...process.env, ...decapServerEnv({ port, repo: repoDir, logLevel: 'info', mode }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += String(d)));
  child.stderr?.on('data', (d) => (log += String(d)));
  const apiUrl = `http://127.0.0.1:${port}/api/v1`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`decap-server exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'info' }) });
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`decap-server did not start on ${apiUrl}:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    apiUrl,
    output: () => log,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
