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
}

export async function serveSite(root = testDist): Promise<StaticServer> {
  const files = sirv(root, { dev: false, etag: true, dotfiles: false });
  const notFound = join(root, '404.html');
  const server: Server = createServer((req, res) => {
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
