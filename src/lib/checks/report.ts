/** Printing check results for people: one block per problem, then a count. */
import { collections, collectionNames, type CollectionName } from '../../schema/index.ts';
import type { ContentError, MissingTranslation } from './types.ts';

export interface FormatOptions {
  /** Prepended to file paths (e.g. the --root folder relative to the current directory). */
  prefix?: string;
  /** Label after the position, e.g. "warning". */
  label?: string;
}

/**
 * ```
 * content/practices/nl/x.mdx:12:3  field "themes[0]"
 *   "foo" is not a known themes value
 *   Fix: choose one of: ...
 * ```
 */
export function formatError(error: ContentError, options: FormatOptions = {}): string {
  const file = options.prefix ? `${options.prefix.replace(/\/$/, '')}/${error.file}` : error.file;
  const position = error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : '';
  const field = error.field ? `  field "${error.field}"` : '';
  const label = options.label ? `  (${options.label})` : '';
  return `${file}${position}${field}${label}\n  ${error.message}\n  Fix: ${error.hint}`;
}

export function formatErrors(errors: readonly ContentError[], options: FormatOptions = {}): string {
  return errors.map((e) => formatError(e, options)).join('\n\n');
}

export function pluralErrors(n: number): string {
  return `${n} content error${n === 1 ? '' : 's'}`;
}

export type EntryCounts = Record<CollectionName, { nl: number; en: number; total: number }>;

/** "practices 3 (en 2), cases 1 (en 0), …, materials 2" */
export function formatCounts(counts: EntryCounts): string {
  return collectionNames
    .map((name) => {
      const c = counts[name];
      return collections[name].format === 'mdx' ? `${name} ${c.nl} (en ${c.en})` : `${name} ${c.total}`;
    })
    .join(', ');
}

export function formatMissingTranslations(missing: readonly MissingTranslation[]): string {
  if (!missing.length) return 'Every entry has an English version.';
  return [`No English version yet (${missing.length}):`, ...missing.map((m) => `  ${m.file}`)].join('\n');
}
