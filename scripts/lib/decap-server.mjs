/**
 * How the project starts decap-server (the local CMS backend), in one place for `npm start` and the
 * tests. BIND_HOST: decap-server listens on every interface unless told otherwise, so it is always
 * 127.0.0.1. MODE=fs: it writes files and leaves committing to the editor (its git mode commits with
 * `git add .`, sweeping in unrelated files).
 */
import { fileURLToPath } from 'node:url';

/** The decap-server entry point inside node_modules. */
export const DECAP_SERVER_ENTRY = fileURLToPath(new URL('../../node_modules/decap-server/dist/index.js', import.meta.url));

/**
 * Environment for a decap-server process.
 * @param {{ port: number | string, repo: string, logLevel?: string }} options
 * @returns {Record<string, string>}
 */
export function decapServerEnv({ port, repo, logLevel = 'warn' }) {
  return { BIND_HOST: '127.0.0.1', PORT: String(port), MODE: 'fs', GIT_REPO_DIRECTORY: repo, LOG_LEVEL: logLevel };
}
