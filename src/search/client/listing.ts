/**
 * Listing filters (ListingFilters.astro): progressive enhancement over a complete, server-rendered list.
 * Loaded on the first change of a filter (or at once when the URL already carries filters). Pagefind is
 * asked with no query and the listing's content type as a fixed filter; items whose page is not among the
 * results are hidden, counts follow the selection, and the selection is kept in the URL. Which page a result
 * is comes from the result cards, so filtering loads no per-page fragments.
 */
import {
  facetCounts,
  loadPagefind,
  loadResultCards,
  runSearch,
  type PagefindResult,
  type ResultCards,
} from './engine.ts';
import {
  applySelection,
  facetLabels,
  hasSelection,
  readSelection,
  selectionFromParams,
  showCounts,
} from './facet-form.ts';
import { translator, pageLocale } from './strings.ts';

/** List items (li, article or [data-listing-item]) by the path of the entry page they link to. */
function listingItems(form: HTMLElement, section: string): Map<string, HTMLElement[]> {
  const scope = form.closest('main') ?? document.body;
  const byPath = new Map<string, HTMLElement[]>();
  for (const link of scope.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (form.contains(link)) continue;
    const path = new URL(link.href, location.href).pathname;
    // Entry pages are exactly one level below the section (/goede-praktijken/<slug>/); deeper links (facet
    // pages, feeds) and in-page anchors are not list items.
    if (!path.startsWith(section) || !/^[^/]+\/$/.test(path.slice(section.length))) continue;
    const item = link.closest<HTMLElement>('[data-listing-item], li, article') ?? link;
    const list = byPath.get(path) ?? [];
    if (!list.includes(item)) list.push(item);
    byPath.set(path, list);
  }
  return byPath;
}

/** `hidden` alone loses against a card's own `display`; this rule does not. */
function hideRule() {
  const rule = '[data-filtered-out]{display:none!important}';
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rule);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = rule;
    document.head.append(style);
  }
}

export async function enhanceListing(form: HTMLElement) {
  if (form.dataset.enhanced) return;
  form.dataset.enhanced = 'true';
  hideRule();
  const t = translator(pageLocale());
  const type = form.dataset.type!;
  const section = form.dataset.section!;
  const labels = facetLabels(form);
  const status = form.querySelector<HTMLElement>('[data-status]')!;
  const clear = form.querySelector<HTMLButtonElement>('[data-clear]')!;
  const items = listingItems(form, section);
  const total = items.size;
  const urls = new Map<string, string>();
  // A page's URL from its result card; only a page without one costs a fragment request.
  const urlOf = async (result: PagefindResult, cards: ResultCards) => {
    let url = urls.get(result.id);
    if (url === undefined) {
      url = new URL(cards.get(result.id)?.url ?? (await result.data()).url, location.href).pathname;
      urls.set(result.id, url);
    }
    return url;
  };
  let generation = 0;

  if (location.search) applySelection(form, selectionFromParams(form, new URLSearchParams(location.search)));

  async function update() {
    const selected = readSelection(form);
    const mine = ++generation;
    clear.hidden = !hasSelection(selected);
    const params = new URLSearchParams();
    for (const [key, ids] of Object.entries(selected)) for (const id of ids) params.append(key, id);
    history.replaceState(history.state, '', params.size ? `?${params}` : location.pathname);
    try {
      const [pagefind, cards] = await Promise.all([loadPagefind(), loadResultCards()]);
      const query = { term: '', selected, sort: 'date' as const };
      const base = { type: { any: [type] } };
      const outcome = await runSearch(pagefind, query, labels, base);
      if (!outcome || mine !== generation) return;
      const matching = new Set(
        hasSelection(selected) ? await Promise.all(outcome.results.map((result) => urlOf(result, cards))) : [],
      );
      if (mine !== generation) return;
      let shown = 0;
      for (const [path, nodes] of items) {
        const visible = !hasSelection(selected) || matching.has(path);
        for (const node of nodes) {
          node.hidden = !visible;
          node.toggleAttribute('data-filtered-out', !visible);
        }
        if (visible) shown++;
      }
      showCounts(form, await facetCounts(query, labels, base));
      status.textContent = !hasSelection(selected)
        ? ''
        : shown === 0
          ? t('listing.none')
          : t('listing.shown', { shown, total });
    } catch (error) {
      status.textContent = t('search.error');
      console.error(error);
    }
  }

  form.addEventListener('change', () => void update());
  clear.addEventListener('click', () => {
    applySelection(form, {});
    void update();
    form.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
  });
  await update();
}
