/**
 * A server a test starts as a command line (`npm start`, `astro dev`): its own process group, so that stopping
 * it also stops what it started; its output kept for the error message when it does not come up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { vi } from 'vitest';

export interface ServerProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Polls `probe` until it holds; throws with the output when the process ends first or time runs out. */
  until(what: string, probe: () => Promise<boolean> | boolean, timeout?: number): Promise<void>;
  /** SIGTERM to the whole group, SIGKILL after 10 s; safe to call when it has already ended. */
  stop(): Promise<void>;
}

export function startServerProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): ServerProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout!.on('data', (d) => (log += String(d)));
  child.stderr!.on('data', (d) => (log += String(d)));
  const running = () => child.exitCode === null && child.signalCode === null;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  return {
    child,
    output: () => log,
    async until(what, probe, timeout = 180_000) {
      const ended = () =>
        new Error(`${name} ended (${child.exitCode ?? child.signalCode}) before ${what}:\n${log.slice(-3000)}`);
      if (!running()) throw ended();
      // The probe is polled with vi.waitFor; the process ending first fails at once instead of at the timeout.
      let exitListener: (() => void) | undefined;
      const exited = new Promise<never>((_, reject) => child.once('exit', (exitListener = () => reject(ended()))));
      try {
        await Promise.race([
          vi
            .waitFor(
              async () => {
                if (!(await probe())) throw new Error(`not yet: ${what}`);
              },
              { timeout, interval: 250 },
            )
            .catch(() => {
              throw new Error(`timed out waiting for ${what}:\n${log.slice(-3000)}`);
            }),
          exited,
        ]);
      } finally {
        if (exitListener) child.off('exit', exitListener);
        exited.catch(() => undefined);
      }
    },
    async stop() {
      if (!child.pid || !running()) return;
      const exited = new Promise((r) => child.once('exit', r));
      signalGroup('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (running()) signalGroup('SIGKILL');
    },
  };
}
