/**
 * Sätteri's browser binding for the CMS: the compiler the build runs (same Rust code, same version), as
 * WebAssembly. Both bundlers of the CMS (src/integrations/admin-bundle.ts and `astro dev`, astro.config.mjs)
 * resolve the package `@bruits/satteri-wasm32-wasi` to this module, so `satteri` (whose browser entry re-exports
 * that package) parses with it: the editor runs src/lib/mdx-guard/parse.ts unchanged.
 *
 * Why not the package's own loader: npm refuses to install the package (`cpu: wasm32`, EBADPLATFORM), so its
 * wasm is vendored (admin/vendor/, scripts/vendor-satteri-wasm.ts); and its loader starts four workers over a
 * shared memory, which a page needs cross-origin isolation (COOP/COEP) for. The CMS only parses, which never
 * uses the async work pool, so here there are no workers (asyncWorkPoolSize 0), and the shared memory stays in
 * this page (creating one needs no isolation, only sending it to a worker does).
 *
 * The wasm is fetched once, when this module is first imported (top-level await); the CMS imports the editor's
 * guard lazily (admin/mdx/load-guard.ts), so the CMS starts without waiting for it.
 */
import { getDefaultContext, instantiateNapiModule, WASI } from '@napi-rs/wasm-runtime';

/** The functions the package exports; satteri's dist/binding.browser.js imports exactly these. */
export interface SatteriBinding {
  [name: string]: (...args: never[]) => unknown;
}

/** The vendored wasm (exactly one file, named after its version). */
const vendored = import.meta.glob<string>('../vendor/satteri-*.wasm', {
  query: '?url',
  import: 'default',
  eager: true,
});

export function wasmUrl(): string {
  const urls = Object.values(vendored);
  if (urls.length !== 1)
    throw new Error(
      `admin/vendor/ must hold one satteri-<version>.wasm, found ${urls.length}: run node scripts/vendor-satteri-wasm.ts`,
    );
  return urls[0]!;
}

/** Instantiates the wasm in this thread: no workers, a memory of its own (the sizes the package's loader uses). */
export async function instantiateSatteri(wasm: BufferSource | WebAssembly.Module): Promise<SatteriBinding> {
  const memory = new WebAssembly.Memory({ initial: 4000, maximum: 65536, shared: true });
  const { napiModule } = await instantiateNapiModule(wasm, {
    context: getDefaultContext(),
    asyncWorkPoolSize: 0,
    wasi: new WASI({ version: 'preview1' }),
    overwriteImports(imports) {
      imports.env = { ...imports.env, ...imports.napi, ...imports.emnapi, memory };
      return imports;
    },
    // Registers the exported functions (napi-rs's generated loaders do the same).
    beforeInit({ instance }) {
      for (const [name, init] of Object.entries(instance.exports))
        if (name.startsWith('__napi_register__')) (init as () => void)();
    },
  });
  return napiModule.exports as SatteriBinding;
}

/** Fetches and instantiates the wasm; the marks let a test (and the browser's profiler) time the load. */
async function load(): Promise<SatteriBinding> {
  const url = wasmUrl();
  performance.mark('satteri-wasm:fetch');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Sätteri's wasm (${url}) could not be loaded: HTTP ${response.status}`);
  // Served as application/wasm, it compiles while it downloads and the browser keeps the compiled code for the next
  // visit; otherwise it is compiled once all of it has arrived.
  const wasm = response.headers.get('content-type')?.startsWith('application/wasm')
    ? await WebAssembly.compileStreaming(response)
    : await WebAssembly.compile(await response.arrayBuffer());
  const binding = await instantiateSatteri(wasm);
  performance.mark('satteri-wasm:ready');
  return binding;
}

const binding = await load();
export default binding;

export const applyCommandsAndCompileHandle = binding.applyCommandsAndCompileHandle;
export const applyCommandsAndConvertToHastHandle = binding.applyCommandsAndConvertToHastHandle;
export const applyCommandsAndRenderHandle = binding.applyCommandsAndRenderHandle;
export const applyCommandsToHandle = binding.applyCommandsToHandle;
export const applyCommandsToMdastHandle = binding.applyCommandsToMdastHandle;
export const applyMdastCommandsAndConvertAndCompile = binding.applyMdastCommandsAndConvertAndCompile;
export const applyMdastCommandsAndConvertAndRender = binding.applyMdastCommandsAndConvertAndRender;
export const compileHandle = binding.compileHandle;
export const compileMdx = binding.compileMdx;
export const convertMdastToHastHandle = binding.convertMdastToHastHandle;
export const createHastHandle = binding.createHastHandle;
export const createHastHandleFromHtml = binding.createHastHandleFromHtml;
export const createHastHandleWithFrontmatter = binding.createHastHandleWithFrontmatter;
export const createMdastHandle = binding.createMdastHandle;
export const createMdxHastHandle = binding.createMdxHastHandle;
export const createMdxHastHandleWithFrontmatter = binding.createMdxHastHandleWithFrontmatter;
export const createMdxMdastHandle = binding.createMdxMdastHandle;
export const dropHandle = binding.dropHandle;
export const getHandleSource = binding.getHandleSource;
export const getMdastFrontmatter = binding.getMdastFrontmatter;
export const getNodeData = binding.getNodeData;
export const markdownToHtmlFast = binding.markdownToHtmlFast;
export const markdownToJsFast = binding.markdownToJsFast;
export const mdastTextContentHandle = binding.mdastTextContentHandle;
export const mdxToJsFast = binding.mdxToJsFast;
export const parseEsm = binding.parseEsm;
export const parseExpression = binding.parseExpression;
export const parseToHtml = binding.parseToHtml;
export const renderHandle = binding.renderHandle;
export const serializeHandle = binding.serializeHandle;
export const setNodeData = binding.setNodeData;
export const textContentHandle = binding.textContentHandle;
export const walkHandle = binding.walkHandle;
export const walkMdastHandle = binding.walkMdastHandle;
