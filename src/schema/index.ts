/**
 * The content model: every collection once, with its facts (src/schema/collections.ts) and its schema.
 * content.config.ts, the content checks, the CMS config generator and the search facets all read this registry.
 */
import { caseSchema } from './cases.ts';
import type { SchemaContext } from './common.ts';
import { eventSchema } from './events.ts';
import { collectionInfo, collectionNames, type CollectionInfo, type CollectionName } from './collections.ts';
import type { z } from 'astro/zod';
import { materialSchema } from './materials.ts';
import { newsSchema } from './news.ts';
import { pageSchema } from './pages.ts';
import { practiceSchema } from './practices.ts';

export type { CollectionName, CollectionInfo, ListedCollection, LocalizedCollection } from './collections.ts';
export { collectionNames, listedCollections, localizedCollections, searchableCollections } from './collections.ts';

/** Each collection's schema; a missing or extra collection is a type error. */
const schemas = {
  practices: practiceSchema,
  cases: caseSchema,
  events: eventSchema,
  materials: materialSchema,
  news: newsSchema,
  pages: pageSchema,
} as const satisfies Record<CollectionName, (ctx: SchemaContext) => z.ZodType>;

export type CollectionDefinition<N extends CollectionName = CollectionName> = CollectionInfo<N> & {
  schema: (typeof schemas)[N];
};

/** The registry: every collection's facts (src/schema/collections.ts) with its schema. */
export const collections = Object.fromEntries(
  collectionNames.map((name) => [name, { ...collectionInfo[name], schema: schemas[name] }]),
) as {
  [N in CollectionName]: CollectionDefinition<N>;
};

export { settingsSchema } from './settings.ts';
