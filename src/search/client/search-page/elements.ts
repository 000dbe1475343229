/** The search page's parts (SearchPage.astro) and the query its form describes. */
import type { Query } from '../engine.ts';
import { readSelection } from '../facet-form.ts';

export interface PageElements {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  /** The live region: prompt, result count, errors. */
  status: HTMLElement;
  list: HTMLOListElement;
  empty: HTMLElement;
  more: HTMLButtonElement;
  clear: HTMLButtonElement;
  /** The filters, folded away on narrow screens. */
  details: HTMLDetailsElement | null;
}

export function pageElements(root: HTMLElement): PageElements {
  return {
    root,
    form: root.querySelector('form')!,
    input: root.querySelector<HTMLInputElement>('input[type="search"]')!,
    sort: root.querySelector<HTMLSelectElement>('select[name="sort"]')!,
    status: root.querySelector<HTMLElement>('[data-status]')!,
    list: root.querySelector<HTMLOListElement>('[data-results]')!,
    empty: root.querySelector<HTMLElement>('[data-empty]')!,
    more: root.querySelector<HTMLButtonElement>('[data-more]')!,
    clear: root.querySelector<HTMLButtonElement>('[data-clear]')!,
    details: root.querySelector<HTMLDetailsElement>('details'),
  };
}

/** The query the form shows now. */
export function currentQuery({ root, input, sort }: PageElements): Query {
  return {
    term: input.value.trim(),
    selected: readSelection(root),
    sort: sort.value === 'date' ? 'date' : 'relevance',
  };
}
