/**
 * Entry of /admin/ (loaded by src/pages/admin/index.astro, bundled by Vite): registers the slim CMS,
 * the MDX body widget, the editor components, the file formats, the schema check before saving and
 * the previews, then starts Decap with the configuration generated from src/schema.
 *
 * Backend: on 127.0.0.1 / localhost the CMS talks to decap-server (local editing, no account);
 * anywhere else to the git provider named by the PUBLIC_CMS_* variables at build time (README).
 * On a loopback address only, `?decap_port=NNNN` points it at a decap-server on another port (tests).
 */
import { registerCms } from './cms.ts';
import { buildConfig } from './config/index.ts';
import { CmsEnvError, LOCAL_BACKEND_URL, type CmsEnv } from './config/backend.ts';
import { editorComponents } from './mdx/components.ts';
import { cleanYaml, mdxFrontmatter } from './format/formats.ts';
import { preSaveCheck } from './validate.ts';
import { cms } from './i18n/nl.ts';
import { installUploadGuard } from './media/upload-guard.ts';
import { EntryPreview } from './preview/templates.tsx';
// The preview is drawn with the site's own stylesheets (src/styles/), then the frame's few additions.
import tokensCss from '../src/styles/tokens.css?url';
import baseCss from '../src/styles/base.css?url';
import componentsCss from '../src/styles/components.css?url';
import previewCss from './preview/preview.css?url';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function localBackendUrl(): string | undefined {
  if (!LOOPBACK.has(location.hostname)) return undefined;
  const port = new URLSearchParams(location.search).get('decap_port');
  if (port && /^\d{2,5}$/.test(port)) return `http://127.0.0.1:${port}/api/v1`;
  return LOCAL_BACKEND_URL;
}

const env: CmsEnv = {
  PUBLIC_CMS_BACKEND: import.meta.env.PUBLIC_CMS_BACKEND,
  PUBLIC_CMS_REPO: import.meta.env.PUBLIC_CMS_REPO,
  PUBLIC_CMS_BRANCH: import.meta.env.PUBLIC_CMS_BRANCH,
  PUBLIC_CMS_BASE_URL: import.meta.env.PUBLIC_CMS_BASE_URL,
  PUBLIC_CMS_AUTH_ENDPOINT: import.meta.env.PUBLIC_CMS_AUTH_ENDPOINT,
  PUBLIC_CMS_WORKFLOW: import.meta.env.PUBLIC_CMS_WORKFLOW,
  PUBLIC_CMS_APP_ID: import.meta.env.PUBLIC_CMS_APP_ID,
  PUBLIC_CMS_API_ROOT: import.meta.env.PUBLIC_CMS_API_ROOT,
};

function showError(message: string) {
  const main = document.createElement('main');
  main.setAttribute('role', 'alert');
  main.style.cssText = 'font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem';
  const h1 = document.createElement('h1');
  h1.textContent = cms.startError.title;
  const p = document.createElement('p');
  p.textContent = message;
  main.append(h1, p);
  document.body.append(main);
}

/**
 * Whether the local backend keeps drafts in git (decap-server in git mode, `npm run start:review`):
 * its `info` answer lists the publish modes it supports. No answer: no workflow (Decap itself then
 * reports that it cannot reach the local backend).
 */
async function localWorkflow(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    });
    const info = (await res.json()) as { publish_modes?: string[] };
    return info.publish_modes?.includes('editorial_workflow') ?? false;
  } catch {
    return false;
  }
}

async function start() {
  let config;
  try {
    const local = localBackendUrl();
    config = buildConfig({
      env,
      origin: location.origin,
      localBackendUrl: local,
      localWorkflow: await localWorkflow(local),
    });
  } catch (err) {
    if (err instanceof CmsEnvError) return showError(err.message);
    throw err;
  }
  const CMS = registerCms();
  // Decap's own format names, so the config reads as plain Decap (see admin/format/formats.ts).
  CMS.registerCustomFormat('frontmatter', 'mdx', mdxFrontmatter);
  CMS.registerCustomFormat('yml', 'yaml', cleanYaml);
  for (const component of editorComponents) CMS.registerEditorComponent(component as never);
  CMS.registerEventListener({ name: 'preSave', handler: preSaveCheck as never });
  for (const css of [tokensCss, baseCss, componentsCss, previewCss]) CMS.registerPreviewStyle(css);
  for (const collection of config.collections) CMS.registerPreviewTemplate(collection.name, EntryPreview as never);
  CMS.registerPreviewTemplate('site', EntryPreview as never);
  installUploadGuard();
  CMS.init({ config: config as never });
}

void start();
