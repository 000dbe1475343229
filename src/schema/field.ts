/**
 * Field metadata: what the CMS (and any other generated UI) needs to know about a schema field
 * beyond its type. It lives on the zod schema itself (zod 4 `.meta()`), so there is no second
 * list of fields anywhere in the project.
 */
import type { z } from 'astro/zod';
import { defOf, findFields, schemaAt, type SchemaPath } from './zod-walk.ts';

export interface Bilingual {
  nl: string;
  en: string;
}

/** Widgets that cannot be inferred from the zod type alone. */
export type WidgetHint =
  | 'markdown'
  | 'text'
  | 'image'
  | 'file'
  | 'datetime'
  | 'date'
  | 'relation'
  | 'hidden';

export interface FieldMeta {
  /** Label shown to editors, in Dutch and English. */
  label: Bilingual;
  /** One-line help text under the field. */
  hint?: Bilingual;
  /** Widget override where the type does not say enough (long text, image, date-time). */
  widget?: WidgetHint;
  /** For select fields: the vocabulary the options come from (see vocabularies.ts). */
  vocabulary?: string;
  /** For references: the collection the value points at (by its language-neutral slug). */
  relation?: string;
  /** Same value in every language (Decap i18n `duplicate`), e.g. dates and ids. */
  i18n?: 'translate' | 'duplicate' | 'none';
  /** Example value shown as placeholder. */
  example?: string;
}

/** Attach editor metadata to a schema. Call it last, so the metadata sits on the outermost schema. */
export function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  return schema.meta(meta as unknown as Record<string, unknown>) as T;
}

/** Read the metadata attached with `field()`, looking through optional/default/nullable wrappers. */
export function fieldMeta(schema: z.ZodType): FieldMeta | undefined {
  for (let current: z.ZodType | undefined = schema; current; current = defOf(current).innerType) {
    const meta = current.meta() as FieldMeta | undefined;
    if (meta?.label) return meta;
  }
  return undefined;
}

/** Editor metadata of the field at a path (for labels in messages). */
export function metaAt(schema: z.ZodType, path: readonly PropertyKey[]): FieldMeta | undefined {
  const at = schemaAt(schema, path);
  return at ? fieldMeta(at) : undefined;
}

export interface ReferenceField {
  /** e.g. ['sessions', '[]', 'materials'] */
  path: SchemaPath;
  /** Collection the values point at (from `relation` in the field metadata). */
  relation: string;
}

/** Every field whose metadata says `relation: '<collection>'`, at any depth. */
export function referenceFields(schema: z.ZodType): ReferenceField[] {
  return findFields(schema, (node) => fieldMeta(node)?.relation).map(({ path, found }) => ({ path, relation: found }));
}
