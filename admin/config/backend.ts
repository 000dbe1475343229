/**
 * Where the CMS reads and writes content, from environment variables (set at build time, see
 * README "Editing content (CMS)" and docs/deploying.md). No secrets: the GitHub backend gets its
 * token from the OAuth provider at PUBLIC_CMS_BASE_URL, git-gateway from the identity service.
 */

export interface CmsEnv {
  /** `github` or `git-gateway`. Unset: only local editing (decap-server). */
  PUBLIC_CMS_BACKEND?: string;
  /** GitHub repository, `owner/name` (github backend). */
  PUBLIC_CMS_REPO?: string;
  /** Branch the CMS commits to. Default `main`. */
  PUBLIC_CMS_BRANCH?: string;
  /** Origin of the OAuth provider that hands out GitHub tokens, e.g. https://auth.example.org. */
  PUBLIC_CMS_BASE_URL?: string;
  /** Path of the OAuth provider's login endpoint. Default `auth`. */
  PUBLIC_CMS_AUTH_ENDPOINT?: string;
  /** Editorial workflow (draft → in review → ready) in production: on unless set to `off`. */
  PUBLIC_CMS_WORKFLOW?: string;
}

export const LOCAL_BACKEND_URL = 'http://127.0.0.1:8081/api/v1';

export interface BackendPart {
  backend: Record<string, unknown>;
  local_backend?: { url: string; allowed_hosts: string[] };
  publish_mode: 'simple' | 'editorial_workflow';
}

export class CmsEnvError extends Error {}

/**
 * The backend part of the config. `localWorkflow`: the local backend keeps drafts in git
 * (decap-server in git mode, `npm run start:review`), so local editing gets the review workflow too.
 */
export function backendConfig(env: CmsEnv, localBackendUrl?: string, localWorkflow = false): BackendPart {
  const name = env.PUBLIC_CMS_BACKEND?.trim();
  const branch = env.PUBLIC_CMS_BRANCH?.trim() || 'main';
  const workflow = env.PUBLIC_CMS_WORKFLOW?.trim() === 'off' ? 'simple' : 'editorial_workflow';
  const local = localBackendUrl ? { url: localBackendUrl, allowed_hosts: ['127.0.0.1', 'localhost'] } : undefined;

  if (!name) {
    if (!local) {
      throw new CmsEnvError(
        'No CMS backend is configured. Set PUBLIC_CMS_BACKEND=github (with PUBLIC_CMS_REPO and PUBLIC_CMS_BASE_URL) ' +
          'or PUBLIC_CMS_BACKEND=git-gateway when building the site, or edit locally with `npm start`.',
      );
    }
    // Local only: talk to decap-server directly, never to a remote service. In fs mode (npm start) it
    // has no editorial workflow, so local edits are published at once; in git mode (npm run
    // start:review) drafts go through review on their own branches.
    return { backend: { name: 'proxy', proxy_url: local.url, branch }, local_backend: local, publish_mode: localWorkflow ? 'editorial_workflow' : 'simple' };
  }
  if (name === 'github') {
    const repo = env.PUBLIC_CMS_REPO?.trim();
    if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new CmsEnvError('PUBLIC_CMS_BACKEND=github needs PUBLIC_CMS_REPO=owner/name.');
    const backend: Record<string, unknown> = { name: 'github', repo, branch };
    const baseUrl = env.PUBLIC_CMS_BASE_URL?.trim();
    if (baseUrl) backend.base_url = baseUrl.replace(/\/$/, '');
    if (env.PUBLIC_CMS_AUTH_ENDPOINT?.trim()) backend.auth_endpoint = env.PUBLIC_CMS_AUTH_ENDPOINT.trim();
    return { backend, ...(local && { local_backend: local }), publish_mode: workflow };
  }
  if (name === 'git-gateway') {
    return { backend: { name: 'git-gateway', branch }, ...(local && { local_backend: local }), publish_mode: workflow };
  }
  throw new CmsEnvError(`PUBLIC_CMS_BACKEND="${name}" is not supported: use github or git-gateway.`);
}
