/** Running a command while watching its wall time and the peak resident memory of its whole process tree. */
import { spawn } from 'node:child_process';
import { PRIVATE_ENV } from '../lib/private-env.mjs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const queue = [pid]; queue.length;) {
    const p = queue.pop()!;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      // gone
    }
    queue.push(...(children.get(p) ?? []));
  }
  return total;
}

export interface Measured {
  seconds: number;
  /**
   * CPU seconds (user + system) of the command and the children it waited for, from GNU time. On a machine shared
   * with other work the wall time stretches with the load; the CPU time much less, so ratios are taken from it.
   */
  cpu: number;
  /** Peak resident memory of the process tree, bytes. */
  peak: number;
  output: string;
}

const CPU_MARK = '__bench_cpu__';

/** Runs a command in `cwd`, returns wall and CPU seconds, the peak memory of its process tree and its output. */
export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', `${CPU_MARK} %U %S`, command, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...PRIVATE_ENV, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0)
        return reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-3000)}`));
      const cpu = /__bench_cpu__ ([\d.]+) ([\d.]+)/.exec(output);
      resolve({
        seconds: (performance.now() - started) / 1000,
        cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
        peak,
        output: output.replace(/^__bench_cpu__.*$/m, ''),
      });
    });
  });
}

/** Bytes in a file or folder. */
export function size(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + size(join(path, name)), 0);
}

export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
export const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
export const percentile = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))]!;
export const median = (list: number[]) => percentile(list, 0.5);

/**
 * The environment that builds the site from `content` (a generated corpus) into `dir`: output and caches there,
 * nothing in the project changes, and no search index (the bench times indexing on its own).
 */
export function corpusBuildEnv(dir: string, content = join(dir, 'content')): Record<string, string> {
  return {
    CONTENT_DIR: content,
    ASTRO_OUT_DIR: join(dir, 'dist'),
    ASTRO_CACHE_DIR: join(dir, 'cache'),
    SEARCH_INDEX: 'off',
  };
}
