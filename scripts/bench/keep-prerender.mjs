/**
 * Loaded with `node --import` by scripts/bench/profile-build.ts only. Astro removes its prerender chunks
 * (`<folder>/.prerender/`) right after generating the pages; this moves the folder, source maps included, to
 * KEEP_PRERENDER first (a rename where it can: almost no time in the profiled thread), writes the folder's original
 * path into `from.txt` there, so a CPU profile's functions in those chunks can be traced to their source files, and
 * at exit writes the main thread's own CPU time to KEEP_PRERENDER.cpu.json (the process's CPU includes every thread).
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const keep = process.env.KEEP_PRERENDER;
if (!keep) throw new Error('keep-prerender.mjs: set KEEP_PRERENDER to the folder the prerender chunks go to');

const rm = fs.promises.rm;
fs.promises.rm = async (path, options) => {
  const dir = (path instanceof URL ? fileURLToPath(path) : String(path)).replace(/\/$/, '');
  if (dir.endsWith('/.prerender') && fs.existsSync(dir)) {
    fs.rmSync(keep, { recursive: true, force: true });
    try {
      fs.renameSync(dir, keep);
    } catch (error) {
      // Another file system: copy (the original is removed by Astro as usual).
      if (error.code !== 'EXDEV') throw error;
      fs.cpSync(dir, keep, { recursive: true });
    }
    fs.writeFileSync(join(keep, 'from.txt'), dir);
  }
  return rm(path, options);
};
process.on('exit', () => fs.writeFileSync(`${keep}.cpu.json`, JSON.stringify(process.threadCpuUsage())));
