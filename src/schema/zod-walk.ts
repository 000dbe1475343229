/**
 * Walking zod 4 schemas generically: read a schema's definition, look through wrappers
 * (optional/default/nullable/pipe/lazy), step into objects and lists, read string/number checks,
 * and visit every field of a tree. Nothing here knows the names of fields.
 *
 * The one reading of zod internals for the whole project: the content checks (src/lib/checks), the
 * CMS config generator and its pre-save check (admin/) and the field metadata (field.ts) all use it.
 * Pure TypeScript (type-only zod import): runs in Node and in the browser.
 */
import type { z } from 'astro/zod';

export interface Def {
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
  entries?: Record<string, string | number>;
  defaultValue?: unknown;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  pattern?: RegExp;
  protocol?: RegExp;
  coerce?: boolean;
}

export interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  error?: (issue: unknown) => unknown;
}

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'readonly',
  'catch',
  'nonoptional',
  'success',
]);

export interface Peeled {
  /** The schema that decides the shape (object, array, string, ...). */
  core: z.ZodType;
  /** `.optional()` / `.nullable()` somewhere around it. */
  optional: boolean;
  /** `.default()` somewhere around it. */
  hasDefault: boolean;
  defaultValue?: unknown;
}

/** Look through wrappers (optional, default, pipe/transform, lazy) to the core schema, noting optional and default on the way. */
export function peel(schema: z.ZodType): Peeled {
  let current = schema;
  let optional = false;
  let hasDefault = false;
  let defaultValue: unknown;
  for (let i = 0; i < 50; i++) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) {
      if (def.type === 'optional' || def.type === 'nullable') optional = true;
      if (def.type === 'default' || def.type === 'prefault') {
        hasDefault = true;
        const value = def.defaultValue;
        defaultValue = typeof value === 'function' ? (value as () => unknown)() : value;
      }
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else break;
  }
  return { core: current, optional, hasDefault, defaultValue };
}

/** The schema that decides the shape, under optional/default/nullable/pipe/lazy wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  return peel(schema).core;
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

/** The schema at a path in the data (`['sessions', 0, 'end']`). */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    current = childSchema(current, typeof segment === 'number' ? segment : String(segment));
  }
  return current;
}

/** A path segment `[]` stands for "every item of the list". */
export type SchemaPath = (string | '[]')[];

/**
 * Every field, at any depth, for which `pick` returns something: its path and what `pick` returned.
 * A picked field is not looked into further.
 */
export function findFields<T>(
  schema: z.ZodType,
  pick: (node: z.ZodType) => T | undefined,
): { path: SchemaPath; found: T }[] {
  const out: { path: SchemaPath; found: T }[] = [];
  const seen = new Set<z.ZodType>();
  const visit = (node: z.ZodType, path: SchemaPath) => {
    if (seen.has(node) || path.length > 20) return;
    seen.add(node);
    const found = pick(node);
    if (found !== undefined) {
      out.push({ path, found });
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
  return out;
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

/** The value at a concrete path in parsed data. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// Checks of string, number and array schemas

export function checksOf(schema: z.ZodType): CheckDef[] {
  return (defOf(schema).checks ?? []).map((c) => c._zod.def);
}

/** The message a check would report (its `error` option), if it has a fixed one. */
export function checkMessage(check: CheckDef | (Def & { error?: CheckDef['error'] })): string | undefined {
  const error = (check as { error?: CheckDef['error'] }).error;
  if (typeof error !== 'function') return undefined;
  try {
    const out = error({ code: 'invalid_format', input: '' });
    if (typeof out === 'string') return out;
    if (out && typeof out === 'object' && 'message' in out) return String((out as { message: unknown }).message);
  } catch {
    /* a message that needs the real issue */
  }
  return undefined;
}

/** Length limits of a string or array schema. */
export function lengthLimits(schema: z.ZodType): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const check of checksOf(schema)) {
    if (check.check === 'min_length' && check.minimum !== undefined) out.min = Math.max(out.min ?? 0, check.minimum);
    if (check.check === 'max_length' && check.maximum !== undefined)
      out.max = Math.min(out.max ?? Infinity, check.maximum);
    if (check.check === 'length_equals' && (check as { length?: number }).length !== undefined) {
      out.min = out.max = (check as { length?: number }).length;
    }
  }
  return out;
}

/** Limits and integer-ness of a number schema. */
export function numberLimits(schema: z.ZodType): { min?: number; max?: number; int: boolean } {
  const out: { min?: number; max?: number; int: boolean } = { int: false };
  for (const check of checksOf(schema)) {
    if (check.check === 'number_format' && /int/.test(check.format ?? '')) out.int = true;
    if (check.check === 'greater_than' && check.value !== undefined) out.min = check.value;
    if (check.check === 'less_than' && check.value !== undefined) out.max = check.value;
  }
  return out;
}

/** Concrete occurrences of a schema path in data: ['sessions','[]','materials'] → sessions[0].materials, … */
export function* occurrences(
  data: unknown,
  path: SchemaPath,
  at: PropertyKey[] = [],
): Generator<{ path: PropertyKey[]; value: unknown }> {
  if (!path.length) {
    yield { path: at, value: data };
    return;
  }
  const [head, ...rest] = path;
  if (head === '[]') {
    if (Array.isArray(data)) for (let i = 0; i < data.length; i++) yield* occurrences(data[i], rest, [...at, i]);
    else if (data && typeof data === 'object')
      for (const [k, v] of Object.entries(data)) yield* occurrences(v, rest, [...at, k]);
    return;
  }
  if (data && typeof data === 'object' && !Array.isArray(data) && head! in data) {
    yield* occurrences((data as Record<string, unknown>)[head!], rest, [...at, head!]);
  }
}
