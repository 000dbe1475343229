/**
 * The lazily loaded search client: pages import it only when a visitor opens search (SearchButton.astro)
 * or uses listing filters (ListingFilters.astro). Built as its own chunk by src/integrations/pagefind.ts.
 */
export { openDialog } from './dialog.ts';
export { enhanceListing } from './listing.ts';
