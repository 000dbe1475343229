/**
 * Turns a zod schema from src/schema into Decap CMS fields, generically: the shape (object, array,
 * union, enum, string, number, boolean, date) comes from the zod type, everything an editor reads
 * (label, hint, widget, options, relation, i18n) from the field metadata (`field()` / `fieldMeta()`).
 */
import type { z } from 'astro/zod';
import { fieldMeta, type FieldMeta } from '../../src/schema/field.ts';
import { slugPattern } from '../../src/schema/common.ts';
import { vocabularies, type Term, type VocabularyName } from '../../src/schema/vocabularies.ts';
import { checkMessage, checksOf, defOf, lengthLimits, numberLimits, peel, unwrap } from '../../src/schema/zod-walk.ts';
import { lengthMessage, patternMessages, regexMessages } from './messages.ts';

/** A Decap field as this project writes it (a subset of decap-cms-core's CmsField). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  i18n?: boolean | 'translate' | 'duplicate' | 'none';
  pattern?: [string, string];
  // select
  options?: { label: string; value: string }[];
  multiple?: boolean;
  min?: number;
  max?: number;
  // number
  value_type?: 'int' | 'float';
  step?: number;
  // relation
  collection?: string;
  search_fields?: string[];
  value_field?: string;
  display_fields?: string[];
  options_length?: number;
  // list / object
  fields?: CmsField[];
  field?: CmsField;
  summary?: string;
  collapsed?: boolean;
  add_to_top?: boolean;
  // datetime
  format?: string;
  date_format?: string | boolean;
  time_format?: string | boolean;
  picker_utc?: boolean;
  // text
  // image / file
  media_folder?: string;
  public_folder?: string;
  choose_url?: boolean;
  allow_multiple?: boolean;
  // mdx body
  modes?: string[];
  sanitize_preview?: boolean;
}

export interface FieldOptions {
  /** The collection is translated (Decap i18n): give every field an i18n setting. */
  i18n: boolean;
  /**
   * Where the field sits, for its i18n setting: at the top, inside a group copied from Dutch
   * (`duplicate`), or inside a list. Decap accepts only true/false on lists and groups, and copies
   * `duplicate` values into groups but not into lists, so: a group marked duplicate → i18n true with
   * every field inside duplicate; a list → i18n true with every field inside translatable (an
   * English list starts empty, or as a copy via "Kopiëren van NL").
   */
  within?: 'top' | 'duplicate-group' | 'list';
  /** Media folder for image/file fields inside this collection (undefined = the collection's). */
  media?: { media_folder: string; public_folder: string };
}

/** Storage formats of the date-time widgets; they match the schema's date() and localDateTime(). */
export const DATE_FORMAT = 'YYYY-MM-DD';
export const LOCAL_DATETIME_FORMAT = 'YYYY-MM-DDTHH:mm';

function optionsOf(name: VocabularyName): { label: string; value: string }[] {
  return (vocabularies[name] as readonly Term[]).map((t) => ({ label: t.label.nl, value: t.id }));
}

function hintOf(meta: FieldMeta | undefined): string | undefined {
  const parts = [meta?.hint?.nl, meta?.example ? `Bijvoorbeeld: ${meta.example}` : undefined].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

function i18nOf(meta: FieldMeta | undefined, within: FieldOptions['within']): 'translate' | 'duplicate' | 'none' {
  if (within === 'duplicate-group') return 'duplicate';
  if (within === 'list') return 'translate';
  if (meta?.i18n === 'duplicate') return 'duplicate';
  if (meta?.i18n === 'none') return 'none';
  return 'translate';
}

/** A regex source that Decap can use in `new RegExp(source)`. */
function source(re: RegExp): string {
  return re.source;
}

/** Pattern [regex, Dutch message] for a string schema, from its format and checks. */
export function patternOf(core: z.ZodType): [string, string] | undefined {
  const def = defOf(core);
  if (def.type !== 'string') return undefined;
  if (def.format === 'url') {
    const protocol = def.protocol ? def.protocol.source.replace(/^\^/, '').replace(/\$$/, '') : '[a-z][a-z0-9+.-]*';
    return [`^(?:${protocol}):\\/\\/[^\\s]+$`, patternMessages.url];
  }
  if (def.format === 'email' && def.pattern) return [source(def.pattern), patternMessages.email];
  const regexes = checksOf(core).filter((c) => c.check === 'string_format' && c.format === 'regex' && c.pattern);
  const { min, max } = lengthLimits(core);
  if (regexes.length > 0) {
    const check = regexes[0]!;
    const re = check.pattern!;
    const message =
      regexMessages[re.source] ??
      (re.source === slugPattern.source ? patternMessages.slug : (checkMessage(check) ?? re.source));
    return [source(re), message];
  }
  const hasMin = min !== undefined && min > 1;
  const hasMax = max !== undefined && Number.isFinite(max);
  if (hasMin || hasMax) {
    // Counted without leading and trailing spaces, like the schema's .trim().min().max().
    const lo = Math.max((min ?? 1) - 2, 0);
    const hi = hasMax ? String(Math.max(max! - 2, 0)) : '';
    const body = (min ?? 1) <= 1 ? `\\S(?:[\\s\\S]{0,${hi}}\\S)?` : `\\S[\\s\\S]{${lo},${hi}}\\S`;
    return [`^\\s*${body}\\s*$`, lengthMessage(hasMin ? min : undefined, hasMax ? max : undefined)];
  }
  return undefined;
}

/** Decap field for one schema field. */
export function toCmsField(name: string, schema: z.ZodType, options: FieldOptions): CmsField {
  const meta = fieldMeta(schema);
  const { core, optional, hasDefault, defaultValue } = peel(schema);
  const def = defOf(core);
  const field: CmsField = {
    name,
    label: meta?.label.nl ?? name,
    widget: 'string',
    required: !(optional || hasDefault),
  };
  const hint = hintOf(meta);
  if (hint) field.hint = hint;
  const i18n = options.i18n ? i18nOf(meta, options.within) : undefined;
  if (i18n) field.i18n = i18n;
  /** Options for the fields inside a group or list. */
  const inner = (kind: 'group' | 'list'): FieldOptions => ({
    ...options,
    within:
      kind === 'list' || options.within === 'list' ? 'list' : i18n === 'duplicate' ? 'duplicate-group' : options.within,
  });

  const isArray = def.type === 'array';
  const element = isArray && def.element ? unwrap(def.element) : undefined;
  const elementDef = element ? defOf(element) : undefined;

  if (meta?.relation) {
    Object.assign(field, {
      widget: 'relation',
      collection: meta.relation,
      search_fields: ['title'],
      value_field: '{{slug}}',
      display_fields: ['title'],
      options_length: 50,
    });
    if (isArray) {
      field.multiple = true;
      const { min, max } = lengthLimits(core);
      if (min) field.min = min;
      if (max !== undefined && Number.isFinite(max)) field.max = max;
    }
  } else if (meta?.vocabulary || def.type === 'enum' || elementDef?.type === 'enum') {
    const vocabulary = meta?.vocabulary as VocabularyName | undefined;
    const enumDef = def.type === 'enum' ? def : elementDef!;
    const ids = Object.values(enumDef.entries ?? {}).map(String);
    field.widget = 'select';
    field.options = vocabulary ? optionsOf(vocabulary) : ids.map((id) => ({ label: id, value: id }));
    if (isArray) {
      field.multiple = true;
      const { min, max } = lengthLimits(core);
      if (min) field.min = min;
      if (max !== undefined && Number.isFinite(max)) field.max = max;
    }
  } else if (meta?.widget === 'image' || meta?.widget === 'file') {
    field.widget = meta.widget;
    field.choose_url = false;
    if (options.media) Object.assign(field, options.media);
  } else if (meta?.widget === 'datetime') {
    Object.assign(field, {
      widget: 'datetime',
      format: LOCAL_DATETIME_FORMAT,
      date_format: 'DD-MM-YYYY',
      time_format: 'HH:mm',
      picker_utc: false,
    });
  } else if (meta?.widget === 'date' || def.type === 'date') {
    Object.assign(field, {
      widget: 'datetime',
      format: DATE_FORMAT,
      date_format: 'DD-MM-YYYY',
      time_format: false,
      picker_utc: false,
    });
  } else if (def.type === 'object') {
    field.widget = 'object';
    field.fields = Object.entries(def.shape ?? {}).map(([key, child]) => toCmsField(key, child, inner('group')));
    if (options.i18n) field.i18n = true;
    field.collapsed = false;
  } else if (isArray && elementDef?.type === 'object') {
    field.widget = 'list';
    field.fields = Object.entries(elementDef.shape ?? {}).map(([key, child]) => toCmsField(key, child, inner('list')));
    if (options.i18n) field.i18n = true;
    const first = field.fields.find(
      (f) => f.widget === 'string' && (f.name === 'title' || f.name === 'name' || f.name === 'label'),
    );
    if (first) field.summary = `{{fields.${first.name}}}`;
    field.collapsed = true;
    const { min, max } = lengthLimits(core);
    if (min) field.min = min;
    if (max !== undefined && Number.isFinite(max)) field.max = max;
  } else if (isArray && element) {
    field.widget = 'list';
    const item = toCmsField('item', def.element!, inner('list'));
    item.label = field.label;
    delete item.required;
    field.field = item;
    if (options.i18n) field.i18n = true;
    const { min, max } = lengthLimits(core);
    if (min) field.min = min;
    if (max !== undefined && Number.isFinite(max)) field.max = max;
  } else if (def.type === 'number') {
    const limits = numberLimits(core);
    field.widget = 'number';
    field.value_type = limits.int ? 'int' : 'float';
    field.step = limits.int ? 1 : 0.0001;
    if (limits.min !== undefined) field.min = limits.min;
    if (limits.max !== undefined) field.max = limits.max;
  } else if (def.type === 'boolean') {
    field.widget = 'boolean';
  } else if (def.type === 'union') {
    // A scalar union (e.g. a number, or a string such as "unknown"): typed as text, checked by the string branch's pattern.
    field.widget = 'string';
    const stringOption = (def.options ?? []).map((o) => unwrap(o)).find((o) => defOf(o).type === 'string');
    const pattern = stringOption ? patternOf(stringOption) : undefined;
    if (pattern) field.pattern = pattern;
  } else {
    field.widget = meta?.widget === 'text' ? 'text' : 'string';
    const pattern = patternOf(core);
    if (pattern) field.pattern = pattern;
  }

  if (hasDefault && defaultValue !== undefined && !(Array.isArray(defaultValue) && defaultValue.length === 0)) {
    field.default = defaultValue;
  }
  return field;
}

/** Decap fields for an object schema (a collection's frontmatter). */
export function objectFields(schema: z.ZodType, options: FieldOptions): CmsField[] {
  const core = unwrap(schema);
  const def = defOf(core);
  if (def.type !== 'object') throw new Error(`expected an object schema, got ${def.type}`);
  return Object.entries(def.shape ?? {}).map(([key, child]) => toCmsField(key, child, options));
}
