/**
 * The project's local CMS backend (scripts/lib/cms-server: decap-server's middleware behind the project's
 * Host, Origin and path checks), the same server `npm start` runs, on 127.0.0.1 and a free port, in fs mode,
 * serving a given project folder (or git mode, for the review workflow). It answers browser requests from
 * `siteOrigins` only: the origin the test serves /admin/ from.
 */
import { createServer } from 'node:net';
import { startCmsServer } from '../../scripts/lib/cms-server/index.ts';

export interface DecapServer {
  port: number;
  apiUrl: string;
  /** The server's own lines so far (its refusals). */
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

export async function startDecapServer(
  repoDir: string,
  siteOrigins: readonly string[],
  mode: 'fs' | 'git' = 'fs',
): Promise<DecapServer> {
  let log = '';
  const server = await startCmsServer({
    mode,
    repo: repoDir,
    port: 0,
    siteOrigins,
    logLevel: 'info',
    log: (line) => (log += `${line}\n`),
  });
  return { port: server.port, apiUrl: server.apiUrl, output: () => log, close: server.close };
}
