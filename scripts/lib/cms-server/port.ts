/**
 * The local CMS backend's port: the one in the CMS configuration (admin/config/backend.ts LOCAL_BACKEND_URL),
 * or DECAP_PORT when `npm start` runs it elsewhere. Read by scripts/start.mjs and by the dev server's
 * Content-Security-Policy (src/integrations/dev-csp.ts), so /admin/ may connect to this port and no other.
 */
import { LOCAL_BACKEND_URL } from '../../../admin/config/backend.ts';

export function cmsBackendPort(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.DECAP_PORT?.trim();
  if (fromEnv && !/^\d{1,5}$/.test(fromEnv)) throw new Error(`DECAP_PORT="${fromEnv}" is not a port number.`);
  return Number(fromEnv || new URL(LOCAL_BACKEND_URL).port);
}
