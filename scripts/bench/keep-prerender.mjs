/**
 * Loaded with `node --import` by scripts/bench/profile-build.ts only: Astro removes its prerender chunks
 * (`<folder>/.prerender/`) right after generating the pages; this moves the folder, source maps included, to
 * `<folder>/.prerender-kept/` first (a rename: no time spent in the profiled thread), so a CPU profile's functions
 * in those chunks can be traced to their source files.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const rm = fs.promises.rm;
fs.promises.rm = async (path, options) => {
  const dir = (path instanceof URL ? fileURLToPath(path) : String(path)).replace(/\/$/, '');
  if (dir.endsWith('/.prerender')) {
    fs.rmSync(`${dir}-kept`, { recursive: true, force: true });
    fs.renameSync(dir, `${dir}-kept`);
  }
  return rm(path, options);
};
