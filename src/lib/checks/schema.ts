/**
 * Frontmatter and YAML validation with each collection's zod schema (src/schema), with every zod
 * issue turned into a message an editor can act on: which field, what is wrong, how to fix it.
 *
 * Astro's `image()` is replaced by a stub that checks the file exists: a path relative to the entry
 * (./cover.jpg, ../../../src/assets/x.jpg) or an upload under public/ (/uploads/x.jpg).
 *
 * Beyond the schema: dates must be written as YYYY-MM-DD and be real calendar days (a YAML reader turns
 * 2024-02-30 into 1 March without complaint). The schemas are strict: a field they do not define is an
 * error (one per field, with "did you mean"), and `slug:` gets its own reason (it would silently change
 * the entry's id).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { collections, settingsSchema } from '../../schema/index.ts';
import type { SchemaContext } from '../../schema/common.ts';
import { resolveImage, resolveUpload } from '../../integrations/content-guard/files.ts';
import { fieldMeta, metaAt } from '../../schema/field.ts';
import { closeMatches, didYouMean } from './suggest.ts';
import type { ContentError, ContentFile, ContentWarning, LoadedContent } from './types.ts';
import { defOf, formatPath, schemaAt, unwrap, valueAt } from '../../schema/zod-walk.ts';

/** Image formats Astro's image pipeline accepts (astro/dist/assets/consts.js VALID_INPUT_FORMATS). */
export const IMAGE_EXTENSIONS = ['jpeg', 'jpg', 'png', 'apng', 'tiff', 'webp', 'gif', 'svg', 'avif'];

type Issue = z.core.$ZodIssue;

export interface SchemaCheckResult {
  errors: ContentError[];
  warnings: ContentWarning[];
}

// ---------------------------------------------------------------------------------------------
// image() stub

interface ImageProblem {
  problem: string;
  hint: string;
}

function listUploads(publicDir: string): string[] {
  const dir = path.join(publicDir, 'uploads');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .map((n) => `/uploads/${n}`);
}

export function checkImagePath(value: string, entry: ContentFile, loaded: LoadedContent): ImageProblem | undefined {
  const v = value.trim();
  if (!v) return { problem: 'no image is chosen', hint: 'choose an image, or remove the whole image field' };
  if (v.includes('://') || v.startsWith('//') || v.startsWith('data:')) {
    return {
      problem: `"${v}" is a web address; images must be stored with the site`,
      hint: 'download the image and upload it in the CMS (it is saved under /uploads/), then choose it here',
    };
  }
  const ext = path.extname(v).slice(1).toLowerCase();
  if (v.startsWith('/') && !v.startsWith('/uploads/')) {
    return {
      problem: `"${v}" is not in /uploads/`,
      hint: 'use an uploaded image (/uploads/name.jpg) or a path relative to this file (./name.jpg)',
    };
  }
  // A relative path may point into the content folder (next to the entry) or at the uploaded cover images.
  const resolved = resolveImage(v, entry.absPath, loaded.root, loaded.contentDir);
  if (!resolved.ok && resolved.missing) {
    const near = v.startsWith('/uploads/') ? didYouMean(v, listUploads(loaded.publicDir)) : '';
    return {
      problem: `the image "${v}" does not exist (looked for ${resolved.looked})`,
      hint: `upload the image, or correct the file name${near ? `: ${near}` : ''}`,
    };
  }
  if (!resolved.ok) return { problem: resolved.problem, hint: resolved.hint };
  if (!IMAGE_EXTENSIONS.includes(ext)) {
    return {
      problem: `"${v}" is not an image format the site can use`,
      hint: `use one of: ${IMAGE_EXTENSIONS.join(', ')}`,
    };
  }
  return undefined;
}

/** A SchemaContext whose image() validates against the entry currently being checked. */
function imageContext(loaded: LoadedContent, current: () => ContentFile): SchemaContext {
  return {
    image: () =>
      z.string({ error: 'must be the path of an image, e.g. /uploads/photo.jpg' }).superRefine((value, ctx) => {
        const problem = checkImagePath(value, current(), loaded);
        if (problem) ctx.addIssue({ code: 'custom', message: problem.hint, params: problem });
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Issue → editor message

const DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Expected|Unrecognized)/;

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  return String(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (value instanceof Date) return 'a date';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return typeof value;
}

const EXPECTED: Record<string, { noun: string; fix: string }> = {
  string: { noun: 'text', fix: 'write text after the colon; put it in quotes if it starts with a special character' },
  number: { noun: 'a number', fix: 'write a number without quotes, e.g. 12' },
  int: { noun: 'a whole number', fix: 'write a whole number without quotes, e.g. 2019' },
  boolean: { noun: 'true or false', fix: 'write true or false (without quotes)' },
  array: { noun: 'a list', fix: 'write it as a list: each item on its own line starting with "- "' },
  object: { noun: 'a group of fields', fix: 'write the sub-fields on the lines below it, indented with two spaces' },
  date: { noun: 'a date', fix: 'write the date as YYYY-MM-DD, e.g. 2024-05-16' },
};

/** `must be X` → `the value must be X`; other schema messages already read as instructions. */
function asFix(message: string): string {
  return /^must\b/.test(message) ? `the value ${message}` : message;
}

/** Where to add a missing field, in words: "add the field `alt:` under `cover:`". */
function placeOf(pathArr: readonly PropertyKey[]): string {
  const last = pathArr[pathArr.length - 1];
  const parent = pathArr.slice(0, -1);
  const name = typeof last === 'number' ? `item ${last + 1}` : `\`${String(last)}:\``;
  if (!parent.length) return `the field ${name}`;
  const p = parent[parent.length - 1];
  if (typeof p === 'number') {
    const listPath = formatPath(parent.slice(0, -1));
    return `the field ${name} to item ${p + 1} of \`${listPath}:\``;
  }
  return `the field ${name} under \`${formatPath(parent)}:\``;
}

function labelText(schema: z.ZodType, pathArr: readonly PropertyKey[]): string {
  const label = metaAt(schema, pathArr)?.label;
  if (!label) return '';
  return label.nl === label.en ? ` (${label.nl})` : ` (${label.nl} / ${label.en})`;
}

/** The schema's own message for an empty value at a path, if it has one (e.g. "a title of at least 3 characters is required"). */
function probe(schema: z.ZodType, pathArr: readonly PropertyKey[]): string | undefined {
  const at = schemaAt(schema, pathArr);
  if (!at) return undefined;
  const result = at.safeParse('');
  const issue = result.success ? undefined : result.error.issues[0];
  if (!issue) return undefined;
  if (!DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  if (issue.code === 'too_small' && issue.origin === 'string')
    return `write at least ${Number(issue.minimum)} characters`;
  return undefined;
}

/** For a missing group of fields: "title, url (optional)". */
function subFields(schema: z.ZodType, pathArr: readonly PropertyKey[]): string | undefined {
  const at = schemaAt(schema, pathArr);
  if (!at) return undefined;
  const shape = defOf(unwrap(at)).shape;
  if (!shape) return undefined;
  return Object.entries(shape)
    .map(([key, child]) => {
      const t = defOf(child).type;
      return `\`${key}:\`${t === 'optional' || t === 'default' ? ' (optional)' : ''}`;
    })
    .join(', ');
}

interface Mapped {
  path: PropertyKey[];
  message: string;
  hint: string;
}

export function describeIssue(issue: Issue, schema: z.ZodType, data: unknown, basePath: PropertyKey[] = []): Mapped {
  const pathArr = [...basePath, ...(issue.path as PropertyKey[])];
  const field = formatPath(pathArr);
  const raw = valueAt(data, pathArr);
  const custom = DEFAULT_MESSAGE.test(issue.message) ? undefined : issue.message;
  const label = labelText(schema, pathArr);

  if (
    (raw === undefined || raw === null) &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')
  ) {
    // What a value must look like: the enum values, the schema's own message, the sub-fields, or the editor hint.
    const meta = metaAt(schema, pathArr);
    const key = String(pathArr[pathArr.length - 1]);
    const probed = probe(schema, pathArr);
    const fields = subFields(schema, pathArr);
    const need =
      issue.code === 'invalid_value'
        ? `; choose one of: ${issue.values.map(String).join(', ')}`
        : custom && issue.code === 'invalid_type'
          ? `; ${asFix(custom)}`
          : probed
            ? `; ${asFix(probed)}`
            : fields
              ? `, with the sub-fields ${fields}`
              : meta?.hint
                ? ` (${meta.hint.en.replace(/\.$/, '')})`
                : meta?.example
                  ? `, e.g. \`${key}: ${meta.example}\``
                  : '';
    if (raw === undefined) {
      return {
        path: pathArr,
        message: `the required field "${field}"${label} is missing`,
        hint: `add ${placeOf(pathArr)}${need}`,
      };
    }
    return {
      path: pathArr,
      message: `the field "${field}"${label} is empty`,
      hint: `fill in a value after \`${key}:\`${need}`,
    };
  }

  switch (issue.code) {
    case 'invalid_type': {
      const exp = EXPECTED[issue.expected] ?? { noun: issue.expected, fix: `write ${issue.expected}` };
      if (issue.expected === 'date') {
        return {
          path: pathArr,
          message: `${describe(raw)} is not a valid date`,
          hint: custom ? asFix(custom) : exp.fix,
        };
      }
      return {
        path: pathArr,
        message: `${describe(raw)} is ${kindOf(raw)}, but ${exp.noun} is expected here`,
        hint: custom ? asFix(custom) : exp.fix,
      };
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const first = custom?.split(/\.\s+Use one of/)[0];
      const near = typeof raw === 'string' ? didYouMean(raw, values) : '';
      return {
        path: pathArr,
        message: first && first !== custom ? first : `${describe(raw)} is not one of the allowed values`,
        hint: `choose one of: ${values.join(', ')}${near ? ` (${near})` : ''}`,
      };
    }
    case 'invalid_format': {
      if (custom?.startsWith('not ') && custom.includes(': ')) {
        const [what, ...rest] = custom.split(': ');
        return { path: pathArr, message: `${describe(raw)} is ${what}`, hint: rest.join(': ') };
      }
      const noun =
        issue.format === 'url'
          ? 'not a valid web address'
          : issue.format === 'email'
            ? 'not a valid e-mail address'
            : 'not written in the expected form';
      const generic =
        issue.format === 'url'
          ? 'write the full address including https://, e.g. https://www.example.org/page'
          : issue.format === 'email'
            ? 'write a complete e-mail address, e.g. info@example.org'
            : `make it match the form used in the other entries`;
      return { path: pathArr, message: `${describe(raw)} is ${noun}`, hint: custom ? asFix(custom) : generic };
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(
        small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum,
      );
      const origin = (issue as { origin?: string }).origin;
      let message: string;
      let generic: string;
      if (origin === 'array' || Array.isArray(raw)) {
        const n = Array.isArray(raw) ? raw.length : 0;
        message = `the list "${field}"${label} has ${n} item${n === 1 ? '' : 's'}`;
        generic = small ? `add at least ${limit} item${limit === 1 ? '' : 's'}` : `keep at most ${limit} items`;
      } else if (origin === 'string' || typeof raw === 'string') {
        const text = typeof raw === 'string' ? raw : '';
        message = text.trim()
          ? `${describe(text)} is too ${small ? 'short' : 'long'} (${text.length} characters)`
          : `the field "${field}"${label} is empty`;
        generic = small ? `write at least ${limit} characters` : `shorten it to at most ${limit} characters`;
      } else {
        message = `${describe(raw)} is too ${small ? 'small' : 'large'}`;
        generic = small ? `use a value of at least ${limit}` : `use a value of at most ${limit}`;
      }
      return { path: pathArr, message, hint: custom ? asFix(custom) : generic };
    }
    case 'custom': {
      const params = (issue as { params?: { problem?: string; hint?: string } }).params;
      if (params?.problem) return { path: pathArr, message: params.problem, hint: params.hint ?? asFix(issue.message) };
      return {
        path: pathArr,
        message:
          raw === undefined || raw === null || raw === ''
            ? `the field "${field}"${label} is not filled in`
            : `${describe(raw)} is not accepted here`,
        hint: asFix(issue.message),
      };
    }
    case 'invalid_union': {
      // Report the branch that got furthest: the one whose problems are not just "wrong type".
      const branches = issue.errors.filter((b) => b.length > 0);
      const best = branches.find((b) => b.some((i) => i.code !== 'invalid_type'));
      if (best) {
        const inner = best.find((i) => i.code !== 'invalid_type')!;
        return describeIssue(inner, schema, data, pathArr);
      }
      const expected = [
        ...new Set(
          branches
            .flat()
            .map((i) => (i.code === 'invalid_type' ? (EXPECTED[i.expected]?.noun ?? i.expected) : ''))
            .filter(Boolean),
        ),
      ];
      return {
        path: pathArr,
        message: `${describe(raw)} is ${kindOf(raw)}, which is not accepted here`,
        hint: custom ? asFix(custom) : `write ${expected.join(' or ') || 'a different value'}`,
      };
    }
    case 'unrecognized_keys':
      return {
        path: pathArr,
        message: `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`,
        hint: 'remove it, or check the spelling against the other entries',
      };
    default:
      return {
        path: pathArr,
        message: `${describe(raw)}: ${issue.message}`,
        hint: 'compare this field with a working entry of the same kind',
      };
  }
}

/** One error per field a strict schema does not define (also used by the build's loader). */
export function unknownFields(
  issue: Issue & { code: 'unrecognized_keys' },
  schema: z.ZodType,
  data: unknown,
): Mapped[] {
  const parent = issue.path as PropertyKey[];
  const at = schemaAt(schema, parent);
  const known = Object.keys((at && defOf(unwrap(at)).shape) ?? {});
  const present = valueAt(data, parent);
  return issue.keys.map((key) => {
    if (key === 'slug' && parent.length === 0) {
      return {
        path: [key],
        message: '"slug" may not be set here: it would change the address of the entry without renaming the file',
        hint: 'remove the slug line; to change the address, rename the file (in both nl/ and en/)',
      };
    }
    const near = closeMatches(
      key,
      known.filter((k) => !(present && typeof present === 'object' && k in present)),
    );
    return {
      path: [...parent, key],
      message: `"${key}" is not a field of this content type`,
      hint: near.length
        ? `did you mean \`${near[0]}\`? Rename it, or remove the line`
        : `remove the line; the fields here are: ${known.join(', ')}`,
    };
  });
}

function toError(entry: ContentFile, mapped: Mapped, check: ContentError['check'] = 'schema'): ContentError {
  const pos = entry.locate?.(mapped.path);
  const field = formatPath(mapped.path);
  return {
    check,
    file: entry.file,
    ...(field ? { field } : {}),
    ...pos,
    message: mapped.message,
    hint: mapped.hint,
  };
}

// ---------------------------------------------------------------------------------------------
// Checks beyond the schema: date spelling, unknown fields, `slug:`

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function isDateSchema(schema: z.ZodType): boolean {
  const def = defOf(unwrap(schema));
  return def.type === 'date';
}

/**
 * Walks data and schema together. `text` is the same YAML read without timestamp conversion, so a
 * YAML date can be compared with what was written.
 */
function walkExtras(
  schema: z.ZodType,
  data: unknown,
  text: unknown,
  pathArr: PropertyKey[],
  issuePaths: Set<string>,
  out: { errors: Mapped[]; warnings: Mapped[] },
  publicDir: string,
): void {
  if (data === undefined || data === null) return;
  const core = unwrap(schema);
  const def = defOf(core);
  const here = formatPath(pathArr);
  // Uploaded files (fields with the CMS "file" widget) must exist in public/uploads/, and stay inside it.
  if (fieldMeta(schema)?.widget === 'file' && typeof data === 'string' && !issuePaths.has(here)) {
    const r = resolveUpload(data, path.dirname(publicDir));
    if (!r.ok) {
      const near = r.missing ? didYouMean(data, listUploads(publicDir)) : '';
      out.errors.push({
        path: pathArr,
        message: r.missing ? `the file "${data}" does not exist (looked for ${r.looked})` : r.problem,
        hint: r.missing ? `upload the file, or correct the file name${near ? `: ${near}` : ''}` : r.hint,
      });
    }
    return;
  }
  if (isDateSchema(schema) && !issuePaths.has(here)) {
    if (data instanceof Date && typeof text === 'string') {
      // A YAML reader turns 2024-02-30 into 1 March without complaint: check the written day exists.
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
      if (m) {
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
        const daysInMonth = mo >= 1 && mo <= 12 ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 0;
        if (d < 1 || d > daysInMonth) {
          out.errors.push({
            path: pathArr,
            message: `${text} is not a real calendar date (it would be read as ${data.toISOString().slice(0, 10)})`,
            hint: 'correct the month (01-12) or day, written as YYYY-MM-DD',
          });
        }
      }
    } else if (typeof data === 'string' && !ISO_DATE.test(data.trim())) {
      out.errors.push({
        path: pathArr,
        message: `"${data}" is not written as YYYY-MM-DD`,
        hint: 'write the date as YYYY-MM-DD, e.g. 2024-05-16',
      });
    }
    return;
  }
  if (def.type === 'object' && typeof data === 'object' && !Array.isArray(data) && !(data instanceof Date)) {
    const shape = def.shape ?? {};
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const child = Object.hasOwn(shape, key) ? shape[key] : undefined;
      const childText = text && typeof text === 'object' ? (text as Record<string, unknown>)[key] : undefined;
      // Fields the schema does not define are the schema's own errors (unrecognized_keys).
      if (child) walkExtras(child, value, childText, [...pathArr, key], issuePaths, out, publicDir);
    }
  } else if (def.type === 'array' && Array.isArray(data) && def.element) {
    data.forEach((item, i) =>
      walkExtras(
        def.element!,
        item,
        Array.isArray(text) ? text[i] : undefined,
        [...pathArr, i],
        issuePaths,
        out,
        publicDir,
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------

/** Validate one parsed file against a schema. */
export function validateFile(entry: ContentFile, schema: z.ZodType, publicDir: string): SchemaCheckResult {
  const errors: ContentError[] = [];
  const warnings: ContentWarning[] = [];
  if (entry.data === undefined) return { errors, warnings };
  const result = schema.safeParse(entry.data);
  const issuePaths = new Set<string>();
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const mapped of unknownFields(issue, schema, entry.data)) {
          issuePaths.add(formatPath(mapped.path));
          errors.push(toError(entry, mapped));
        }
        continue;
      }
      const mapped = describeIssue(issue, schema, entry.data);
      // One error per field: the first rule that refused it (a web address can break two at once).
      if (issuePaths.has(formatPath(mapped.path)) && mapped.path.length) continue;
      issuePaths.add(formatPath(mapped.path));
      errors.push(toError(entry, mapped));
    }
  }
  const extras = { errors: [] as Mapped[], warnings: [] as Mapped[] };
  walkExtras(schema, entry.data, entry.asWritten?.(), [], issuePaths, extras, publicDir);
  for (const m of extras.errors) errors.push(toError(entry, m));
  for (const m of extras.warnings) warnings.push(toError(entry, m));
  return { errors, warnings };
}

/** Validate every entry of every collection, and the site settings. */
export function checkSchemas(loaded: LoadedContent): SchemaCheckResult {
  const errors: ContentError[] = [];
  const warnings: ContentWarning[] = [];
  let current: ContentFile | undefined;
  const ctx = imageContext(loaded, () => current!);
  const schemas = new Map<string, z.ZodType>();
  for (const entry of loaded.entries) {
    if (entry.collection === 'settings') continue;
    let schema = schemas.get(entry.collection);
    if (!schema) {
      schema = collections[entry.collection].schema(ctx);
      schemas.set(entry.collection, schema);
    }
    current = entry;
    const r = validateFile(entry, schema, loaded.publicDir);
    errors.push(...r.errors);
    warnings.push(...r.warnings);
  }
  if (loaded.settings) {
    const r = validateFile(loaded.settings, settingsSchema(), loaded.publicDir);
    errors.push(...r.errors);
    warnings.push(...r.warnings);
  }
  return { errors, warnings };
}
