/**
 * Renders Pagefind results as list items: title link, type and date, excerpt with highlighted terms,
 * sub-results. A result can be shown in two steps: its heading from a result card, then the rest from its
 * fragment (render in one step with renderResult).
 */
import type { Locale } from '../../i18n/locales.ts';
import type { PagefindResultData } from './engine.ts';
import { headFromFragment, type ResultHead } from '../result-cards.ts';
import type { Translate } from './strings.ts';
import { formatIsoDay } from '../../lib/time/format.ts';

export interface RenderOptions {
  t: Translate;
  locale: Locale;
  /** Heading level of a result title (the list sits under an h2 on the search page and in the dialog). */
  headingLevel: 2 | 3 | 4;
  /** How many sub-results (sections of the page, by heading) to show at most. */
  subResults: number;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind excerpts are HTML-escaped with only <mark> added, so they are safe as markup. */
function excerpt(html: string): HTMLParagraphElement {
  const p = el('p', 'sr-excerpt');
  p.innerHTML = html;
  return p;
}

/**
 * A result's heading part: thumbnail, title link, type, date, example label, and an empty excerpt that
 * fillResult() completes. Built from a result card before the fragment has loaded, or from the fragment.
 */
export function renderResultHead(head: ResultHead, options: RenderOptions): HTMLLIElement {
  const { t, locale } = options;
  const item = el('li', 'sr-result');

  if (head.image) {
    const img = el('img', 'sr-thumb');
    img.src = head.image;
    img.alt = '';
    img.width = 96;
    img.height = 64;
    img.loading = 'lazy';
    item.append(img);
  }

  const heading = el(`h${options.headingLevel}`, 'sr-title');
  const link = el('a', 'sr-link', head.title);
  link.href = head.url;
  heading.append(link);
  item.append(heading);

  const meta = el('p', 'sr-meta');
  if (head.type) meta.append(el('span', 'sr-type', head.type));
  if (head.date) {
    const time = el('time', 'sr-date', formatIsoDay(head.date, locale));
    time.dateTime = head.date;
    meta.append(time);
  }
  if (head.example) meta.append(el('span', 'sr-example', t('search.example')));
  item.append(meta);
  // Holds the place of the excerpt, so the list does not jump when it arrives; empty, so hidden from screen readers.
  const pending = el('p', 'sr-excerpt sr-pending');
  pending.setAttribute('aria-hidden', 'true');
  item.append(pending);
  return item;
}

/** Completes a result from its fragment: the excerpt with the terms highlighted and the sub-results. */
export function fillResult(item: HTMLLIElement, data: PagefindResultData, options: RenderOptions): void {
  const { t } = options;
  const { title } = headFromFragment(data);
  // When the words matched only the page's tags or title, the excerpt has no highlight: the summary says more.
  const summary = data.meta.summary;
  const text = !data.excerpt.includes('<mark>') && summary ? el('p', 'sr-excerpt', summary) : excerpt(data.excerpt);
  const pending = item.querySelector(':scope > .sr-pending');
  if (pending) pending.replaceWith(text);
  else item.append(text);

  const sections = data.sub_results.filter((sub) => sub.anchor && sub.url !== data.url).slice(0, options.subResults);
  if (sections.length > 0) {
    const list = el('ul', 'sr-subs');
    list.setAttribute('aria-label', `${t('search.subResults')}: ${title}`);
    for (const sub of sections) {
      const li = el('li', 'sr-sub');
      const a = el('a', 'sr-sublink', sub.title);
      a.href = sub.url;
      li.append(a, excerpt(sub.excerpt));
      list.append(li);
    }
    item.append(list);
  }
}

/** A complete result from its fragment. */
export function renderResult(data: PagefindResultData, options: RenderOptions): HTMLLIElement {
  const item = renderResultHead(headFromFragment(data), options);
  fillResult(item, data, options);
  return item;
}
