/**
 * A listing's filters, inline after them (ListingFilters.astro; compiled by ./compile.ts): show the filter box
 * (data-id), which stays hidden without JavaScript, and load the search client (data-src) on its first use, or
 * at once when the URL already asks for filters.
 */
interface SearchClient {
  enhanceListing(box: HTMLElement): void;
}

const { id, src } = (document.currentScript as HTMLScriptElement).dataset;
const box = document.getElementById(id!)!;
box.hidden = false;
const enhance = () => (import(src!) as Promise<SearchClient>).then((module) => module.enhanceListing(box));
if (location.search) enhance();
else box.addEventListener('change', enhance, { once: true });

export {};
