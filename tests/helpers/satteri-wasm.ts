/**
 * The CMS's parse in Node, as the browser runs it: Vite loads admin/mdx/guard.ts with the browser's resolve
 * conditions, so `satteri` takes its browser binding, which the CMS's alias (src/integrations/admin-bundle.ts)
 * points at admin/mdx/satteri-wasm.ts, which fetches the vendored wasm. Node has no page to fetch from: fetch is
 * answered from admin/vendor/ for that one request and every request is recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { satteriWasmAlias } from '../../src/integrations/admin-bundle.ts';
import { projectRoot } from './paths.ts';

const ROOT = projectRoot.replace(/\/$/, '');

export interface WasmGuard {
  guardMdx: typeof import('../../src/lib/mdx-guard/parse.ts').guardMdx;
  checkMdx: typeof import('../../admin/mdx/guard.ts').checkMdx;
  /** Every address the binding fetched. */
  fetched: string[];
  /** Project-relative ids of the modules Vite loaded (to prove the browser path was taken). */
  modules: () => string[];
  close: () => Promise<void>;
}

export async function loadWasmGuard(): Promise<WasmGuard> {
  const server: ViteDevServer = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    resolve: { alias: satteriWasmAlias(ROOT) },
    // `satteri` is bundled by Vite here (as in the browser) rather than loaded by Node, so its `#binding` import
    // resolves with the browser condition.
    environments: {
      ssr: { resolve: { conditions: ['browser', 'module', 'import', 'default'], noExternal: ['satteri'] } },
    },
  });
  const fetched: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL) => {
    const url = String(input);
    fetched.push(url);
    if (!/^\/admin\/vendor\/satteri-[^/]+\.wasm$/.test(url)) return new Response('not here', { status: 404 });
    return new Response(readFileSync(join(ROOT, url)), { headers: { 'content-type': 'application/wasm' } });
  }) as typeof fetch;
  try {
    const guard = (await server.ssrLoadModule('/admin/mdx/guard.ts')) as typeof import('../../admin/mdx/guard.ts');
    const parse = (await server.ssrLoadModule(
      '/src/lib/mdx-guard/parse.ts',
    )) as typeof import('../../src/lib/mdx-guard/parse.ts');
    return {
      guardMdx: parse.guardMdx,
      checkMdx: guard.checkMdx,
      fetched,
      modules: () =>
        [...server.environments.ssr.moduleGraph.idToModuleMap.keys()].map((id) => id.replace(`${ROOT}/`, '')),
      close: () => server.close(),
    };
  } catch (err) {
    await server.close();
    throw err;
  } finally {
    globalThis.fetch = realFetch;
  }
}
