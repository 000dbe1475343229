/**
 * Reading zod 4 schemas generically (no field names): unwrap optional/default/pipe wrappers, read
 * string/number/array checks. Used by the CMS config generator and its parity test.
 */
import type { z } from 'astro/zod';

export interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  defaultValue?: unknown;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  pattern?: RegExp;
  protocol?: RegExp;
  coerce?: boolean;
  getter?: () => z.ZodType;
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

export interface Unwrapped {
  /** The schema that decides the shape (object, array, string, ...). */
  core: z.ZodType;
  /** `.optional()` / `.nullable()` somewhere around it. */
  optional: boolean;
  /** `.default()` somewhere around it. */
  hasDefault: boolean;
  defaultValue?: unknown;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** Look through wrappers (optional, default, pipe/transform, lazy) to the core schema. */
export function unwrap(schema: z.ZodType): Unwrapped {
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

export function checksOf(schema: z.ZodType): CheckDef[] {
  return (defOf(schema).checks ?? []).map((c) => c._zod.def);
}

/** The message a check would report (its `error` option), if it has a fixed one. */
export function checkMessage(check: CheckDef | Def & { error?: CheckDef['error'] }): string | undefined {
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
    if (check.check === 'max_length' && check.maximum !== undefined) out.max = Math.min(out.max ?? Infinity, check.maximum);
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
