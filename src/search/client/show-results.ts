/**
 * Puts a slice of results into a result list, as early as possible, for the search page and the dialog.
 *
 * - When every result of the slice has a result card (result-cards.ts), their headings are on screen at once
 *   and each excerpt fills in when its fragment arrives (all of the slice's fragments are asked for at once).
 * - Otherwise (cards not loaded yet, or an index without them) the first `firstBatch` results are shown once
 *   their fragments have loaded, and the rest follow.
 */
import type { PagefindResult, ResultCards } from './engine.ts';
import { fillResult, renderResult, renderResultHead, type RenderOptions } from './render.ts';

export interface ShowOptions extends RenderOptions {
  cards: ResultCards | undefined;
  /** Without cards: how many results to show before the others have loaded. */
  firstBatch: number;
  /** True once a newer search has started: its results must not be overwritten. */
  stale: () => boolean;
  /** Takes focus when the list is replaced while focus was on a result that the new list lacks. */
  focusFallback: HTMLElement;
}

export interface Shown {
  /** The list items now on screen (the ones still to come are appended to it). */
  items: HTMLLIElement[];
  /** Resolves when every result of the slice is complete (false: a newer search took over). */
  done: Promise<boolean>;
}

/**
 * Replaces the list's items (none: empties it). A keyboard user who had moved onto a result while a newer search
 * was still on its way (the dialog searches a moment after the last key) would otherwise be left on <body>:
 * focus goes to the same page's title link when the new list has that page (a sub-result counts as its page;
 * sub-results themselves may not be there yet), else to `fallback`.
 */
export function replaceKeepingFocus(list: HTMLOListElement, items: HTMLLIElement[], fallback: HTMLElement): void {
  const active = document.activeElement;
  const pageOf = (href: string) => href.split('#')[0];
  const focusedPage = active instanceof HTMLAnchorElement && list.contains(active) ? pageOf(active.href) : undefined;
  list.replaceChildren(...items);
  if (focusedPage === undefined) return;
  const same = [...list.querySelectorAll<HTMLAnchorElement>('.sr-link')].find(
    (link) => pageOf(link.href) === focusedPage,
  );
  (same ?? fallback).focus();
}

/** Returns once the first results are in the list, or null when a newer search took over meanwhile. */
export async function showResults(
  list: HTMLOListElement,
  slice: PagefindResult[],
  mode: 'replace' | 'append',
  options: ShowOptions,
): Promise<Shown | null> {
  const insert = (items: HTMLLIElement[]) =>
    mode === 'replace' ? replaceKeepingFocus(list, items, options.focusFallback) : list.append(...items);
  const { cards } = options;

  if (cards && slice.every((result) => cards.has(result.id))) {
    const items = slice.map((result) => renderResultHead(cards.get(result.id)!, options));
    insert(items);
    // The fragments are asked for at once: each is a request that takes longer than painting the headings,
    // so they are on their way while the headings paint (waiting for that frame first made the excerpts a
    // frame or more later, 16–40 ms at 5,000 entries, scripts/bench.ts). In list order, so the results at the
    // top (on screen) are answered first by the browser's few connections.
    const loads = slice.map((result) => result.data());
    const done = Promise.all(
      loads.map(async (load, i) => {
        const data = await load;
        if (!options.stale()) fillResult(items[i]!, data, options);
      }),
    ).then(() => !options.stale());
    done.catch(() => {}); // reported by whoever awaits it; a superseded search may not
    return { items, done };
  }

  const first = await Promise.all(slice.slice(0, options.firstBatch).map((result) => result.data()));
  if (options.stale()) return null;
  const items = first.map((data) => renderResult(data, options));
  insert(items);
  const done = (async () => {
    const rest = await Promise.all(slice.slice(options.firstBatch).map((result) => result.data()));
    if (options.stale()) return false;
    const more = rest.map((data) => renderResult(data, options));
    list.append(...more);
    items.push(...more);
    return true;
  })();
  done.catch(() => {});
  return { items, done };
}
