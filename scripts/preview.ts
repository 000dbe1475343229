/**
 * `npm run preview`: serves the built site (dist/) on 127.0.0.1 the way production does: the response headers,
 * caching rules and media types of src/lib/headers.ts (the same rules the build writes into _headers and
 * _nginx.conf), the precompressed .br/.gz files, folder URLs with a redirect to the trailing slash, and the
 * 404 page of the path's language.
 *
 *   npm run preview                         http://127.0.0.1:4321/
 *   npm run preview -- --port 0 --dir .tmp/test-site
 */
import { createServer, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { contentTypeFor, headersFor } from '../src/lib/headers.ts';
import { notFoundPages } from '../src/lib/serve-config.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    dir: { type: 'string', default: process.env.ASTRO_OUT_DIR ?? 'dist' },
  },
});
const root = resolve(values.dir);
if (!existsSync(join(root, 'index.html'))) {
  console.error(`No built site in ${root}: run npm run build first (or pass --dir).`);
  process.exit(1);
}

/** Sets the site's headers for a path (a name given twice, such as two CSPs, is sent twice). */
function applyHeaders(res: ServerResponse, path: string): void {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of headersFor(path)) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  for (const [name, list] of grouped) res.setHeader(name, list.length === 1 ? list[0]! : list);
  res.setHeader('Content-Type', contentTypeFor(path.endsWith('/') ? `${path}index.html` : path));
}

const files = sirv(root, {
  dev: false,
  etag: true,
  dotfiles: false,
  brotli: true,
  gzip: true,
  setHeaders: (res, pathname) => applyHeaders(res, pathname),
});

/** Files that configure servers, not pages of the site. */
const hidden = new Set(['/_headers', '/_nginx.conf']);

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  const notFound = () => {
    const { page } = notFoundPages().find(({ prefix }) => path.startsWith(prefix))!;
    res.statusCode = 404;
    applyHeaders(res, page);
    res.end(readFileSync(join(root, page)));
  };
  if (hidden.has(path) || path.split('/').some((part) => part.startsWith('.') && part !== '.well-known'))
    return notFound();
  // A folder without its trailing slash: redirect, as nginx and static hosts do (relative links stay right).
  const folder = join(root, path);
  if (!path.endsWith('/') && folder.startsWith(root) && existsSync(folder) && statSync(folder).isDirectory()) {
    res.statusCode = 301;
    applyHeaders(res, `${path}/`);
    res.setHeader('Location', `${path}/`);
    return res.end();
  }
  // Only what exists answers: sirv would also try <path>.html and <path>/index.html for any path.
  const file = path.endsWith('/') ? join(folder, 'index.html') : folder;
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return notFound();
  files(req, res, notFound);
});

server.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`Serving ${root} with production headers on http://127.0.0.1:${port}/`);
});
