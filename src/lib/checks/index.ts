/**
 * The content checks: everything `astro build` would not catch (or only log), run before the build
 * by scripts/check-content.ts and by the unit tests. Pure TypeScript over the files on disk; no
 * `astro:content`.
 */
import { collections, collectionNames } from '../../schema/index.ts';
import { guardContent } from './guard.ts';
import { loadContent, type LoadOptions } from './load.ts';
import { checkReferences } from './references.ts';
import type { EntryCounts } from './report.ts';
import { checkSchemas } from './schema.ts';
import { checkSlugs } from './slugs.ts';
import { checkTranslations } from './translations.ts';
import { fileProblems } from '../../integrations/content-guard/scan.ts';
import type { ContentError, ContentWarning, MissingTranslation } from './types.ts';

export type { ContentError, ContentWarning, MissingTranslation } from './types.ts';
export { formatError, formatErrors, formatCounts, formatMissingTranslations, pluralErrors } from './report.ts';

export interface CheckResult {
  errors: ContentError[];
  warnings: ContentWarning[];
  missingTranslations: MissingTranslation[];
  /** Entries per collection and language. */
  counts: EntryCounts;
  /** Absolute project root and content folder that were checked. */
  root: string;
  contentDir: string;
}

function byPosition(a: ContentError, b: ContentError): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

export function checkContent(options: LoadOptions = {}): CheckResult {
  const loaded = loadContent(options);
  const slugErrors = checkSlugs(loaded);
  const translations = checkTranslations(loaded);
  const schema = checkSchemas(loaded);
  const guard = guardContent(loaded);
  const references = checkReferences(loaded, guard.components);
  // Links and uploads: the same rules the build applies before it starts (src/integrations/content-guard/).
  const files = fileProblems(loaded.root, loaded.contentDir).map((p) => ({ check: 'file' as const, ...p }));

  const errors = [
    ...files,
    ...loaded.errors,
    ...slugErrors,
    ...translations.errors,
    ...schema.errors,
    ...guard.errors,
    ...references.errors,
  ];
  const warnings = [...loaded.warnings, ...schema.warnings, ...references.warnings];

  const counts = {} as EntryCounts;
  for (const name of collectionNames) {
    const own = loaded.entries.filter((e) => e.collection === name);
    counts[name] = {
      nl: own.filter((e) => e.lang === 'nl').length,
      en: own.filter((e) => e.lang === 'en').length,
      total: collections[name].format === 'mdx' ? own.filter((e) => e.lang === 'nl').length : own.length,
    };
  }

  return {
    errors: errors.sort(byPosition),
    warnings: warnings.sort(byPosition),
    missingTranslations: translations.missingTranslations,
    counts,
    root: loaded.root,
    contentDir: loaded.contentDir,
  };
}
