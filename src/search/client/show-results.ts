/**
 * Puts a slice of results into a result list, as early as possible, for the search page and the dialog.
 *
 * - When every result of the slice has a result card (result-cards.ts), their headings are on screen at once
 *   and each excerpt fills in when its fragment arrives.
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

/** After the next frame; a page in a background tab paints no frames, so at most a moment later. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });
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
    // The fragments are asked for once the headings are painted, so their handling does not delay that frame;
    // a search that a newer one replaced meanwhile asks for none (they would queue before the newer ones).
    const done = afterPaint().then(async () => {
      if (options.stale()) return false;
      await Promise.all(
        slice.map(async (result, i) => {
          if (options.stale()) return;
          fillResult(items[i]!, await result.data(), options);
        }),
      );
      return !options.stale();
    });
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
