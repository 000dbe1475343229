/**
 * The search page's query in the URL (?q=…&theme=housing&sort=date): typing replaces the history entry,
 * submitting or changing a filter adds one, so a search can be shared and Back returns to the previous one.
 */
import type { Query } from '../engine.ts';
import { applySelection, selectionFromParams } from '../facet-form.ts';
import type { PageElements } from './elements.ts';

/** The URL of a query: its search part, or the bare path for an empty one. */
export function queryUrl(query: Query): string {
  const params = new URLSearchParams();
  if (query.term) params.set('q', query.term);
  for (const [key, ids] of Object.entries(query.selected)) for (const id of ids) params.append(key, id);
  if (query.sort === 'date') params.set('sort', 'date');
  const text = params.toString();
  return text ? `?${text}` : location.pathname;
}

/** Puts the URL's query into the form (on load and on Back/Forward). */
export function restoreFromUrl({ root, input, sort }: PageElements): void {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sort.value = params.get('sort') === 'date' ? 'date' : 'relevance';
  applySelection(root, selectionFromParams(root, params));
}

export interface QueryHistory {
  /** Writes the query's entry soon (replace: typing; push: submit, filter change). */
  remember(query: Query, mode: 'push' | 'replace'): void;
  /** Writes a pending entry now. */
  flush(): void;
}

/**
 * The history entry is written just after the search has started (pushState takes a few milliseconds), and
 * at the latest before the page title changes (flush), so each entry keeps the title of its own search.
 */
export function queryHistory(): QueryHistory {
  let pending: (() => void) | undefined;
  const flush = () => {
    const write = pending;
    pending = undefined;
    write?.();
  };
  const write = (query: Query, mode: 'push' | 'replace') => {
    const target = queryUrl(query);
    const now = location.search || location.pathname;
    if (target === now) return;
    if (mode === 'push') history.pushState(null, '', target);
    else history.replaceState(null, '', target);
  };
  return {
    remember(query, mode) {
      flush();
      pending = () => write(query, mode);
      setTimeout(flush);
    },
    flush,
  };
}
