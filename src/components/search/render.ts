/** Renders Pagefind results as list items: title link, type and date, excerpt with highlighted terms, sub-results. */
import type { Locale } from '../../i18n/locales.ts';
import type { PagefindResultData } from './engine.ts';
import { formatIsoDate, type Translate } from './strings.ts';

export interface RenderOptions {
  t: Translate;
  locale: Locale;
  /** Heading level of a result title (the list sits under an h2 on the search page and in the dialog). */
  headingLevel: 2 | 3 | 4;
  /** How many sub-results (sections of the page, by heading) to show at most. */
  subResults: number;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
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

export function renderResult(data: PagefindResultData, options: RenderOptions): HTMLLIElement {
  const { t, locale } = options;
  const item = el('li', 'sr-result');
  const title = data.meta.title?.trim() || data.url;

  if (data.meta.image) {
    const img = el('img', 'sr-thumb');
    img.src = data.meta.image;
    img.alt = '';
    img.width = 96;
    img.height = 64;
    img.loading = 'lazy';
    item.append(img);
  }

  const heading = el(`h${options.headingLevel}`, 'sr-title');
  const link = el('a', 'sr-link', title);
  link.href = data.url;
  heading.append(link);
  item.append(heading);

  const meta = el('p', 'sr-meta');
  const type = data.filters.type?.[0];
  if (type) meta.append(el('span', 'sr-type', type));
  if (data.meta.date) {
    const time = el('time', 'sr-date', formatIsoDate(data.meta.date, locale));
    time.dateTime = data.meta.date;
    meta.append(time);
  }
  if (data.filters.example?.length) meta.append(el('span', 'sr-example', t('search.example')));
  item.append(meta);

  // When the words matched only the page's tags or title, the excerpt has no highlight: the summary says more.
  const summary = data.meta.summary;
  if (!data.excerpt.includes('<mark>') && summary) item.append(el('p', 'sr-excerpt', summary));
  else item.append(excerpt(data.excerpt));

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
  return item;
}
