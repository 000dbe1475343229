/** Adds the search styles to the document as a constructed stylesheet (no extra request, no inline <style>). */
import css from './search.css?inline';

let adopted = false;

export function adoptStyles() {
  if (adopted) return;
  adopted = true;
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } else {
    // Older browsers (Safari before 16.4): a <style> element.
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
  }
}
