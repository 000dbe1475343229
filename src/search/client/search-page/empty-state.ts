/** What the search page says when a search finds nothing: the reason, a spelling tip, a way out of the filters. */
import type { Query } from '../engine.ts';
import { hasSelection } from '../facet-form.ts';
import type { Translate } from '../strings.ts';

export function showEmpty(empty: HTMLElement, query: Query, t: Translate, clearFilters: () => void): void {
  const paragraph = (text: string) => {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  };
  const parts: HTMLElement[] = [];
  const head = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = query.term ? t('search.noResults', { query: query.term }) : t('search.noResultsFilters');
  head.append(strong);
  parts.push(head);
  if (query.term) parts.push(paragraph(t('search.tipSpelling')));
  if (hasSelection(query.selected)) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sr-button';
    button.textContent = t('search.clearFilters');
    button.addEventListener('click', () => clearFilters());
    parts.push(paragraph(t('search.tipFilters')), button);
  }
  empty.replaceChildren(...parts);
  empty.hidden = false;
}
