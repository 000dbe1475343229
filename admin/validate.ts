/**
 * The whole content model checked before the CMS saves: the form checks each field on its own
 * (required, patterns, options); the rules that span fields (an event ends after it starts, a
 * session too, a venue or an online link, a file or a URL, unique session ids) live in the zod
 * schemas as refine()s, and are enforced here by running those very schemas on the entry. The MDX body of each
 * language version goes through the content guard (admin/mdx/guard.ts), waiting for it if it is still loading, so
 * a save made before the guard's WebAssembly has arrived waits for the verdict instead of slipping past it.
 */
import type { z } from 'astro/zod';
import { collections, settingsSchema, type CollectionName } from '../src/schema/index.ts';
import { fieldMeta } from '../src/schema/field.ts';
import { bodyField, schemaOf } from './config/index.ts';
import { ruleMessage } from './config/messages.ts';
import { cms, fill } from './i18n/nl.ts';
import { childSchema } from '../src/schema/zod-walk.ts';
import { dropEmpty, isUntranslatedStub } from './format/clean.ts';
import { loadGuard } from './mdx/load-guard.ts';

export interface EntryProblem {
  path: (string | number)[];
  /** Dutch labels along the path, e.g. "Sessies › 2 › Eindigt". */
  where: string;
  message: string;
}

function schemaFor(collection: string): z.ZodType | undefined {
  if (collection === 'settings') return settingsSchema();
  if (collection in collections) return schemaOf(collection as CollectionName);
  return undefined;
}

/** Dutch labels for a path in the data, from the schema's field metadata. */
export function labelPath(schema: z.ZodType, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = current && childSchema(current, typeof segment === 'number' ? segment : String(segment));
    if (typeof segment === 'number') parts.push(String(segment + 1));
    else parts.push(current ? (fieldMeta(current)?.label.nl ?? String(segment)) : String(segment));
  }
  return parts.join(' › ');
}

/** Problems with one language version of an entry (plain data as Decap holds it). */
export function validateData(collection: string, data: Record<string, unknown>): EntryProblem[] {
  const schema = schemaFor(collection);
  if (!schema) return [];
  // The body is the text after the frontmatter, not one of its fields (the schemas refuse unknown fields).
  const { [bodyField.name]: _body, ...fields } = data;
  const result = schema.safeParse(dropEmpty(fields));
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path as (string | number)[],
    where: labelPath(schema, issue.path),
    message: ruleMessage(issue as { message: string; params?: Record<string, unknown> }),
  }));
}

interface ImmutableEntry {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
}

const plain = (v: unknown) =>
  (v && typeof (v as { toJS?: unknown }).toJS === 'function' ? (v as { toJS: () => unknown }).toJS() : v) as
    Record<string, unknown> | undefined;

/** How the messages name a translation. */
const versionName = (locale: string) =>
  locale === 'en' ? cms.save.englishVersion : fill(cms.save.otherVersion, { locale: locale.toUpperCase() });

/** Every problem in the entry being saved, per language; empty when it may be saved. */
export function validateEntry(entry: ImmutableEntry): string[] {
  const collection = String(entry.get('collection'));
  const messages: string[] = [];
  const data = plain(entry.get('data')) ?? {};
  for (const p of validateData(collection, data)) messages.push(`${p.where || cms.save.item}: ${p.message}`);
  const i18n = plain(entry.get('i18n')) as Record<string, { data?: Record<string, unknown> }> | undefined;
  for (const [locale, version] of Object.entries(i18n ?? {})) {
    if (!version?.data || isUntranslatedStub(version.data)) continue;
    const name = versionName(locale);
    for (const p of validateData(collection, version.data))
      messages.push(`${name} › ${p.where || cms.save.item}: ${p.message}`);
  }
  return messages;
}

/** Problems the content guard finds in the MDX body of each language version (loads the guard if needed). */
async function bodyProblems(entry: ImmutableEntry): Promise<string[]> {
  const i18n = plain(entry.get('i18n')) as Record<string, { data?: Record<string, unknown> }> | undefined;
  const versions: [string, unknown][] = [['', plain(entry.get('data'))?.[bodyField.name]]];
  for (const [locale, version] of Object.entries(i18n ?? {}))
    versions.push([`${versionName(locale)} › `, version?.data?.[bodyField.name]]);
  const bodies = versions.filter((v): v is [string, string] => typeof v[1] === 'string' && v[1] !== '');
  if (bodies.length === 0) return [];
  const guard = await loadGuard();
  return bodies.flatMap(([name, body]) =>
    guard.checkMdx(body).map((p) => `${name}${bodyField.label}: ${guard.formatProblems([p])}`),
  );
}

/** Decap `preSave` listener: refuses to save an entry the content model or the content guard rejects. */
export async function preSaveCheck({ entry }: { entry: ImmutableEntry }): Promise<undefined> {
  const messages = [...validateEntry(entry), ...(await bodyProblems(entry))];
  if (messages.length) throw new Error(messages.join('; '));
  return undefined;
}
