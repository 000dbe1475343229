/**
 * Development is private: `npm run build` and `npm start` (with a page, a content page and /admin/ loaded)
 * make no Node process try to reach a host other than this machine. Astro would otherwise send telemetry
 * (astro build, astro dev) and ask the npm registry for a newer Astro (astro dev); npm would ask for a newer
 * npm. The project turns these off itself (scripts/lib/private-env.mjs, .npmrc), so the commands run here as a
 * new user would run them: a fresh home folder (no earlier `astro telemetry disable`), none of the variables
 * that switch telemetry off, and not marked as CI (Astro keeps quiet in CI on its own).
 *
 * What is seen: every Node process of the command (NODE_OPTIONS preloads tests/helpers/outbound-recorder.mjs,
 * which records TCP/TLS connects, UDP sends and DNS look-ups of other hosts). Not seen: native programs a
 * command starts (Pagefind's indexer), and the browser; the browser tests check what pages request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyProject } from '../helpers/project-copy.ts';
import { freePort } from '../helpers/decap-server.ts';
import { userEnv } from '../helpers/user-env.ts';
import { startServerProcess } from '../helpers/server-process.ts';
import { contentItems } from '../helpers/content-files.ts';
import { entryPath } from '../../src/i18n/routes.ts';

const recorder = fileURLToPath(new URL('../helpers/outbound-recorder.mjs', import.meta.url));
let dir: string;
let home: string;

interface Attempt {
  kind: string;
  host: string;
  port?: number;
  command: string;
}

/** The environment of a new user's shell, with every Node process recording its outbound attempts into `log`. */
function newUserEnv(log: string): NodeJS.ProcessEnv {
  const env = userEnv();
  for (const name of ['ASTRO_TELEMETRY_DISABLED', 'TELEMETRY_DISABLED', 'ASTRO_DISABLE_UPDATE_CHECK', 'DO_NOT_TRACK'])
    delete env[name];
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    CI: 'false',
    OUTBOUND_LOG: log,
    NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import=${recorder}`.trim(),
  };
}

const attempts = (log: string): Attempt[] =>
  existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Attempt)
    : [];

beforeAll(() => {
  dir = copyProject('shk-outbound-');
  home = mkdtempSync(join(tmpdir(), 'shk-outbound-home-'));
});

afterAll(() => {
  for (const folder of [dir, home]) if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('no Node process of npm run build or npm start tries to reach another host', () => {
  it('the recorder sees fetch, http, https and DNS attempts (so an empty record means something)', () => {
    const log = join(home, 'control.jsonl');
    const script = [
      "const dns = require('node:dns');",
      "fetch('http://192.0.2.1/', { signal: AbortSignal.timeout(300) }).catch(() => {});",
      "require('node:http').get('http://192.0.2.2/').on('error', () => {});",
      "require('node:https').get('https://192.0.2.3/').on('error', () => {});",
      "dns.lookup('telemetry.example', () => {});",
      'setTimeout(() => process.exit(0), 500);',
    ].join('\n');
    execFileSync(process.execPath, ['-e', script], { env: newUserEnv(log) });
    const hosts = new Set(attempts(log).map((a) => `${a.kind} ${a.host}`));
    expect([...hosts].sort()).toEqual(
      expect.arrayContaining(['dns telemetry.example', 'tcp 192.0.2.1', 'tcp 192.0.2.2', 'tls 192.0.2.3']),
    );
  });

  it('npm run build', () => {
    const log = join(home, 'build.jsonl');
    execFileSync('npm', ['run', 'build'], {
      cwd: dir,
      env: { ...newUserEnv(log), ASTRO_CACHE_DIR: join(dir, '.astro-cache') },
      stdio: 'pipe',
      timeout: 600_000,
    });
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(true);
    expect(attempts(log)).toEqual([]);
  }, 600_000);

  it('npm start, with the home page, a content page and /admin/ loaded', async () => {
    const log = join(home, 'start.jsonl');
    const [port, cmsPort] = [await freePort(), await freePort()];
    const server = startServerProcess('npm start', 'npm', ['start'], {
      cwd: dir,
      env: {
        ...newUserEnv(log),
        PORT: String(port),
        DECAP_PORT: String(cmsPort),
        ASTRO_CACHE_DIR: join(dir, '.astro-cache-dev'),
      },
    });
    try {
      const practice = contentItems().find((item) => item.collection === 'practices' && item.locale === 'nl')!;
      for (const path of ['/', entryPath('practices', practice.slug, 'nl'), '/admin/']) {
        const load = () => fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(120_000) });
        await server.until(`${path} to load`, async () => (await load().catch(() => undefined))?.ok === true, 300_000);
      }
      const info = await fetch(`http://127.0.0.1:${cmsPort}/api/v1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"action":"info"}',
      });
      expect(info.status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(attempts(log)).toEqual([]);
  }, 600_000);
});
