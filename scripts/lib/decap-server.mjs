/**
 * How the project starts decap-server (the local CMS backend), in one place for `npm start`,
 * `npm run start:review` and the tests. BIND_HOST: decap-server listens on every interface unless
 * told otherwise, so it is always 127.0.0.1. MODE=fs (npm start): it writes files into the working
 * tree and leaves committing to the editor. MODE=git (npm run start:review): drafts on cms/… branches
 * and a commit on publish, always in a separate clone (scripts/lib/review-repo.mjs), because its git
 * mode commits with `git add .` and would sweep in anything else in the folder.
 */
import { fileURLToPath } from 'node:url';

/** The decap-server entry point inside node_modules. */
export const DECAP_SERVER_ENTRY = fileURLToPath(new URL('../../node_modules/decap-server/dist/index.js', import.meta.url));

/**
 * Environment for a decap-server process.
 * @param {{ port: number | string, repo: string, logLevel?: string, mode?: 'fs' | 'git' }} options
 * @returns {Record<string, string>}
 */
export function decapServerEnv({ port, repo, logLevel = 'warn', mode = 'fs' }) {
  return { BIND_HOST: '127.0.0.1', PORT: String(port), MODE: mode, GIT_REPO_DIRECTORY: repo, LOG_LEVEL: logLevel };
}
