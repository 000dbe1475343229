/**
 * Where the CMS reads and writes content, from environment variables (set at build time, see
 * README "Editing content (CMS)" and docs/deploying.md "Editor login"). No secrets: GitLab, Gitea and
 * Forgejo log editors in from the browser with PKCE (an OAuth application id is public), the GitHub
 * backend gets its token from the OAuth provider at PUBLIC_CMS_BASE_URL, git-gateway from the
 * identity service.
 */

export interface CmsEnv {
  /** `github`, `gitlab`, `gitea`, `forgejo` or `git-gateway`. Unset: only local editing (decap-server). */
  PUBLIC_CMS_BACKEND?: string;
  /** Repository, `owner/name` (`group/subgroup/name` on GitLab). */
  PUBLIC_CMS_REPO?: string;
  /** Branch the CMS commits to. Default `main`. */
  PUBLIC_CMS_BRANCH?: string;
  /**
   * github: origin of the OAuth provider that hands out GitHub tokens, e.g. https://auth.example.org.
   * gitlab, gitea, forgejo: the git host, e.g. https://gitlab.com or https://codeberg.org (default gitlab.com).
   */
  PUBLIC_CMS_BASE_URL?: string;
  /** Path of the login endpoint. Default: `auth` (github), `oauth/authorize` (gitlab), `login/oauth/authorize` (gitea, forgejo). */
  PUBLIC_CMS_AUTH_ENDPOINT?: string;
  /** gitlab, gitea, forgejo: the OAuth application's id (client id), public by design (PKCE needs no secret). */
  PUBLIC_CMS_APP_ID?: string;
  /** gitlab, gitea, forgejo: the host's API, when not at the usual place (<base>/api/v4 or <base>/api/v1). */
  PUBLIC_CMS_API_ROOT?: string;
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
    return {
      backend: { name: 'proxy', proxy_url: local.url, branch },
      local_backend: local,
      publish_mode: localWorkflow ? 'editorial_workflow' : 'simple',
    };
  }
  if (name === 'github') {
    const repo = env.PUBLIC_CMS_REPO?.trim();
    if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo))
      throw new CmsEnvError('PUBLIC_CMS_BACKEND=github needs PUBLIC_CMS_REPO=owner/name.');
    const backend: Record<string, unknown> = { name: 'github', repo, branch };
    const baseUrl = env.PUBLIC_CMS_BASE_URL?.trim();
    if (baseUrl) backend.base_url = baseUrl.replace(/\/$/, '');
    if (env.PUBLIC_CMS_AUTH_ENDPOINT?.trim()) backend.auth_endpoint = env.PUBLIC_CMS_AUTH_ENDPOINT.trim();
    return { backend, ...(local && { local_backend: local }), publish_mode: workflow };
  }
  if (name === 'git-gateway') {
    return { backend: { name: 'git-gateway', branch }, ...(local && { local_backend: local }), publish_mode: workflow };
  }
  if (name === 'gitlab' || name === 'gitea' || name === 'forgejo') {
    return {
      backend: pkceBackend(name, env, branch),
      ...(local && { local_backend: local }),
      publish_mode: name === 'gitea' ? 'simple' : workflow,
    };
  }
  throw new CmsEnvError(
    `PUBLIC_CMS_BACKEND="${name}" is not supported: use github, gitlab, gitea, forgejo or git-gateway.`,
  );
}

/** Where each PKCE host keeps its API and login page (Decap's defaults, written out). */
const PKCE_HOSTS = {
  gitlab: { base: 'https://gitlab.com', api: '/api/v4', login: 'oauth/authorize' },
  gitea: { base: undefined, api: '/api/v1', login: 'login/oauth/authorize' },
  forgejo: { base: undefined, api: '/api/v1', login: 'login/oauth/authorize' },
} as const;

/**
 * GitLab, Gitea, Forgejo: the editor logs in at the git host from the browser (OAuth with PKCE), so
 * no login server of our own is needed. Gitea's backend has no review workflow in Decap (Forgejo's does).
 */
function pkceBackend(name: keyof typeof PKCE_HOSTS, env: CmsEnv, branch: string): Record<string, unknown> {
  const host = PKCE_HOSTS[name];
  const label = `PUBLIC_CMS_BACKEND=${name}`;
  const repo = env.PUBLIC_CMS_REPO?.trim();
  if (!repo || !/^[\w.-]+(\/[\w.-]+)+$/.test(repo)) throw new CmsEnvError(`${label} needs PUBLIC_CMS_REPO=owner/name.`);
  const appId = env.PUBLIC_CMS_APP_ID?.trim();
  if (!appId)
    throw new CmsEnvError(
      `${label} needs PUBLIC_CMS_APP_ID: the id of the OAuth application you made on the git host (docs/deploying.md, "Editor login").`,
    );
  const base = (env.PUBLIC_CMS_BASE_URL?.trim() || host.base)?.replace(/\/$/, '');
  if (!base)
    throw new CmsEnvError(
      `${label} needs PUBLIC_CMS_BASE_URL: the address of the ${name} server, e.g. https://codeberg.org.`,
    );
  if (!/^https:\/\/[^/\s]+(\/[^\s]*)?$/.test(base))
    throw new CmsEnvError(`PUBLIC_CMS_BASE_URL="${base}" must be an https:// address.`);
  const backend: Record<string, unknown> = {
    name,
    repo,
    branch,
    base_url: base,
    api_root: env.PUBLIC_CMS_API_ROOT?.trim().replace(/\/$/, '') || `${base}${host.api}`,
    auth_endpoint: env.PUBLIC_CMS_AUTH_ENDPOINT?.trim() || host.login,
    app_id: appId,
  };
  if (name === 'gitlab') backend.auth_type = 'pkce';
  return backend;
}
