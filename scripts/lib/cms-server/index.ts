/**
 * The local CMS backend: decap-server's own middleware (the code that reads and writes the files) inside a
 * small server of the project's, which decides first who may ask (requests.ts: Host, Origin, CORS) and what
 * they may touch (actions.ts, paths.ts: the CMS's entry files and upload folders, no symbolic links, known
 * actions only). Used by `npm start` (scripts/start.mjs) and by the tests, so the tests exercise this server.
 *
 * Listens on 127.0.0.1 only. `mode: 'git'` mounts decap-server's git middleware (editorial workflow) behind the
 * same checks.
 */
import { once } from 'node:events';
import { realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import decap from 'decap-server/dist/middlewares.js';
import { MAX_UPLOAD_BYTES } from '../../../src/schema/uploads.ts';
import { judgeAction, type CmsMode } from './actions.ts';
import { cmsLayout } from './paths.ts';
import { hostGuard, originGuard, refuse } from './requests.ts';

export { siteOriginsFor } from './requests.ts';
export type { CmsMode } from './actions.ts';

export interface CmsServerOptions {
  /** `fs` (default): write files, no commits. `git`: decap-server's git mode (commits, cms/ branches). */
  mode?: CmsMode;
  /** The project folder whose content/ and upload folders the CMS edits. */
  repo: string;
  /** 0 picks a free port. */
  port: number;
  /** Origins of the site that serves /admin/, e.g. siteOriginsFor(4321). */
  siteOrigins: readonly string[];
  /** git mode: the branch the CMS reads and commits to. Default `main`. */
  branch?: string;
  /** decap-server's log level (winston): error, warn, info, debug. */
  logLevel?: string;
  /** Where the server's own lines (refusals) go. Default: stderr. */
  log?: (line: string) => void;
}

export interface CmsServer {
  port: number;
  apiUrl: string;
  close: () => Promise<void>;
}

/** Largest request: one upload of MAX_UPLOAD_BYTES in base64 (4/3 of it) with room for the JSON around it. */
const BODY_LIMIT = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 1024 * 1024;

/**
 * decap-server's middleware on an express app of its own. It takes the project folder from
 * GIT_REPO_DIRECTORY and its CORS origin from ORIGIN, read while registering: both are set for that moment
 * only (ORIGIN unset, so its CORS answers with the origin the guards already let through).
 */
async function decapApp(mode: CmsMode, repo: string, logLevel: string) {
  const app = express();
  const saved = { GIT_REPO_DIRECTORY: process.env.GIT_REPO_DIRECTORY, ORIGIN: process.env.ORIGIN };
  process.env.GIT_REPO_DIRECTORY = repo;
  delete process.env.ORIGIN;
  let registering: Promise<void>;
  try {
    registering = mode === 'git' ? decap.registerLocalGit(app, { logLevel }) : decap.registerLocalFs(app, { logLevel });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  await registering;
  return app;
}

export async function startCmsServer(options: CmsServerOptions): Promise<CmsServer> {
  const mode = options.mode ?? 'fs';
  const root = realpathSync(options.repo);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const ctx = { layout: cmsLayout(), root, mode, branch: options.branch ?? 'main' };
  const backend = await decapApp(mode, root, options.logLevel ?? 'warn');
  let port = 0;

  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use(hostGuard(() => port, log));
  app.use(originGuard(options.siteOrigins, log));
  app.post(
    '/api/v1',
    (req, res, next) =>
      req.is('application/json')
        ? next()
        : refuse(req, res, 415, 'refused: the CMS backend takes application/json only.', log),
    express.json({ limit: BODY_LIMIT }),
    (req: Request, res: Response, next: NextFunction) => {
      const verdict = judgeAction(req.body, ctx);
      const refusal =
        verdict.refusal ??
        (verdict.writes && !res.locals.fromSite
          ? {
              status: 403,
              error: `refused: ${verdict.action} changes files and is allowed only from the site (${options.siteOrigins[0]}/admin/).`,
            }
          : undefined);
      if (refusal) return refuse(req, res, refusal.status, refusal.error, log, verdict.action || '(no action)');
      // Listing actions read whole folders: drop what a direct read would be refused (a symbolic link planted there).
      if (verdict.keep) {
        const keep = verdict.keep;
        const json = res.json.bind(res);
        type Listed = { file?: { path?: string }; path?: string } | null;
        res.json = (items: unknown) =>
          json(
            Array.isArray(items)
              ? items.filter((item: Listed) => keep(String(item?.file?.path ?? item?.path ?? '')))
              : items,
          );
      }
      next();
    },
    backend,
  );
  app.use((req, res) => refuse(req, res, 404, 'not found: the CMS backend answers POST /api/v1 only.', log));
  app.use((err: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    const error =
      status === 413
        ? `refused: the request is larger than ${Math.round(BODY_LIMIT / 1024 / 1024)} MB.`
        : `refused: ${err.message}`;
    refuse(req, res, status, error, log);
  });

  const server = app.listen(options.port, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
  return {
    port,
    apiUrl: `http://127.0.0.1:${port}/api/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
