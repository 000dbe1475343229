/**
 * `astro dev` on a throw-away copy of the project (tests/helpers/project-copy.ts), on 127.0.0.1 and a free port,
 * ready once `readyPath` answers 200. The copy has its own content and caches, so it never touches the working
 * tree, and its content store never mixes with that of another running dev server.
 */
import { join } from 'node:path';
import { freePort } from './decap-server.ts';
import { copyProject } from './project-copy.ts';
import { userEnv } from './user-env.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

export interface AstroDevCopy {
  /** The project copy (remove it after the test). */
  dir: string;
  origin: string;
  server: ServerProcess;
}

export async function startAstroDevCopy(prefix: string, readyPath: string): Promise<AstroDevCopy> {
  const dir = copyProject(prefix);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // --ignore-lock: never handed to the background, even where Astro thinks an AI agent runs it.
  const server = startServerProcess(
    'astro dev',
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: dir,
      // node_modules is linked to the project's: keep this copy's caches (content, and Vite's deps: astro.config.mjs)
      // inside the copy.
      env: { ...userEnv(), CONTENT_DIR: './content', ASTRO_CACHE_DIR: join(dir, '.astro-cache') },
    },
  );
  await server.until(
    readyPath,
    async () =>
      (await fetch(`${origin}${readyPath}`, { signal: AbortSignal.timeout(15_000) }).catch(() => undefined))?.ok ===
      true,
  );
  return { dir, origin, server };
}
