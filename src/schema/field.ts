/**
 * Field metadata: what the CMS (and any other generated UI) needs to know about a schema field
 * beyond its type. It lives on the zod schema itself (zod 4 `.meta()`), so there is no second
 * list of fields anywhere in the project.
 */
import type { z } from 'astro/zod';
import { defOf, findFields, schemaAt, unwrap, type SchemaPath } from './zod-walk.ts';

export interface Bilingual {
  nl: string;
  en: string;
}

/** Widgets that cannot be inferred from the zod type alone. */
export type WidgetHint = 'markdown' | 'text' | 'image' | 'file' | 'datetime' | 'date' | 'relation' | 'hidden';

export interface FieldMeta {
  /** Label shown to editors, in Dutch and English. */
  label: Bilingual;
  /** One-line help text under the field. */
  hint?: Bilingual;
  /** Widget override where the type does not say enough (long text, image, date-time). */
  widget?: WidgetHint;
  /**
   * For select fields: the vocabulary the options come from (see vocabularies.ts). Not written by hand: `field()`
   * takes it from the term schema (`termOf(name)` carries its vocabulary name), also inside a list.
   */
  vocabulary?: string;
  /** For references: the collection the value points at (by its language-neutral slug). */
  relation?: string;
  /** Same value in every language (Decap i18n `duplicate`), e.g. dates and ids. */
  i18n?: 'translate' | 'duplicate' | 'none';
  /** Example value shown as placeholder. */
  example?: string;
}

/** Attach editor metadata to a schema. Call it last, so the metadata sits on the outermost schema. */
export function field<T extends z.ZodType>(schema: T, meta: Omit<FieldMeta, 'vocabulary'>): T {
  const vocabulary = vocabularyOf(schema);
  return schema.meta({ ...meta, ...(vocabulary && { vocabulary }) } as unknown as Record<string, unknown>) as T;
}

/** The vocabulary a term schema names (`termOf()` puts it in the schema's metadata), under wrappers and in a list's items. */
function vocabularyOf(schema: z.ZodType): string | undefined {
  const core = unwrap(schema);
  const own = (core.meta() as { vocabulary?: string } | undefined)?.vocabulary;
  if (own) return own;
  const def = defOf(core);
  return def.type === 'array' && def.element ? vocabularyOf(def.element) : undefined;
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
