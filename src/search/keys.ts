/**
 * Names of index filters that the search client reads as well as the build. Kept free of imports, so the
 * client bundle does not pull in the content model (attributes.ts imports the schemas).
 */

/** Not a facet on screen, but a filter in the index: example content is labelled in results. */
export const EXAMPLE_FILTER = 'example';
