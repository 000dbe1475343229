/**
 * The full search page (/zoeken/, /en/search/): query, facet checkboxes with counts, sort, results with
 * excerpts and sub-results, "show more". The query, filters and sort live in the URL (?q=…&theme=housing&sort=date):
 * typing replaces the history entry, submitting or changing a filter adds one, so a search can be shared
 * and Back returns to the previous one.
 */
import { facetCounts, loadCounter, loadPagefind, loadResultCards, resultCardsNow, runSearch, type Labels, type PagefindResult, type Query } from './engine.ts';
import { applySelection, facetLabels, hasSelection, readSelection, selectionFromParams, showCounts } from './facet-form.ts';
import { replaceKeepingFocus, showResults, type ShowOptions } from './show-results.ts';
import { announce } from './search-events.ts';
import { countText, pageLocale, prepareDateFormat, translator } from './strings.ts';
import { explainOffline } from '../../offline/search-notice.ts';

const PAGE_SIZE = 10;
/** Without result cards: shown before the rest of the first page has loaded (about a screenful). */
const FIRST_BATCH = 3;
const DEBOUNCE_MS = 150;

export function mountSearchPage(root: HTMLElement | null = document.querySelector<HTMLElement>('[data-search-page]')) {
  if (!root) return;
  const locale = pageLocale();
  const t = translator(locale);
  const form = root.querySelector('form')!;
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const sort = root.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const empty = root.querySelector<HTMLElement>('[data-empty]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-clear]')!;
  const details = root.querySelector<HTMLDetailsElement>('details');
  const labels: Labels = facetLabels(root);
  const baseTitle = document.title;

  let results: PagefindResult[] = [];
  let shown = 0;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const current = (): Query => ({ term: input.value.trim(), selected: readSelection(root), sort: sort.value === 'date' ? 'date' : 'relevance' });

  function toParams(query: Query): string {
    const params = new URLSearchParams();
    if (query.term) params.set('q', query.term);
    for (const [key, ids] of Object.entries(query.selected)) for (const id of ids) params.append(key, id);
    if (query.sort === 'date') params.set('sort', 'date');
    const text = params.toString();
    return text ? `?${text}` : location.pathname;
  }

  /**
   * The history entry is written just after the search has started (pushState takes a few milliseconds), and
   * at the latest before the page title changes, so each entry keeps the title of its own search.
   */
  let pendingHistory: (() => void) | undefined;
  function remember(query: Query, mode: 'push' | 'replace') {
    flushHistory();
    pendingHistory = () => writeHistory(query, mode);
    setTimeout(flushHistory);
  }

  function flushHistory() {
    const write = pendingHistory;
    pendingHistory = undefined;
    write?.();
  }

  function writeHistory(query: Query, mode: 'push' | 'replace') {
    const target = toParams(query);
    const now = location.search || location.pathname;
    if (target === now) return;
    if (mode === 'push') history.pushState(null, '', target);
    else history.replaceState(null, '', target);
  }

  function restore() {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    sort.value = params.get('sort') === 'date' ? 'date' : 'relevance';
    applySelection(root!, selectionFromParams(root!, params));
  }

  const showOptions = (mine: number): ShowOptions => ({
    t,
    locale,
    headingLevel: 3,
    subResults: 3,
    cards: resultCardsNow(),
    firstBatch: FIRST_BATCH,
    stale: () => mine !== generation,
    focusFallback: input,
  });

  let loadingMore = false;
  async function renderMore() {
    if (loadingMore) return;
    loadingMore = true;
    const mine = generation;
    let filling: Promise<boolean> | undefined;
    try {
      const slice = results.slice(shown, shown + PAGE_SIZE);
      const shownNow = await showResults(list, slice, 'append', { ...showOptions(mine), firstBatch: slice.length });
      if (!shownNow || mine !== generation) return;
      shown += slice.length;
      more.hidden = shown >= results.length;
      shownNow.items[0]?.querySelector<HTMLAnchorElement>('a')?.focus();
      filling = shownNow.done;
    } finally {
      loadingMore = false;
    }
    await filling?.catch((error: unknown) => {
      if (mine !== generation) return;
      status.textContent = t('search.error');
      console.error(error);
    });
  }

  function showEmpty(query: Query) {
    const parts: HTMLElement[] = [];
    const head = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = query.term ? t('search.noResults', { query: query.term }) : t('search.noResultsFilters');
    head.append(strong);
    parts.push(head);
    if (query.term) {
      const tip = document.createElement('p');
      tip.textContent = t('search.tipSpelling');
      parts.push(tip);
    }
    if (hasSelection(query.selected)) {
      const tip = document.createElement('p');
      tip.textContent = t('search.tipFilters');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sr-button';
      button.textContent = t('search.clearFilters');
      button.addEventListener('click', () => clearFilters());
      parts.push(tip, button);
    }
    empty.replaceChildren(...parts);
    empty.hidden = false;
  }

  async function search() {
    const query = current();
    const started = performance.now();
    const mine = ++generation;
    clear.hidden = !hasSelection(query.selected);
    list.setAttribute('aria-busy', 'true');
    try {
      const pagefind = await loadPagefind();
      const outcome = await runSearch(pagefind, query, labels);
      if (mine !== generation) return;
      results = outcome?.results ?? [];
      shown = 0;
      empty.hidden = true;
      // "Show more" waits until this search's first page is in the list.
      more.hidden = true;
      if (!outcome) {
        flushHistory();
        document.title = baseTitle;
        replaceKeepingFocus(list, [], input);
        status.textContent = t('search.prompt');
        list.removeAttribute('aria-busy');
        announce(root!, 'search:rendered', { term: query.term, count: 0, started, idle: true });
      } else {
        // The results are on screen as early as they can be (show-results.ts); then the rest of the page and
        // the counts next to the filters (which need the filter data) follow.
        const firstPage = results.slice(0, PAGE_SIZE);
        const page = await showResults(list, firstPage, 'replace', showOptions(mine));
        if (!page) return;
        shown = page.items.length;
        more.hidden = shown < firstPage.length || shown >= results.length;
        status.textContent = countText(t, locale, results.length, query.term);
        if (results.length === 0) showEmpty(query);
        // The query in the title names the history entry and tells screen reader users where they are.
        flushHistory();
        document.title = query.term ? `${query.term} – ${baseTitle}` : baseTitle;
        // Once every result of the page is in the list, it is usable: excerpts still loading are placeholders
        // hidden from assistive technology. Results still to be added keep it busy.
        if (page.items.length === firstPage.length) list.removeAttribute('aria-busy');
        announce(root!, 'search:rendered', { term: query.term, count: results.length, started });
        if (!(await page.done)) return;
        list.removeAttribute('aria-busy');
        shown = Math.max(shown, page.items.length);
        more.hidden = shown >= results.length;
        announce(root!, 'search:complete', { term: query.term, count: results.length, started });
      }
      const counts = await facetCounts(query, labels);
      if (mine !== generation) return;
      showCounts(root!, counts);
      announce(root!, 'search:settled', { term: query.term, count: results.length, started });
    } catch (error) {
      if (mine !== generation || explainOffline(status, empty, t)) return;
      status.textContent = t('search.error');
      console.error(error);
    } finally {
      if (mine === generation) list.removeAttribute('aria-busy');
    }
  }

  function clearFilters() {
    applySelection(root!, {});
    remember(current(), 'push');
    void search();
    input.focus();
  }

  input.addEventListener('input', () => {
    const term = input.value.trim();
    if (term) void loadPagefind().then((pagefind) => pagefind.preload(term)).catch(() => {});
    clearTimeout(timer);
    timer = setTimeout(() => {
      remember(current(), 'replace');
      void search();
    }, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    remember(current(), 'push');
    void search();
  });
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    if (target === input) return;
    remember(current(), 'push');
    void search();
  });
  clear.addEventListener('click', clearFilters);
  more.addEventListener('click', () => void renderMore());
  window.addEventListener('popstate', () => {
    restore();
    void search();
  });

  // This page is for searching: fetch the engine (not the index) while the visitor reads or types; then the
  // result cards and the filter data for the counts, which the first search will use.
  // data-engine="ready" tells tests and the benchmark that the warm-up is over.
  const warmUp = () =>
    void loadPagefind()
      .then(() => prepareDateFormat(locale))
      .then(() => Promise.all([loadResultCards(), loadCounter()]))
      .then(() => (root.dataset.engine = 'ready'))
      .catch(() => {});
  if ('requestIdleCallback' in window) requestIdleCallback(warmUp, { timeout: 1000 });
  else setTimeout(warmUp, 300);

  restore();
  if (details && matchMedia('(max-width: 52rem)').matches && !hasSelection(readSelection(root))) details.open = false;
  const initial = current();
  if (initial.term || hasSelection(initial.selected)) void search();
  else clear.hidden = true;
  // From here on the form searches in place (before, it would submit as a plain GET form).
  root.dataset.ready = 'true';
}
