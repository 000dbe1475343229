/** Serves a built site from disk on 127.0.0.1 (a free port), the way a static host would. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { testDist } from './paths.ts';

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
  /** Serve another built folder from now on, at the same origin: a new deploy. */
  serveFrom: (root: string) => void;
  /** false: every connection is dropped unanswered, as when the network is gone (and the paths asked are logged). */
  setReachable: (reachable: boolean) => void;
  /** Paths asked for while unreachable. */
  unanswered: string[];
}

function handlerFor(root: string) {
  const files = sirv(root, { dev: false, etag: true, dotfiles: false });
  const notFound = join(root, '404.html');
  return (req: Parameters<typeof files>[0], res: Parameters<typeof files>[1]) =>
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    });
}

export async function serveSite(root = testDist): Promise<StaticServer> {
  let handle = handlerFor(root);
  let reachable = true;
  const unanswered: string[] = [];
  const server: Server = createServer((req, res) => {
    if (!reachable) {
      unanswered.push(req.url ?? '');
      req.socket.destroy();
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    serveFrom: (next) => (handle = handlerFor(next)),
    setReachable: (value) => (reachable = value),
    unanswered,
  };
}
