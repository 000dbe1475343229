/**
 * Astro collections over the top-level content/ folder, one per collection of the registry in src/schema/index.ts
 * (the schemas come from there; a collection missing here is a type error).
 * Ids are "<locale>/<slug>" for MDX collections and "<slug>" for materials.
 * References between entries are language-neutral slugs checked by scripts/check-content.ts
 * (Astro's reference() expects the locale-prefixed id and only logs a dangling one).
 */
import { defineCollection } from 'astro:content';
import { guardedLoader } from './integrations/content-guard/loader.ts';
import { collections as registry, type CollectionName } from './schema/index.ts';
import { CONTENT_DIR } from './site.config.ts';

/** glob() over the collection's folder, every entry read and checked by the content guard first. */
const loaderFor = (name: CollectionName) => guardedLoader(name, CONTENT_DIR);

// Written out per collection (not mapped over the names) so that each collection keeps its own entry type.
export const collections = {
  practices: defineCollection({
    loader: loaderFor('practices'),
    schema: ({ image }) => registry.practices.schema({ image }),
  }),
  cases: defineCollection({ loader: loaderFor('cases'), schema: ({ image }) => registry.cases.schema({ image }) }),
  events: defineCollection({ loader: loaderFor('events'), schema: registry.events.schema }),
  materials: defineCollection({ loader: loaderFor('materials'), schema: registry.materials.schema }),
  news: defineCollection({ loader: loaderFor('news'), schema: ({ image }) => registry.news.schema({ image }) }),
  pages: defineCollection({ loader: loaderFor('pages'), schema: registry.pages.schema }),
} satisfies Record<CollectionName, unknown>;
