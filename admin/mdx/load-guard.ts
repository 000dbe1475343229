/**
 * The editor's content guard (guard.ts), loaded once and only when a body editor or preview first needs it:
 * it brings Sätteri's WebAssembly (3 MB), which the rest of the CMS does not need to start.
 */
import { useEffect, useState } from 'react';

export type Guard = typeof import('./guard.ts');

let loaded: Guard | undefined;
let loading: Promise<Guard> | undefined;

/** The guard, loading it on the first call. A failed load is tried again on the next call. */
export function loadGuard(): Promise<Guard> {
  loading ??= import('./guard.ts').then(
    (guard) => (loaded = guard),
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}

/** The guard if it has loaded. */
export const guardIfLoaded = (): Guard | undefined => loaded;

/** For a React component: the guard once it has loaded (re-renders then), or why it could not load. */
export function useGuard(): { guard?: Guard; error?: string } {
  const [state, setState] = useState<{ guard?: Guard; error?: string }>({ guard: loaded });
  useEffect(() => {
    if (state.guard) return;
    let live = true;
    loadGuard().then(
      (guard) => live && setState({ guard }),
      (err: unknown) => live && setState({ error: String(err) }),
    );
    return () => {
      live = false;
    };
  }, [state.guard]);
  return state;
}
