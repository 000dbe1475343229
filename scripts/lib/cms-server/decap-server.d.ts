/** The two exports of decap-server's middleware bundle (it ships no types). */
declare module 'decap-server/dist/middlewares.js' {
  import type { Express } from 'express';

  interface Options {
    logLevel?: string;
  }
  const middlewares: {
    /** CORS, JSON body and the file-system API on POST /api/v1, for the folder in GIT_REPO_DIRECTORY. */
    registerLocalFs(app: Express, options?: Options): Promise<void>;
    /** The same with git commits and the editorial workflow's cms/ branches. */
    registerLocalGit(app: Express, options?: Options): Promise<void>;
  };
  export default middlewares;
}
