/**
 * Facet checkboxes rendered by the server (SearchPage.astro, ListingFilters.astro): reading and setting the
 * selection, the id → label map Pagefind needs, and showing counts. Markup contract:
 *   <fieldset data-facet="theme"> … <li class="sf-option"><input type="checkbox" data-key="theme" value="housing"
 *   data-label="Wonen"><label …>Wonen <span class="sf-count">(3)</span></label></li> …
 * The checkboxes have no `name`: the selection reaches the URL through the script (several boxes sharing one
 * name is invalid HTML, and without JavaScript there is no search to submit to anyway).
 */
import type { Labels } from './engine.ts';

export function facetInputs(root: ParentNode): HTMLInputElement[] {
  return [...root.querySelectorAll<HTMLInputElement>('[data-facet] input[type="checkbox"]')];
}

export function facetLabels(root: ParentNode): Labels {
  const labels: Labels = {};
  for (const input of facetInputs(root))
    (labels[input.dataset.key!] ??= {})[input.value] = input.dataset.label ?? input.value;
  return labels;
}

export function readSelection(root: ParentNode): Record<string, string[]> {
  const selected: Record<string, string[]> = {};
  for (const input of facetInputs(root)) if (input.checked) (selected[input.dataset.key!] ??= []).push(input.value);
  return selected;
}

export function applySelection(root: ParentNode, selected: Record<string, string[]>) {
  for (const input of facetInputs(root)) input.checked = selected[input.dataset.key!]?.includes(input.value) ?? false;
}

export function showCounts(root: ParentNode, counts: Record<string, Record<string, number>>) {
  for (const input of facetInputs(root)) {
    const count = counts[input.dataset.key!]?.[input.value];
    if (count === undefined) continue;
    const option = input.closest('.sf-option');
    const badge = option?.querySelector('.sf-count');
    if (badge) badge.textContent = `(${count})`;
    option?.classList.toggle('is-empty', count === 0 && !input.checked);
  }
}

/** Selection from URL parameters, keeping only values the form offers. */
export function selectionFromParams(root: ParentNode, params: URLSearchParams): Record<string, string[]> {
  const selected: Record<string, string[]> = {};
  for (const input of facetInputs(root))
    if (params.getAll(input.dataset.key!).includes(input.value))
      (selected[input.dataset.key!] ??= []).push(input.value);
  return selected;
}

export function hasSelection(selected: Record<string, string[]>): boolean {
  return Object.values(selected).some((ids) => ids.length > 0);
}
