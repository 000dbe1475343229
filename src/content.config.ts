/**
 * Astro collections over the top-level content/ folder, built from the content model in src/schema.
 * Ids are "<locale>/<slug>" for MDX collections and "<slug>" for materials.
 * References between entries are language-neutral slugs checked by scripts/check-content.ts
 * (Astro's reference() expects the locale-prefixed id and only logs a dangling one).
 */
import { defineCollection } from 'astro:content';
import { guardedLoader } from './integrations/content-guard/loader.ts';
import type { CollectionName } from './schema/index.ts';
import { CONTENT_DIR } from './site.config.ts';
import { practiceSchema } from './schema/practices.ts';
import { caseSchema } from './schema/cases.ts';
import { eventSchema } from './schema/events.ts';
import { materialSchema } from './schema/materials.ts';
import { newsSchema } from './schema/news.ts';
import { pageSchema } from './schema/pages.ts';

/** glob() over the collection's folder, every entry read and checked by the content guard first. */
const loaderFor = (name: CollectionName) => guardedLoader(name, CONTENT_DIR);

export const collections = {
  practices: defineCollection({ loader: loaderFor('practices'), schema: ({ image }) => practiceSchema({ image }) }),
  cases: defineCollection({ loader: loaderFor('cases'), schema: ({ image }) => caseSchema({ image }) }),
  events: defineCollection({ loader: loaderFor('events'), schema: eventSchema }),
  materials: defineCollection({ loader: loaderFor('materials'), schema: materialSchema }),
  news: defineCollection({ loader: loaderFor('news'), schema: ({ image }) => newsSchema({ image }) }),
  pages: defineCollection({ loader: loaderFor('pages'), schema: pageSchema }),
};
