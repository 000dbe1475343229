/**
 * Astro collections over the top-level content/ folder, built from the content model in src/schema.
 * Ids are "<locale>/<slug>" for MDX collections and "<slug>" for materials.
 * References between entries are language-neutral slugs checked by scripts/check-content.ts
 * (Astro's reference() expects the locale-prefixed id and only logs a dangling one).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collections as model, type CollectionName } from './schema/index.ts';
import { CONTENT_DIR } from './site.config.ts';
import { practiceSchema } from './schema/practices.ts';
import { caseSchema } from './schema/cases.ts';
import { eventSchema } from './schema/events.ts';
import { materialSchema } from './schema/materials.ts';
import { newsSchema } from './schema/news.ts';
import { pageSchema } from './schema/pages.ts';

function loaderFor(name: CollectionName) {
  const def = model[name];
  return glob({ base: `${CONTENT_DIR}/${def.folder}`, pattern: def.format === 'mdx' ? '{nl,en}/*.mdx' : '*.yaml' });
}

export const collections = {
  practices: defineCollection({ loader: loaderFor('practices'), schema: ({ image }) => practiceSchema({ image }) }),
  cases: defineCollection({ loader: loaderFor('cases'), schema: ({ image }) => caseSchema({ image }) }),
  events: defineCollection({ loader: loaderFor('events'), schema: eventSchema }),
  materials: defineCollection({ loader: loaderFor('materials'), schema: materialSchema }),
  news: defineCollection({ loader: loaderFor('news'), schema: ({ image }) => newsSchema({ image }) }),
  pages: defineCollection({ loader: loaderFor('pages'), schema: pageSchema }),
};
