/**
 * Runs Debian's nginx as the current user on 127.0.0.1 (a free port) over a built site, with the include the
 * build generated (<root>/_nginx.conf) inside a server block like deploy/nginx/site.conf. Everything nginx
 * writes (pid, logs, temp files) stays in a fresh temporary folder. Missing nginx is an error, never a skip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const BROTLI_MODULE =
  process.env.NGINX_BROTLI_MODULE ?? '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

export interface Nginx {
  origin: string;
  /** The folder with nginx.conf, logs and pid file. */
  prefix: string;
  errorLog(): string;
  close(): Promise<void>;
}

/** Throws a message that says how to install what is missing. */
export function requireNginx(): void {
  const install = 'apt-get install -y nginx libnginx-mod-http-brotli-static (.ci/run does this)';
  if (!existsSync(NGINX)) throw new Error(`nginx is not installed (${NGINX}): ${install}`);
  if (!existsSync(BROTLI_MODULE))
    throw new Error(`nginx's brotli module is not installed (${BROTLI_MODULE}): ${install}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The nginx.conf of a test server: the production server block, on a local port, with test paths. */
export function nginxConf(prefix: string, root: string, port: number): string {
  const p = (name: string) => join(prefix, name);
  return `# Test server (tests/helpers/nginx.ts)
load_module ${BROTLI_MODULE};
worker_processes 1;
daemon off;
pid ${p('nginx.pid')};
error_log ${p('error.log')} warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 256; }
http {
  access_log ${p('access.log')};
  client_body_temp_path ${p('body')};
  proxy_temp_path ${p('proxy')};
  fastcgi_temp_path ${p('fastcgi')};
  uwsgi_temp_path ${p('uwsgi')};
  scgi_temp_path ${p('scgi')};
  sendfile on;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${root};
    include ${join(root, '_nginx.conf')};
    brotli_static on;
  }
}
`;
}

async function up(origin: string, child: ChildProcess, errorLog: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`nginx ended (${child.exitCode ?? child.signalCode}):\n${errorLog()}`);
    const ok = await fetch(`${origin}/`, { method: 'HEAD' }).then(
      () => true,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin}:\n${errorLog()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts nginx over `root` (a built site with _nginx.conf). */
export async function startNginx(root: string): Promise<Nginx> {
  requireNginx();
  const prefix = mkdtempSync(join(tmpdir(), 'nginx-'));
  const errorLog = () => (existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '');
  // A port probed free can be taken before nginx binds it: try a few.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    writeFileSync(join(prefix, 'nginx.conf'), nginxConf(prefix, root, port));
    const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], {
      stdio: 'ignore',
    });
    const origin = `http://127.0.0.1:${port}`;
    try {
      await up(origin, child, errorLog);
    } catch (error) {
      child.kill('SIGKILL');
      if (attempt < 3 && /Address already in use/.test(errorLog())) continue;
      throw error;
    }
    return {
      origin,
      prefix,
      errorLog,
      async close() {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGQUIT');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        }
        rmSync(prefix, { recursive: true, force: true });
      },
    };
  }
}
