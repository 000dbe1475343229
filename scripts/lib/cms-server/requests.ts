/**
 * Who may talk to the local CMS backend at all, checked before a request body is read:
 *
 * - `Host` must name the backend itself (127.0.0.1:<port> or localhost:<port>). A web page that points its
 *   own domain at 127.0.0.1 (DNS rebinding) sends its own host name and is refused.
 * - A browser request must come from the site (the `Origin` of the dev server that serves /admin/). Any other
 *   origin, `null` included, is refused, and gets no CORS headers on its preflight either, so the browser
 *   never sends the real request. Only the site's origin gets `Access-Control-Allow-Origin`.
 * - Requests without `Origin` come from programs, not from web pages (browsers send `Origin` on every POST):
 *   they may read (actions.ts decides what a read is), never write. Local programs are not kept out by this:
 *   they can forge any header and could change the files directly anyway.
 */
import type { NextFunction, Request, Response } from 'express';

/** The origins of a dev server on `port` (both names of the loopback address). */
export function siteOriginsFor(port: number | string): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export type Log = (line: string) => void;

/** Answers `{ error }` (what Decap shows the editor) and logs it with what was asked and by whom. */
export function refuse(req: Request, res: Response, status: number, error: string, log: Log, what = req.method) {
  log(`[cms-backend] ${status} ${what} from ${req.headers.origin ?? '(no Origin)'}: ${error}`);
  res.status(status).type('application/json').send(JSON.stringify({ error }));
}

/** Refuses any request whose Host is not this server's own loopback name and port. */
export function hostGuard(port: () => number, log: Log) {
  return (req: Request, res: Response, next: NextFunction) => {
    const host = req.headers.host ?? '';
    if (host === `127.0.0.1:${port()}` || host === `localhost:${port()}`) return next();
    refuse(
      req,
      res,
      421,
      `refused: Host "${host}" is not this CMS backend (use http://127.0.0.1:${port()}/api/v1).`,
      log,
    );
  };
}

/**
 * CORS for the site's origins only; refuses other origins (preflight or not) before anything is read.
 * Sets `res.locals.fromSite` (an allowed Origin) or leaves it false (no Origin: a program).
 */
export function originGuard(siteOrigins: readonly string[], log: Log) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    if (origin !== undefined && !siteOrigins.includes(origin)) {
      return refuse(
        req,
        res,
        403,
        `refused: requests from ${origin} are not allowed; the CMS backend answers only ${siteOrigins.join(' and ')}.`,
        log,
      );
    }
    res.locals.fromSite = origin !== undefined;
    if (origin !== undefined) res.setHeader('Access-Control-Allow-Origin', origin);
    if (req.method === 'OPTIONS') {
      if (origin === undefined) return refuse(req, res, 403, 'refused: a preflight without Origin.', log);
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      res.setHeader('Access-Control-Max-Age', '600');
      return res.status(204).end();
    }
    next();
  };
}
