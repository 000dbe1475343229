/**
 * `npm start` as a new user runs it: the site and decap-server come up, and the kernel's socket table
 * shows both listening on 127.0.0.1 only (never 0.0.0.0 or ::). Stopped by the process group's PID.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/paths.ts';
import { freePort } from '../helpers/decap-server.ts';
import { listeningAddresses } from '../helpers/listening.ts';
import { userEnv } from '../helpers/user-env.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

let server: ServerProcess;
let sitePort: number;
let decapPort: number;

beforeAll(async () => {
  sitePort = await freePort();
  decapPort = await freePort();
  server = startServerProcess('npm start', 'npm', ['start'], {
    cwd: projectRoot,
    env: { ...userEnv(), PORT: String(sitePort), DECAP_PORT: String(decapPort) },
  });
  await server.until('both servers to listen', () => listeningAddresses(sitePort).length > 0 && listeningAddresses(decapPort).length > 0);
}, 300_000);

afterAll(() => server?.stop());

describe('npm start', () => {
  it('binds decap-server to 127.0.0.1 only', () => {
    expect(listeningAddresses(decapPort)).toEqual(['127.0.0.1']);
  });

  it('binds the site to 127.0.0.1 only', () => {
    expect(listeningAddresses(sitePort)).toEqual(['127.0.0.1']);
  });

  it('serves the site and the local CMS backend', async () => {
    // The dev server answers once Vite has bundled its dependencies; a request in between may hang.
    const home = () => fetch(`http://127.0.0.1:${sitePort}/`, { signal: AbortSignal.timeout(15_000) });
    await server.until('the home page', async () => (await home().catch(() => undefined))?.ok === true);
    expect(await (await home()).text()).toContain('Samen Hier');
    const info = await fetch(`http://127.0.0.1:${decapPort}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'info' }), signal: AbortSignal.timeout(15_000) });
    expect(info.ok).toBe(true);
  }, 240_000);
});
