/**
 * The local CMS backend (scripts/lib/cms-server) refuses what a web page or a stray request must never do,
 * and still does what the CMS needs. Raw HTTP first (node:http, so Host and Origin can be set freely), then
 * Chromium: a page on another 127.0.0.1 port tries to read and write through the backend with fetch.
 *
 * Every refused case checks the disk too: the file it aimed at is unchanged or was never created. The backend
 * runs on a throw-away copy of the project (helpers/project-copy.ts) with a fake .git/config and symbolic
 * links planted in content/ and public/uploads/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server/index.ts';

const SITE = 'http://127.0.0.1:4321';
const ALSO_SITE = 'http://localhost:4321';
const FOREIGN = ['http://127.0.0.1:9999', 'null', 'https://evil.example'];
const GIT_CONFIG = '[core]\n\tbare = false\n';

let repo: string;
let backend: CmsServer;
const lines: string[] = [];
const file = (path: string) => join(repo, path);
const read = (path: string) => readFileSync(file(path), 'utf8');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => any;
}

/** One raw request to the backend: method, body and any Host, Origin and Content-Type. */
function send(options: {
  method?: string;
  body?: unknown;
  origin?: string;
  host?: string;
  type?: string;
}): Promise<Answer> {
  const payload =
    options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = {
    'content-type': options.type ?? 'application/json',
    'content-length': String(Buffer.byteLength(payload)),
  };
  if (options.origin) headers.origin = options.origin;
  if (options.host) headers.host = options.host;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: backend.port, path: '/api/v1', method: options.method ?? 'POST', headers },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += String(d)));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body) }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const persistEntry = (path: string, raw = '---\ntitle: "x"\n---\n') => ({
  action: 'persistEntry',
  params: {
    branch: 'main',
    dataFiles: [{ path, slug: 'x', raw }],
    assets: [],
    options: { commitMessage: 'x', useWorkflow: false, status: 'draft' },
  },
});
const persistMedia = (path: string, content = Buffer.from('x').toString('base64')) => ({
  action: 'persistMedia',
  params: { branch: 'main', asset: { path, content, encoding: 'base64' }, options: { commitMessage: 'x' } },
});
const getEntry = (path: string) => ({ action: 'getEntry', params: { branch: 'main', path } });

const NEW_ENTRY = 'content/practices/nl/nieuwe-test-praktijk.mdx';
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

beforeAll(async () => {
  repo = copyProject('shk-cms-backend-');
  mkdirSync(file('.git'));
  writeFileSync(file('.git/config'), GIT_CONFIG);
  // Symbolic links an attacker with local access might plant, or a checkout might carry.
  symlinkSync('../../../package.json', file('content/practices/nl/link-naar-package.mdx'));
  rmSync(file('content/events/en'), { recursive: true, force: true });
  symlinkSync('../../scripts', file('content/events/en'), 'dir');
  symlinkSync('../../.git/config', file('public/uploads/git-config.pdf'));
  backend = await startCmsServer({ repo, port: 0, siteOrigins: [SITE, ALSO_SITE], log: (line) => lines.push(line) });
});

afterAll(async () => {
  await backend?.close();
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('local CMS backend: who may ask', () => {
  it('listens on 127.0.0.1', () => {
    expect(backend.apiUrl).toBe(`http://127.0.0.1:${backend.port}/api/v1`);
  });

  it.each(FOREIGN)('refuses the preflight of %s, without CORS headers', async (origin) => {
    const res = await send({ method: 'OPTIONS', origin });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
    expect(res.json().error).toContain(`requests from ${origin} are not allowed`);
  });

  it.each([SITE, ALSO_SITE])('answers the preflight of the site (%s) with CORS for it alone', async (origin) => {
    const res = await send({ method: 'OPTIONS', origin });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(origin);
    expect(res.headers['access-control-allow-methods']).toBe('POST');
    expect(res.headers.vary).toContain('Origin');
  });

  it.each(FOREIGN)('refuses a write and a read from %s, and writes nothing', async (origin) => {
    const write = await send({ body: persistEntry(NEW_ENTRY), origin });
    expect(write.status).toBe(403);
    expect(write.headers['access-control-allow-origin']).toBeUndefined();
    expect(existsSync(file(NEW_ENTRY))).toBe(false);
    const readIt = await send({ body: getEntry('content/settings/site.yaml'), origin });
    expect(readIt.status).toBe(403);
    expect(readIt.body).not.toContain('Samen Hier');
  });

  it('refuses a Host that is not the backend (DNS rebinding), before anything else', async () => {
    for (const host of ['evil.example', `evil.example:${backend.port}`, '127.0.0.1', `127.0.0.2:${backend.port}`]) {
      const res = await send({ body: persistEntry(NEW_ENTRY), origin: SITE, host });
      expect(res.status, host).toBe(421);
      expect(res.json().error).toContain(`Host "${host}" is not this CMS backend`);
    }
    expect(existsSync(file(NEW_ENTRY))).toBe(false);
    expect((await send({ body: { action: 'info' }, host: `localhost:${backend.port}` })).status).toBe(200);
  });

  it('lets a program without Origin read, never write', async () => {
    const readIt = await send({ body: getEntry('content/settings/site.yaml') });
    expect(readIt.status).toBe(200);
    expect(readIt.json().data).toBe(read('content/settings/site.yaml'));
    const write = await send({ body: persistEntry(NEW_ENTRY) });
    expect(write.status).toBe(403);
    expect(write.json().error).toBe(
      `refused: persistEntry changes files and is allowed only from the site (${SITE}/admin/).`,
    );
    expect(existsSync(file(NEW_ENTRY))).toBe(false);
  });

  it('takes JSON only (no form or text/plain post) and answers POST /api/v1 only', async () => {
    const text = await send({ body: JSON.stringify(persistEntry(NEW_ENTRY)), origin: SITE, type: 'text/plain' });
    expect(text.status).toBe(415);
    expect(existsSync(file(NEW_ENTRY))).toBe(false);
    const get = await send({ method: 'GET', origin: SITE });
    expect(get.status).toBe(404);
  });

  it('refuses unknown actions (fail closed), and the git-mode actions in fs mode', async () => {
    for (const action of ['runCommand', 'unpublishedEntries', 'publishUnpublishedEntry', '__proto__', 'toString']) {
      const res = await send({
        body: { action, params: { branch: 'main', collection: 'practices', slug: 'x' } },
        origin: SITE,
      });
      expect(res.status, action).toBe(403);
      expect(res.json().error).toContain(`unknown action "${action}"`);
    }
  });
});

describe('local CMS backend: what may be touched', () => {
  const packageJson = () => read('package.json');

  it.each([
    ['package.json', 403, 'is not an entry file of the CMS'],
    ['.git/config', 403, 'is not an entry file of the CMS'],
    ['../outside.mdx', 400, 'has an empty, "." or ".." component'],
    ['content/../package.json', 400, 'has an empty, "." or ".." component'],
    ['/etc/passwd', 400, 'is absolute'],
    ['content\\practices\\nl\\x.mdx', 400, 'contains a NUL or a backslash'],
    ['content/practices/nl/Hoofdletters.mdx', 403, 'is not an entry file of the CMS'],
    ['content/practices/nl/x.yaml', 403, 'is not an entry file of the CMS'],
    ['content/practices/de/x.mdx', 403, 'is not an entry file of the CMS'],
    ['scripts/x.mdx', 403, 'is not an entry file of the CMS'],
    [
      'content/practices/nl/link-naar-package.mdx',
      403,
      'goes through a symbolic link (content/practices/nl/link-naar-package.mdx)',
    ],
    ['content/events/en/via-link.mdx', 403, 'goes through a symbolic link (content/events/en)'],
  ])('refuses to write %s (%i) and changes nothing', async (path, status, message) => {
    const before = packageJson();
    const res = await send({
      body: persistEntry(path, '{"scripts":{"precheck:content":"touch /tmp/pwned"}}'),
      origin: SITE,
    });
    expect(res.status).toBe(status);
    expect(res.json().error).toContain(message);
    expect(packageJson()).toBe(before);
    expect(read('.git/config')).toBe(GIT_CONFIG);
    expect(existsSync(join(dirname(repo), 'outside.mdx'))).toBe(false);
    expect(existsSync(file('scripts/x.mdx')) || existsSync(file('scripts/via-link.mdx'))).toBe(false);
  });

  it('refuses to rename an entry into another folder (decap-server would move the whole folder)', async () => {
    const body = persistEntry('content/practices/nl/a-b.mdx');
    (body.params.dataFiles[0] as Record<string, unknown>).newPath = 'content/news/nl/a-b.mdx';
    const res = await send({ body, origin: SITE });
    expect(res.status).toBe(403);
    expect(res.json().error).toContain('may be renamed only within its folder');
    expect(existsSync(file('content/practices/nl/a-b.mdx')) || existsSync(file('content/news/nl/a-b.mdx'))).toBe(false);
  });

  it.each([
    ['public/uploads/x.html', 'Bestanden van het type ".html" kunnen niet worden geüpload.'],
    ['public/uploads/x.svg', 'Bestanden van het type ".svg" kunnen niet worden geüpload.'],
    ['src/assets/uploads/omslag.gif', 'Bestanden van het type ".gif" kunnen niet worden geüpload.'],
    ['public/uploads/mijn bestand.pdf', 'De bestandsnaam "mijn bestand.pdf" kan niet'],
  ])('refuses the upload %s with the Dutch message for the editor, and writes nothing', async (path, message) => {
    const res = await send({ body: persistMedia(path), origin: SITE });
    expect(res.status).toBe(422);
    expect(res.json().error).toContain(message);
    expect(existsSync(file(path))).toBe(false);
  });

  it('refuses uploads outside the upload folders, in a subfolder, as a dot file, or through a link', async () => {
    for (const [path, message] of [
      ['public/x.png', 'is not a file in an upload folder'],
      ['public/uploads/sub/x.png', 'is not a file in an upload folder'],
      ['public/uploads/.htaccess', 'is not a file in an upload folder'],
      ['public/uploads/git-config.pdf', 'goes through a symbolic link'],
    ]) {
      const res = await send({ body: persistMedia(path!, PNG), origin: SITE });
      expect(res.status, path).toBe(403);
      expect(res.json().error).toContain(message);
    }
    expect(existsSync(file('public/x.png')) || existsSync(file('public/uploads/sub'))).toBe(false);
    expect(read('.git/config')).toBe(GIT_CONFIG);
  });

  it('refuses an upload in an entry (persistEntry assets) by the same rules, and writes neither file', async () => {
    const body = persistEntry(NEW_ENTRY);
    body.params.assets = [{ path: 'public/uploads/x.svg', content: 'PHN2Zz4=', encoding: 'base64' }] as never[];
    const res = await send({ body, origin: SITE });
    expect(res.status).toBe(422);
    expect(existsSync(file(NEW_ENTRY)) || existsSync(file('public/uploads/x.svg'))).toBe(false);
  });

  it.each([
    ['getEntry', { path: '.git/config' }],
    ['getEntry', { path: 'package.json' }],
    ['getEntry', { path: 'content/practices/nl/link-naar-package.mdx' }],
    ['entriesByFiles', { files: [{ path: 'content/settings/site.yaml' }, { path: 'package.json' }] }],
    ['getMediaFile', { path: '.git/config' }],
    ['getMediaFile', { path: 'public/uploads/git-config.pdf' }],
    ['entriesByFolder', { folder: '.git', extension: '', depth: 1 }],
    ['entriesByFolder', { folder: 'content/practices', extension: 'json', depth: 2 }],
    ['getMedia', { mediaFolder: '.' }],
  ])('refuses to read: %s %j', async (action, params) => {
    const res = await send({ body: { action, params: { branch: 'main', ...params } }, origin: SITE });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('bare = false');
    expect(res.body).not.toContain('samen-hier-kennisplatform');
  });

  it('leaves symbolic links out of folder listings', async () => {
    const entries = await send({
      body: {
        action: 'entriesByFolder',
        params: { branch: 'main', folder: 'content/practices', extension: 'mdx', depth: 2 },
      },
      origin: SITE,
    });
    expect(entries.status).toBe(200);
    const paths = entries.json().map((e: { file: { path: string } }) => e.file.path) as string[];
    const dutch = readdirSync(file('content/practices/nl')).filter((f) => f !== 'link-naar-package.mdx');
    expect(dutch.length).toBeGreaterThan(0);
    expect(paths).toEqual(expect.arrayContaining(dutch.map((f) => `content/practices/nl/${f}`)));
    expect(paths.some((p) => p.endsWith('link-naar-package.mdx'))).toBe(false);
    expect(entries.body).not.toContain('samen-hier-kennisplatform');
    const media = await send({
      body: { action: 'getMedia', params: { branch: 'main', mediaFolder: 'public/uploads' } },
      origin: SITE,
    });
    expect(media.status).toBe(200);
    expect(media.json().map((m: { path: string }) => m.path)).not.toContain('public/uploads/git-config.pdf');
    expect(media.body).not.toContain(Buffer.from(GIT_CONFIG).toString('base64'));
  });

  it('still writes, renames and deletes an entry, and uploads and deletes a file, for the site', async () => {
    const raw = '---\ntitle: "Nieuwe testpraktijk"\n---\n\nTekst.\n';
    const saved = await send({ body: persistEntry(NEW_ENTRY, raw), origin: SITE });
    expect(saved.status, saved.body).toBe(200);
    expect(saved.headers['access-control-allow-origin']).toBe(SITE);
    expect(read(NEW_ENTRY)).toBe(raw);

    const RENAMED = 'content/practices/nl/hernoemde-test-praktijk.mdx';
    const rename = persistEntry(NEW_ENTRY, raw);
    (rename.params.dataFiles[0] as Record<string, unknown>).newPath = RENAMED;
    const renamed = await send({ body: rename, origin: SITE });
    expect(renamed.status, renamed.body).toBe(200);
    // decap-server moves the file after answering.
    await expect.poll(() => existsSync(file(RENAMED)) && !existsSync(file(NEW_ENTRY))).toBe(true);
    expect(read(RENAMED)).toBe(raw);

    const upload = await send({ body: persistMedia('src/assets/uploads/omslag.png', PNG), origin: ALSO_SITE });
    expect(upload.status, upload.body).toBe(200);
    expect(readFileSync(file('src/assets/uploads/omslag.png')).toString('base64')).toBe(PNG);
    const pdf = await send({
      body: persistMedia('public/uploads/handout.pdf', Buffer.from('%PDF-1.4\n').toString('base64')),
      origin: SITE,
    });
    expect(pdf.status, pdf.body).toBe(200);
    expect(read('public/uploads/handout.pdf')).toBe('%PDF-1.4\n');

    const deleted = await send({
      body: {
        action: 'deleteFiles',
        params: { branch: 'main', paths: [RENAMED, 'public/uploads/handout.pdf'], options: { commitMessage: 'x' } },
      },
      origin: SITE,
    });
    expect(deleted.status, deleted.body).toBe(200);
    expect(existsSync(file(RENAMED)) || existsSync(file('public/uploads/handout.pdf'))).toBe(false);
  });

  it('logs every refusal with its action, origin and reason', () => {
    expect(lines).toContain(
      `[cms-backend] 403 POST from https://evil.example: refused: requests from https://evil.example are not allowed; the CMS backend answers only ${SITE} and ${ALSO_SITE}.`,
    );
    expect(
      lines.some((l) =>
        l.startsWith(
          '[cms-backend] 403 persistEntry from http://127.0.0.1:4321: refused: "package.json" is not an entry file',
        ),
      ),
    ).toBe(true);
  });
});

describe('local CMS backend: a web page on another local port, in Chromium', () => {
  let browser: Browser;
  let attacker: Server;
  let attackerOrigin: string;
  const TARGET = 'content/practices/nl/van-een-andere-pagina.mdx';

  beforeAll(async () => {
    attacker = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<!doctype html><html lang="en"><title>another local page</title><p>hi</p></html>');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
  });

  it('cannot read or write through the backend with fetch (CORS, no-cors or a text/plain body)', async () => {
    const page = await browser.newPage();
    await page.goto(`${attackerOrigin}/`);
    const before = read('package.json');
    const outcome = await page.evaluate(
      async ({ api, target }) => {
        const body = (path: string, raw: string) =>
          JSON.stringify({
            action: 'persistEntry',
            params: {
              branch: 'main',
              dataFiles: [{ path, slug: 'x', raw }],
              assets: [],
              options: { commitMessage: 'x' },
            },
          });
        const tryIt = async (init: RequestInit) => {
          try {
            const res = await fetch(api, { method: 'POST', ...init });
            return res.type === 'opaque' ? 'opaque' : `${res.status} ${await res.text()}`;
          } catch (err) {
            return `error ${(err as Error).name}`;
          }
        };
        return {
          read: await tryIt({
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              action: 'getEntry',
              params: { branch: 'main', path: 'content/settings/site.yaml' },
            }),
          }),
          write: await tryIt({
            headers: { 'content-type': 'application/json' },
            body: body(target, '---\ntitle: x\n---\n'),
          }),
          // A "simple" request: no preflight, the browser sends it and only hides the answer.
          noCors: await tryIt({
            mode: 'no-cors',
            headers: { 'content-type': 'text/plain' },
            body: body(target, '---\ntitle: x\n---\n'),
          }),
          packageJson: await tryIt({
            mode: 'no-cors',
            headers: { 'content-type': 'text/plain' },
            body: body('package.json', '{}'),
          }),
        };
      },
      { api: backend.apiUrl, target: TARGET },
    );
    expect(outcome).toEqual({
      read: 'error TypeError',
      write: 'error TypeError',
      noCors: 'opaque',
      packageJson: 'opaque',
    });
    // The simple requests reached the server, which refused them by their Origin.
    const refused = (method: string) =>
      lines.filter((l) =>
        l.startsWith(`[cms-backend] 403 ${method} from ${attackerOrigin}: refused: requests from ${attackerOrigin}`),
      );
    await expect.poll(() => refused('POST').length).toBe(2);
    expect(refused('OPTIONS').length).toBeGreaterThanOrEqual(1);
    expect(existsSync(file(TARGET))).toBe(false);
    expect(read('package.json')).toBe(before);
    await page.close();
  });
});
