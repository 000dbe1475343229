/**
 * The search client, one chunk for every way into search: other pages import it only when a visitor opens
 * search (SearchButton.astro) or uses listing filters (ListingFilters.astro); the search page imports it at
 * once (SearchPage.astro). Built as its own chunk (../client-chunk.ts), so a visitor who opened
 * the dialog already has the search page's code, and pages declare at most a tiny inline loader.
 */
export { openDialog } from './dialog.ts';
export { enhanceListing } from './listing.ts';
export { mountSearchPage } from './search-page/index.ts';
