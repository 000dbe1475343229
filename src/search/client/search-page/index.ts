/**
 * The full search page (/zoeken/, /en/search/): query, facet checkboxes with counts, sort, results with
 * excerpts and sub-results, "show more". Mounting wires the page's parts (elements.ts) to the URL
 * (url-state.ts) and to the search itself (results.ts).
 */
import { facetLabels, hasSelection, readSelection, applySelection } from '../facet-form.ts';
import { searchAsYouType } from '../engine.ts';
import { pageLocale, translator } from '../strings.ts';
import { currentQuery, pageElements, type PageElements } from './elements.ts';
import { resultsView, type ResultsView } from './results.ts';
import { queryHistory, restoreFromUrl, type QueryHistory } from './url-state.ts';
import { warmUpWhenIdle } from './warm-up.ts';

const DEBOUNCE_MS = 150;

/** Typing searches a moment after the last key (replacing the history entry); submit and filters at once (adding one). */
function listen(elements: PageElements, view: ResultsView, history: QueryHistory, clearFilters: () => void) {
  const { form, input, clear, more } = elements;
  const searchNow = (mode: 'push' | 'replace') => {
    history.remember(currentQuery(elements), mode);
    void view.search();
  };
  const cancelPending = searchAsYouType(input, DEBOUNCE_MS, () => searchNow('replace'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    cancelPending();
    searchNow('push');
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    searchNow('push');
  });
  clear.addEventListener('click', clearFilters);
  more.addEventListener('click', () => void view.showMore());
  window.addEventListener('popstate', () => {
    restoreFromUrl(elements);
    void view.search();
  });
}

export function mountSearchPage(root: HTMLElement | null = document.querySelector<HTMLElement>('[data-search-page]')) {
  if (!root) return;
  const elements = pageElements(root);
  const locale = pageLocale();
  const history = queryHistory();
  const clearFilters = () => {
    applySelection(root, {});
    history.remember(currentQuery(elements), 'push');
    void view.search();
    elements.input.focus();
  };
  const view = resultsView({
    elements,
    t: translator(locale),
    locale,
    labels: facetLabels(root),
    history,
    baseTitle: document.title,
    clearFilters,
  });
  listen(elements, view, history, clearFilters);
  warmUpWhenIdle(root, locale);

  restoreFromUrl(elements);
  if (elements.details && matchMedia('(max-width: 52rem)').matches && !hasSelection(readSelection(root)))
    elements.details.open = false;
  const initial = currentQuery(elements);
  if (initial.term || hasSelection(initial.selected)) void view.search();
  else elements.clear.hidden = true;
  // From here on the form searches in place (before, it would submit as a plain GET form).
  root.dataset.ready = 'true';
}
