/**
 * The CMS bundle for /admin/ (admin/main.ts: Decap, React, about 3 MB) built by its own Vite build, only when its
 * inputs changed, instead of inside every site build (where it cost 1.6 s and 250 MB of every build).
 *
 * The bundle is cached in node_modules/.cache/admin-bundle/, with a manifest of every source file that went into
 * it and its hash, the hash of npm's record of the installed dependencies (node_modules/.package-lock.json) and the PUBLIC_CMS_* variables baked into it. A site build
 * reuses the cache when all of these are unchanged, otherwise builds it again (with its precompressed copies,
 * src/lib/precompress.ts); then copies it into dist/. The page
 * (src/pages/admin/index.astro) loads the entry through `__ADMIN_SCRIPT__`. Under `astro dev` the page loads
 * admin/main.ts from the dev server instead (no bundle, no cache).
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { precompress } from '../lib/precompress.ts';

/** Where the bundle's files go in dist/ (next to Astro's own bundles). */
const ASSETS_DIR = '_astro';
/** The entry's address under `astro dev`: Vite serves and transforms the source file itself. */
const DEV_ENTRY = '/admin/main.ts';

/**
 * The CMS parses MDX with Sätteri's WebAssembly build: `satteri`'s browser entry re-exports the package
 * @bruits/satteri-wasm32-wasi, which npm cannot install (EBADPLATFORM); both CMS bundlers (the build below and
 * `astro dev`) resolve it to the project's binding over the vendored wasm (admin/mdx/satteri-wasm.ts).
 */
export const satteriWasmAlias = (root: string) => ({
  '@bruits/satteri-wasm32-wasi': join(root, 'admin/mdx/satteri-wasm.ts'),
});

interface Manifest {
  key: string;
  /** Source files (relative to the project) and their hashes. */
  inputs: Record<string, string>;
  /** Address of the entry script, e.g. "/_astro/admin.Ab12Cd34.js". */
  entry: string;
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** What the bundle depends on besides its source files: the dependencies, the variables baked in, this build recipe. */
function outerKey(root: string): string {
  const env = Object.entries(process.env)
    .filter(([name]) => name.startsWith('PUBLIC_CMS_'))
    .sort();
  const recipe = sha(readFileSync(fileURLToPath(import.meta.url)));
  // The installed dependencies: npm's record of node_modules (a project copy may link node_modules and have no lockfile).
  const lockfile = [join(root, 'node_modules/.package-lock.json'), join(root, 'package-lock.json')].find((file) =>
    existsSync(file),
  );
  return sha(JSON.stringify({ lock: lockfile ? sha(readFileSync(lockfile)) : 'none', env, recipe }));
}

function upToDate(root: string, manifest: Manifest | undefined, key: string): boolean {
  if (!manifest || manifest.key !== key) return false;
  return Object.entries(manifest.inputs).every(
    ([file, hash]) => existsSync(join(root, file)) && sha(readFileSync(join(root, file))) === hash,
  );
}

async function bundle(root: string, out: string, key: string, logger: { info(m: string): void }): Promise<Manifest> {
  const { build } = await import('vite');
  const started = performance.now();
  const inputs: Record<string, string> = {};
  const output = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    base: '/',
    envPrefix: 'PUBLIC_',
    // admin/ is React: .tsx compiles with React's automatic JSX runtime.
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    resolve: { alias: satteriWasmAlias(root) },
    build: {
      outDir: out,
      emptyOutDir: true,
      assetsDir: ASSETS_DIR,
      copyPublicDir: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 8000,
      rollupOptions: {
        input: { admin: join(root, 'admin/main.ts') },
        // Named as Astro names its bundles (name.hash.ext).
        output: {
          entryFileNames: `${ASSETS_DIR}/[name].[hash].js`,
          chunkFileNames: `${ASSETS_DIR}/[name].[hash].js`,
          assetFileNames: `${ASSETS_DIR}/[name].[hash][extname]`,
        },
      },
    },
    plugins: [
      {
        name: 'samen-hier:admin-inputs',
        // Every source file of the project that went into the bundle (dependencies are covered by the lockfile).
        generateBundle() {
          for (const id of this.getModuleIds()) {
            const file = id.split('?')[0]!;
            if (!isAbsolute(file) || file.includes('/node_modules/') || !existsSync(file)) continue;
            inputs[relative(root, file)] = sha(readFileSync(file));
          }
        },
      },
    ],
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  const entry = chunks.find((c) => c.type === 'chunk' && c.isEntry);
  if (!entry) throw new Error('The CMS bundle (admin/main.ts) has no entry chunk');
  logger.info(
    `built the CMS bundle in ${((performance.now() - started) / 1000).toFixed(1)} s (cached until admin/ or its inputs change)`,
  );
  return { key, inputs, entry: `/${entry.fileName}` };
}

/**
 * The folder of a bundle in the cache: named after its entry file, whose name carries the content hash, and the key
 * of its recipe (a change in how it is built, such as its precompressed copies, gives a new folder).
 */
const folderOf = (cache: string, manifest: Manifest) =>
  join(cache, `${basename(manifest.entry, '.js')}-${manifest.key.slice(0, 12)}`);

/** Builds the CMS bundle into the cache folder unless the cached one is up to date; returns its folder and manifest. */
export async function adminBundle(
  root: string,
  logger: { info(m: string): void } = console,
): Promise<{ dir: string; manifest: Manifest }> {
  const cache = join(root, 'node_modules/.cache/admin-bundle');
  const manifestFile = join(cache, 'manifest.json');
  const key = outerKey(root);
  const cached = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : undefined;
  if (cached && existsSync(folderOf(cache, cached)) && upToDate(root, cached, key))
    return { dir: folderOf(cache, cached), manifest: cached };
  // Built beside the cache and moved in place under its own name, so a build running at the same time (which may be
  // copying an older bundle) never sees half a bundle or loses its own.
  mkdirSync(cache, { recursive: true });
  const fresh = join(cache, `build-${process.pid}-${Date.now()}`);
  const manifest = await bundle(root, fresh, key, logger);
  // Its .br/.gz copies are made here, once per bundle, not in every site build (brotli 11 of its 7 MB took 15 s).
  await precompress(fresh);
  const dir = folderOf(cache, manifest);
  if (existsSync(dir)) rmSync(fresh, { recursive: true, force: true });
  else renameSync(fresh, dir);
  writeFileSync(`${manifestFile}.${process.pid}`, JSON.stringify(manifest, null, 1));
  renameSync(`${manifestFile}.${process.pid}`, manifestFile);
  // Keep the three newest bundles (a build started earlier may still copy one of them); older ones go.
  const bundles = readdirSync(cache)
    .filter((name) => name.startsWith('admin.'))
    .map((name) => ({ name, time: statSync(join(cache, name)).mtimeMs }))
    .sort((x, y) => y.time - x.time);
  for (const old of bundles.slice(3)) rmSync(join(cache, old.name), { recursive: true, force: true });
  return { dir, manifest };
}

export default function adminBundleIntegration(): AstroIntegration {
  let bundleDir: string | undefined;
  return {
    name: 'samen-hier:admin-bundle',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        let entry = DEV_ENTRY;
        // In dev only, pre-bundle the CMS's dependencies once instead of on the first /admin/ visit (a build has
        // nothing to pre-bundle: the CMS is not part of it).
        if (command === 'dev') {
          updateConfig({
            vite: {
              // satteri is served as it is, not pre-bundled: the pre-bundler would pull the binding's wasm import
              // (a Vite asset URL, admin/mdx/satteri-wasm.ts) into its bundle, where no asset URL is resolved. The wasm
              // runtime is pre-bundled at start, not when the first body editor opens (which would reload the page).
              optimizeDeps: {
                include: ['decap-cms-core', 'react', 'react-dom', 'immutable', '@napi-rs/wasm-runtime'],
                exclude: ['satteri'],
              },
              resolve: { alias: satteriWasmAlias(fileURLToPath(config.root)) },
            },
          });
        }
        if (command === 'build') {
          const { dir, manifest } = await adminBundle(fileURLToPath(config.root), logger);
          bundleDir = dir;
          entry = manifest.entry;
        }
        updateConfig({ vite: { define: { __ADMIN_SCRIPT__: JSON.stringify(entry) } } });
      },
      'astro:build:done': ({ dir }) => {
        if (!bundleDir) return;
        mkdirSync(join(fileURLToPath(dir), ASSETS_DIR), { recursive: true });
        cpSync(join(bundleDir, ASSETS_DIR), join(fileURLToPath(dir), ASSETS_DIR), { recursive: true });
      },
    },
  };
}
