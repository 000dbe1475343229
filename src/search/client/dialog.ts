/**
 * The search dialog, opened from the header button, Ctrl+K or "/". Created on first use: until then a page
 * has no search code, styles or index (see SearchButton.astro).
 *
 * Keyboard: type to search; ArrowDown/ArrowUp move between the input and the result links (Tab works too);
 * Enter opens a result, or in the input opens the full search page; Escape closes and returns focus.
 * A native modal <dialog> keeps the rest of the page inert; Tab wraps around inside it.
 */
import { sectionPath } from '../../i18n/routes.ts';
import { loadPagefind, loadResultCards, resultCardsNow, runSearch, searchAsYouType, warmUpEngine } from './engine.ts';
import { replaceKeepingFocus, showResults } from './show-results.ts';
import { announce } from './search-events.ts';
import { countText, pageLocale, prepareDateFormat, translator } from './strings.ts';
import { adoptStyles } from './styles.ts';
import { explainOffline } from '../../offline/search-notice.ts';

const MAX_RESULTS = 8;
/** Without result cards: shown before the others have loaded (about a screenful). */
const FIRST_BATCH = 3;
const DEBOUNCE_MS = 120;

interface DialogParts {
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  status: HTMLElement;
  results: HTMLOListElement;
  empty: HTMLElement;
  all: HTMLAnchorElement;
}

let parts: DialogParts | undefined;
let opener: HTMLElement | null = null;
let generation = 0;

function build(): DialogParts {
  adoptStyles();
  const locale = pageLocale();
  const t = translator(locale);
  const searchPage = sectionPath(locale, 'search');

  const dialog = document.createElement('dialog');
  dialog.className = 'sr-dialog';
  dialog.setAttribute('aria-labelledby', 'sr-dialog-title');
  dialog.innerHTML = `
    <div class="sr-dialog-body">
      <div class="sr-dialog-head">
        <h2 id="sr-dialog-title"></h2>
        <button type="button" class="sr-button sr-close"></button>
      </div>
      <form role="search" method="get">
        <label class="sr-label" for="sr-dialog-input"></label>
        <input class="sr-input" id="sr-dialog-input" type="search" name="q" autocomplete="off" spellcheck="false"
          aria-describedby="sr-dialog-hint" aria-controls="sr-dialog-results">
        <p class="sr-hint" id="sr-dialog-hint"></p>
      </form>
      <p class="sr-status" role="status" aria-live="polite" aria-atomic="true"></p>
      <div class="sr-empty" hidden></div>
      <ol class="sr-results" id="sr-dialog-results"></ol>
      <a class="sr-link sr-all"></a>
    </div>`;
  const q = <T extends Element>(selector: string) => dialog.querySelector(selector) as T;
  q<HTMLElement>('#sr-dialog-title').textContent = t('search.dialogTitle');
  q<HTMLButtonElement>('.sr-close').textContent = t('search.close');
  q<HTMLLabelElement>('.sr-label').textContent = t('search.inputLabel');
  q<HTMLElement>('.sr-hint').textContent = t('search.keyboardHint');
  const form = q<HTMLFormElement>('form');
  form.action = searchPage;
  const input = q<HTMLInputElement>('input');
  input.placeholder = t('search.placeholder');
  const all = q<HTMLAnchorElement>('.sr-all');
  all.textContent = t('search.allResults');
  all.href = searchPage;
  const p: DialogParts = {
    dialog,
    input,
    status: q('.sr-status'),
    results: q('.sr-results'),
    empty: q('.sr-empty'),
    all,
  };

  q<HTMLButtonElement>('.sr-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', onClose);
  // A click on the backdrop (the dialog element itself, outside its body) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  searchAsYouType(input, DEBOUNCE_MS, () => void search(p));
  dialog.addEventListener('keydown', (event) => onKeydown(event, p));
  document.body.append(dialog);
  return p;
}

function focusables(dialog: HTMLDialogElement): HTMLElement[] {
  return [
    ...dialog.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])',
    ),
  ].filter((node) => !node.hidden && !node.closest('[hidden]'));
}

function onKeydown(event: KeyboardEvent, p: DialogParts) {
  const links = [...p.results.querySelectorAll<HTMLAnchorElement>('a[href]')];
  const active = document.activeElement as HTMLElement | null;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const position = active ? links.indexOf(active as HTMLAnchorElement) : -1;
    const down = event.key === 'ArrowDown';
    if (active === p.input && down && links.length) links[0]!.focus();
    else if (position >= 0)
      (down ? (links[position + 1] ?? links[position]) : (links[position - 1] ?? p.input))!.focus();
    else return;
    event.preventDefault();
    return;
  }
  if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    p.input.focus();
    p.input.select();
    return;
  }
  if (event.key === 'Tab') {
    const nodes = focusables(p.dialog);
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }
}

async function search(p: DialogParts) {
  const locale = pageLocale();
  const t = translator(locale);
  const term = p.input.value.trim();
  const started = performance.now();
  const mine = ++generation;
  p.all.href = `${sectionPath(locale, 'search')}${term ? `?q=${encodeURIComponent(term)}` : ''}`;
  if (!term) {
    replaceKeepingFocus(p.results, [], p.input);
    p.empty.hidden = true;
    p.status.textContent = '';
    return;
  }
  p.results.setAttribute('aria-busy', 'true');
  try {
    const pagefind = await loadPagefind();
    const outcome = await runSearch(pagefind, { term, selected: {}, sort: 'relevance' }, {});
    if (mine !== generation) return;
    const results = outcome?.results ?? [];
    const shown = await showResults(p.results, results.slice(0, MAX_RESULTS), 'replace', {
      t,
      locale,
      headingLevel: 3,
      subResults: 2,
      cards: resultCardsNow(),
      firstBatch: FIRST_BATCH,
      stale: () => mine !== generation,
      focusFallback: p.input,
    });
    if (!shown) return;
    p.status.textContent = countText(t, locale, results.length, term);
    p.empty.hidden = results.length > 0;
    if (results.length === 0) {
      const tip = document.createElement('p');
      tip.textContent = t('search.tipSpelling');
      p.empty.replaceChildren(tip);
    }
    // Once every result is in the list, it is usable: excerpts still loading are placeholders hidden from
    // assistive technology. Results still to be added keep it busy.
    if (shown.items.length === Math.min(results.length, MAX_RESULTS)) p.results.removeAttribute('aria-busy');
    announce(p.dialog, 'search:rendered', { term, count: results.length, started });
    if (!(await shown.done)) return;
    announce(p.dialog, 'search:settled', { term, count: results.length, started });
  } catch (error) {
    if (mine !== generation || explainOffline(p.status, p.empty, t)) return;
    p.status.textContent = t('search.error');
    console.error(error);
  } finally {
    if (mine === generation) p.results.removeAttribute('aria-busy');
  }
}

function onClose() {
  document.documentElement.classList.remove('sr-dialog-open');
  const target = opener;
  opener = null;
  if (target?.isConnected) target.focus();
}

/** Open the dialog; focus returns to `from` (or the element that had focus) when it closes. */
export function openDialog(from?: Element | null) {
  parts ??= build();
  if (parts.dialog.open) {
    parts.input.focus();
    return;
  }
  const candidate = (from ?? document.activeElement) as HTMLElement | null;
  opener = candidate && candidate !== document.body ? candidate : null;
  document.documentElement.classList.add('sr-dialog-open');
  parts.dialog.showModal();
  parts.input.focus();
  parts.input.select();
  // Start loading and warming up the engine (warmUpEngine), load the result cards and prepare the date format,
  // while the visitor types.
  // data-engine="ready" tells tests that both are in (as on the search page).
  const dialog = parts.dialog;
  void Promise.all([warmUpEngine(), loadResultCards()])
    .then(() => (dialog.dataset.engine = 'ready'))
    .catch(() => {});
  setTimeout(() => prepareDateFormat(pageLocale()));
}
