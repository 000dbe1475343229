/**
 * The content model: every collection once, with its folder layout. content.config.ts, the content
 * checks, the CMS config generator and the search facets all read this registry.
 */
import { caseSchema } from './cases.ts';
import type { SchemaContext } from './common.ts';
import { eventSchema } from './events.ts';
import type { Bilingual } from './field.ts';
import { materialSchema } from './materials.ts';
import { newsSchema } from './news.ts';
import { pageSchema } from './pages.ts';
import { practiceSchema } from './practices.ts';

export interface CollectionDefinition {
  /** Folder under content/. */
  folder: string;
  /** `mdx` entries live in nl/ and en/ subfolders (same file name = same item); `yaml` entries are language-neutral. */
  format: 'mdx' | 'yaml';
  label: Bilingual;
  /** Singular label for "new …" buttons. */
  labelSingular: Bilingual;
  schema: (ctx: SchemaContext) => import('astro/zod').z.ZodType;
}

export const collections = {
  practices: {
    folder: 'practices',
    format: 'mdx',
    label: { nl: 'Goede praktijken', en: 'Best practices' },
    labelSingular: { nl: 'Goede praktijk', en: 'Best practice' },
    schema: practiceSchema,
  },
  cases: {
    folder: 'cases',
    format: 'mdx',
    label: { nl: 'Gemeenten', en: 'Municipalities' },
    labelSingular: { nl: 'Gemeente', en: 'Municipality' },
    schema: caseSchema,
  },
  events: {
    folder: 'events',
    format: 'mdx',
    label: { nl: 'Evenementen', en: 'Events' },
    labelSingular: { nl: 'Evenement', en: 'Event' },
    schema: eventSchema,
  },
  materials: {
    folder: 'materials',
    format: 'yaml',
    label: { nl: 'Materialen', en: 'Materials' },
    labelSingular: { nl: 'Materiaal', en: 'Material' },
    schema: materialSchema,
  },
  news: {
    folder: 'news',
    format: 'mdx',
    label: { nl: 'Nieuws', en: 'News' },
    labelSingular: { nl: 'Nieuwsbericht', en: 'News item' },
    schema: newsSchema,
  },
  pages: {
    folder: 'pages',
    format: 'mdx',
    label: { nl: "Pagina's", en: 'Pages' },
    labelSingular: { nl: 'Pagina', en: 'Page' },
    schema: pageSchema,
  },
} as const satisfies Record<string, CollectionDefinition>;

export type CollectionName = keyof typeof collections;
export const collectionNames = Object.keys(collections) as CollectionName[];

export { settingsSchema } from './settings.ts';
