/**
 * Astro collections over the top-level content/ folder, one per collection of the registry in src/schema/index.ts
 * (the schemas come from there; a collection missing here is a type error).
 * Ids are "<locale>/<slug>" for MDX collections and "<slug>" for materials.
 * References between entries are language-neutral slugs checked by scripts/check-content.ts
 * (Astro's reference() expects the locale-prefixed id and only logs a dangling one).
 */
import { defineCollection } from 'astro:content';
import type { z } from 'astro/zod';
import type { SchemaContext } from './schema/common.ts';
import { guardedLoader } from './integrations/content-guard/loader.ts';
import { collections as registry, type CollectionName } from './schema/index.ts';
import { CONTENT_DIR } from './site.config.ts';

/** glob() over the collection's folder, every entry read and checked by the content guard first. */
const loaderFor = (name: CollectionName) => guardedLoader(name, CONTENT_DIR);

/**
 * A collection's schema, built once per kind of image() helper instead of once per entry. Astro's content layer calls
 * the schema function for every entry it validates, with an image() helper made for that entry, and building one of
 * these schemas costs about 0.7 ms (validating an entry 0.07 ms): 3.5 s of CPU for 5,000 entries. The helper uses its
 * entry only for an image named without ./ or / that exists beside the entry, and the content guard's loader gives
 * such a name its ./ first (loader.ts); so helpers with the same code behave the same for every value they get, and
 * the code is the key (the type generator passes a helper of another kind, and gets a schema of its own).
 */
function schemaOnce<I extends z.ZodType, S>(build: (context: SchemaContext<I>) => S) {
  const built = new Map<string, S>();
  return (context: SchemaContext<I>): S => {
    const kind = context.image.toString();
    let schema = built.get(kind);
    if (!schema) built.set(kind, (schema = build(context)));
    return schema;
  };
}

// Written out per collection (not mapped over the names) so that each collection keeps its own entry type.
export const collections = {
  practices: defineCollection({ loader: loaderFor('practices'), schema: schemaOnce(registry.practices.schema) }),
  cases: defineCollection({ loader: loaderFor('cases'), schema: schemaOnce(registry.cases.schema) }),
  events: defineCollection({ loader: loaderFor('events'), schema: schemaOnce(registry.events.schema) }),
  materials: defineCollection({ loader: loaderFor('materials'), schema: schemaOnce(registry.materials.schema) }),
  news: defineCollection({ loader: loaderFor('news'), schema: schemaOnce(registry.news.schema) }),
  pages: defineCollection({ loader: loaderFor('pages'), schema: schemaOnce(registry.pages.schema) }),
} satisfies Record<CollectionName, unknown>;
