/**
 * Walking zod 4 schemas generically: find fields by their metadata (fieldMeta), look up the schema
 * and label at a path. Nothing here knows the names of fields.
 */
import type { z } from 'astro/zod';
import { fieldMeta, type FieldMeta } from '../../schema/field.ts';

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
  coerce?: boolean;
};

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'success']);

/** Look through optional/default/nullable/pipe/lazy wrappers to the schema that decides the shape. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 50; i++) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else return current;
  }
  return current;
}

/** One step into a schema: an object key or an array index. */
export function childSchema(schema: z.ZodType, segment: string | number): z.ZodType | undefined {
  const core = unwrap(schema);
  const def = defOf(core);
  switch (def.type) {
    case 'object':
      return typeof segment === 'string' ? def.shape?.[segment] : undefined;
    case 'array':
      return def.element;
    case 'record':
      return def.valueType;
    case 'tuple':
      return typeof segment === 'number' ? def.items?.[segment] : undefined;
    case 'intersection':
      return (def.left && childSchema(def.left, segment)) ?? (def.right && childSchema(def.right, segment));
    case 'union':
      for (const option of def.options ?? []) {
        const child = childSchema(option, segment);
        if (child) return child;
      }
      return undefined;
    default:
      return undefined;
  }
}

export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    current = childSchema(current, typeof segment === 'number' ? segment : String(segment));
  }
  return current;
}

/** Editor metadata of the field at a path (for labels in messages). */
export function metaAt(schema: z.ZodType, path: readonly PropertyKey[]): FieldMeta | undefined {
  const at = schemaAt(schema, path);
  return at ? fieldMeta(at) : undefined;
}

/** A path segment `[]` stands for "every item of the list". */
export type SchemaPath = (string | '[]')[];

export interface ReferenceField {
  /** e.g. ['sessions', '[]', 'materials'] */
  path: SchemaPath;
  /** Collection the values point at (from `relation` in the field metadata). */
  relation: string;
}

/** Every field whose metadata says `relation: '<collection>'`, at any depth. */
export function referenceFields(schema: z.ZodType): ReferenceField[] {
  const found: ReferenceField[] = [];
  const seen = new Set<z.ZodType>();
  const visit = (node: z.ZodType, path: SchemaPath) => {
    if (seen.has(node) || path.length > 20) return;
    seen.add(node);
    const relation = fieldMeta(node)?.relation;
    if (relation) {
      found.push({ path, relation });
      return;
    }
    const core = unwrap(node);
    const def = defOf(core);
    if (def.type === 'object') for (const [key, child] of Object.entries(def.shape ?? {})) visit(child, [...path, key]);
    else if (def.type === 'array' && def.element) visit(def.element, [...path, '[]']);
    else if (def.type === 'record' && def.valueType) visit(def.valueType, [...path, '[]']);
    else if (def.type === 'union' || def.type === 'intersection') {
      for (const option of def.options ?? [def.left, def.right].filter((x): x is z.ZodType => !!x)) visit(option, path);
    }
    seen.delete(node);
  };
  visit(schema, []);
  return found;
}

/** `['sessions', 0, 'end']` → `sessions[0].end`; `['sessions', '[]', 'materials']` → `sessions[].materials`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (segment === '[]') out += '[]';
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

/** The value at a concrete path in parsed YAML data. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}
