/**
 * The header search button's inline loader (SearchButton.astro; compiled and minified by ./compile.ts, every page
 * pays its bytes, so it stays under 1 KB). On a plain left click of a [data-search-open] link, Ctrl/Cmd+K, or "/"
 * outside text fields it imports the search client (data-src) once and opens the dialog, which returns focus to
 * the element that had it; if the client cannot load, the link is followed, so search still works as a page.
 * On the search page itself the shortcuts focus its search field. The button may be on a page twice: the first
 * script does the work.
 */
interface SearchClient {
  openDialog(opener: Element | null): void;
}

declare global {
  interface Window {
    __searchLoader?: 1;
  }
}

if (!window.__searchLoader) {
  window.__searchLoader = 1;
  const src = (document.currentScript as HTMLScriptElement).dataset.src!;
  let client: Promise<SearchClient> | null = null;
  const find = (selector: string) => document.querySelector<HTMLElement>(selector);
  const open = (link: HTMLAnchorElement | null) => {
    const field = find('[data-search-page] input[type=search]');
    if (field) return field.focus();
    (client ??= import(src) as Promise<SearchClient>).then(
      (module) => module.openDialog(document.activeElement),
      () => {
        client = null;
        if (link) location.href = link.href;
      },
    );
  };
  window.addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.<HTMLAnchorElement>('[data-search-open]');
    if (!link || event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open(link);
  });
  window.addEventListener('keydown', (event) => {
    const key = event.key.toLowerCase();
    const target = event.target as HTMLElement;
    const modifier = event.ctrlKey || event.metaKey;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (event.defaultPrevented || event.altKey || !((key == 'k' && modifier) || (key == '/' && !modifier && !typing)))
      return;
    event.preventDefault();
    open(find('[data-search-open]') as HTMLAnchorElement | null);
  });
  document.querySelectorAll('[data-search-open]').forEach((link) => link.setAttribute('aria-haspopup', 'dialog'));
}

export {};
