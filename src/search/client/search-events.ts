/**
 * The events the search UI dispatches (they bubble to `document`) as a search reaches the screen:
 * - `search:rendered`: the first results are visible (or the prompt, for an empty query: `idle`);
 * - `search:complete`: every result of the first page is in the list (search page);
 * - `search:settled`: the search is finished, with the filter counts on the search page.
 * Tests and the benchmark wait on them. `started` (performance.now() when the search began) lets a listener
 * tell the search its own action caused from an earlier one that is still finishing.
 */
export type SearchEventName = 'search:rendered' | 'search:complete' | 'search:settled';

export interface SearchEventDetail {
  term: string;
  count: number;
  started: number;
  idle?: boolean;
}

export function announce(target: EventTarget, name: SearchEventName, detail: SearchEventDetail): void {
  target.dispatchEvent(new CustomEvent(name, { bubbles: true, detail }));
}
