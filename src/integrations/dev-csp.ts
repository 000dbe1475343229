/**
 * Content-Security-Policy for the dev server (`npm start`, `npm run dev`). Astro applies security.csp only
 * to built pages, so without this a `javascript:` link or an inline event handler in content would run in
 * dev, on the origin whose /admin/ can write the project through the local CMS backend.
 *
 * The policy is the site's own (security.csp in astro.config.mjs: its directives and script hashes), sent
 * as a response header, with only what the dev server needs on top: inline <style> (Vite injects CSS that
 * way), the WebSocket of Vite's live reload on the dev server's own address, and frame-ancestors 'self'.
 * /admin/ gets what Decap needs (as src/pages/admin/index.astro does for the build): 'unsafe-eval' (ajv),
 * blob: images and frames, data: fonts, and connections to the local CMS backend's port, and no other.
 * Still never 'unsafe-inline' for scripts, so `javascript:` URLs and on* attributes stay blocked.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { AstroConfig, AstroIntegration } from 'astro';
import { cmsBackendPort } from '../../scripts/lib/cms-server/port.ts';

/** The dev-only inline script of src/pages/admin/index.astro (`window.global = window;` for Decap's dependencies). */
export const ADMIN_DEV_INLINE_SCRIPT = 'window.global = window;';

type Policy = Map<string, string[]>;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function add(policy: Policy, directive: string, ...sources: string[]) {
  const current = policy.get(directive) ?? policy.get('default-src') ?? [];
  policy.set(directive, [...new Set([...current, ...sources])]);
}

/** A resource or hash of security.csp for script-src itself (entries for -elem/-attr only are left out: narrower). */
function defaultKind(entry: string | { kind: string; resource?: string; hash?: string }): string | undefined {
  return typeof entry === 'string' ? entry : entry.kind === 'default' ? (entry.resource ?? entry.hash) : undefined;
}

/** The site's policy from security.csp (directives, script resources and hashes of the default kind). */
export function sitePolicy(csp: AstroConfig['security']['csp']): Policy {
  const policy: Policy = new Map();
  if (!csp || csp === true)
    return new Map([
      ['default-src', ["'self'"]],
      ['script-src', ["'self'"]],
    ]);
  for (const directive of csp.directives ?? []) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    policy.set(name!, sources);
  }
  const resources = (csp.scriptDirective?.resources ?? []).map(defaultKind).filter((s) => s !== undefined);
  const hashes = (csp.scriptDirective?.hashes ?? []).map(defaultKind).filter((s) => s !== undefined);
  policy.set('script-src', [...(resources.length ? resources : ["'self'"]), ...hashes.map((h) => `'${h}'`)]);
  return policy;
}

/** The dev server's policy for a request path, with the dev server on `port` and the CMS backend on `cmsPort`. */
export function devPolicy(site: Policy, path: string, port: number, cmsPort: number): string {
  const policy: Policy = new Map([...site].map(([k, v]) => [k, [...v]]));
  add(policy, 'style-src', "'self'", "'unsafe-inline'");
  add(policy, 'connect-src', `ws://127.0.0.1:${port}`, `ws://localhost:${port}`);
  policy.set('frame-ancestors', ["'self'"]);
  if (path === '/admin' || path.startsWith('/admin/')) {
    add(policy, 'script-src', "'unsafe-eval'", sha256(ADMIN_DEV_INLINE_SCRIPT));
    add(policy, 'img-src', 'blob:');
    add(policy, 'font-src', 'data:');
    add(policy, 'frame-src', "'self'", 'blob:');
    add(policy, 'connect-src', 'blob:', `http://127.0.0.1:${cmsPort}`);
  }
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

export default function devCsp(): AstroIntegration {
  let site: Policy = new Map();
  return {
    name: 'samen-hier:dev-csp',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = sitePolicy(config.security.csp);
      },
      'astro:server:setup': ({ server }) => {
        const cmsPort = cmsBackendPort();
        server.middlewares.use((req, res, next) => {
          const port = (server.httpServer?.address() as AddressInfo | null)?.port ?? 0;
          const path = new URL(req.url ?? '/', 'http://dev.invalid').pathname;
          res.setHeader('Content-Security-Policy', devPolicy(site, path, port, cmsPort));
          next();
        });
      },
    },
  };
}
