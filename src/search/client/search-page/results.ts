/**
 * Running a search on the search page and showing its results: the first page as early as it can be on screen
 * (show-results.ts), then the rest of that page, then the counts next to the filters; "show more" appends the
 * next page. A newer search supersedes an older one (generation), whose late results are dropped.
 */
import type { Locale } from '../../../i18n/locales.ts';
import {
  facetCounts,
  loadPagefind,
  resultCardsNow,
  runSearch,
  type Labels,
  type PagefindResult,
  type Query,
} from '../engine.ts';
import { hasSelection, showCounts } from '../facet-form.ts';
import { replaceKeepingFocus, showResults, type ShowOptions } from '../show-results.ts';
import { announce } from '../search-events.ts';
import { countText, type Translate } from '../strings.ts';
import { explainOffline } from '../../../offline/search-notice.ts';
import { currentQuery, type PageElements } from './elements.ts';
import { showEmpty } from './empty-state.ts';
import type { QueryHistory } from './url-state.ts';

const PAGE_SIZE = 10;
/** Without result cards: shown before the rest of the first page has loaded (about a screenful). */
const FIRST_BATCH = 3;

export interface PageContext {
  elements: PageElements;
  t: Translate;
  locale: Locale;
  labels: Labels;
  history: QueryHistory;
  /** The page's own title; a search puts its query in front. */
  baseTitle: string;
  /** Clears the filters and searches again (the empty state offers it). */
  clearFilters: () => void;
}

export interface ResultsView {
  search(): Promise<void>;
  showMore(): Promise<void>;
}

export function resultsView(page: PageContext): ResultsView {
  const { elements, t, locale, labels } = page;
  const { root, input, status, list, empty, more, clear } = elements;
  let results: PagefindResult[] = [];
  let shown = 0;
  let generation = 0;
  let loadingMore = false;

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

  function showPrompt(term: string, started: number) {
    page.history.flush();
    document.title = page.baseTitle;
    replaceKeepingFocus(list, [], input);
    status.textContent = t('search.prompt');
    list.removeAttribute('aria-busy');
    announce(root, 'search:rendered', { term, count: 0, started, idle: true });
  }

  /** Shows the first page; false when a newer search took over before it was complete. */
  async function showFirstPage(query: Query, mine: number, started: number): Promise<boolean> {
    const firstPage = results.slice(0, PAGE_SIZE);
    const shownPage = await showResults(list, firstPage, 'replace', showOptions(mine));
    if (!shownPage) return false;
    shown = shownPage.items.length;
    more.hidden = shown < firstPage.length || shown >= results.length;
    status.textContent = countText(t, locale, results.length, query.term);
    if (results.length === 0) showEmpty(empty, query, t, page.clearFilters);
    // The query in the title names the history entry and tells screen reader users where they are.
    page.history.flush();
    document.title = query.term ? `${query.term} – ${page.baseTitle}` : page.baseTitle;
    // Once every result of the page is in the list, it is usable: excerpts still loading are placeholders
    // hidden from assistive technology. Results still to be added keep it busy.
    if (shownPage.items.length === firstPage.length) list.removeAttribute('aria-busy');
    performance.measure('search:shown', { start: started });
    announce(root, 'search:rendered', { term: query.term, count: results.length, started });
    if (!(await shownPage.done)) return false;
    list.removeAttribute('aria-busy');
    shown = Math.max(shown, shownPage.items.length);
    more.hidden = shown >= results.length;
    announce(root, 'search:complete', { term: query.term, count: results.length, started });
    return true;
  }

  async function search() {
    const query = currentQuery(elements);
    const started = performance.now();
    const mine = ++generation;
    clear.hidden = !hasSelection(query.selected);
    list.setAttribute('aria-busy', 'true');
    try {
      const pagefind = await loadPagefind();
      const outcome = await runSearch(pagefind, query, labels);
      // On the performance timeline (for profiles and the benchmark): the engine's part; showFirstPage adds search:shown.
      performance.measure('search:engine', { start: started });
      if (mine !== generation) return;
      results = outcome?.results ?? [];
      shown = 0;
      empty.hidden = true;
      // "Show more" waits until this search's first page is in the list.
      more.hidden = true;
      if (!outcome) showPrompt(query.term, started);
      else if (!(await showFirstPage(query, mine, started))) return;
      // Then the counts next to the filters, which need the filter data.
      const counts = await facetCounts(query, labels);
      if (mine !== generation) return;
      showCounts(root, counts);
      announce(root, 'search:settled', { term: query.term, count: results.length, started });
    } catch (error) {
      if (mine !== generation || explainOffline(status, empty, t)) return;
      status.textContent = t('search.error');
      console.error(error);
    } finally {
      if (mine === generation) list.removeAttribute('aria-busy');
    }
  }

  async function showMore() {
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

  return { search, showMore };
}
