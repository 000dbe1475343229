/** Adds the search styles to the document as a constructed stylesheet (no extra request, no inline <style>). */
import css from './search.css?inline';

let adopted = false;

export function adoptStyles() {
  if (adopted) return;
  adopted = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
