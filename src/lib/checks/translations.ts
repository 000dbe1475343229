/**
 * Dutch is the main language: every English entry needs its Dutch twin (same file name in nl/).
 * Dutch entries without an English version are normal; they are collected for the summary.
 */
import { collections, collectionNames } from '../../schema/index.ts';
import { closeMatches } from './suggest.ts';
import type { ContentError, LoadedContent, MissingTranslation } from './types.ts';

export interface TranslationCheckResult {
  errors: ContentError[];
  missingTranslations: MissingTranslation[];
}

export function checkTranslations(loaded: LoadedContent): TranslationCheckResult {
  const errors: ContentError[] = [];
  const missingTranslations: MissingTranslation[] = [];
  for (const name of collectionNames) {
    if (collections[name].format !== 'mdx') continue;
    const nl = loaded.entries.filter((e) => e.collection === name && e.lang === 'nl');
    const en = loaded.entries.filter((e) => e.collection === name && e.lang === 'en');
    const nlSlugs = new Set(nl.map((e) => e.slug));
    const enSlugs = new Set(en.map((e) => e.slug));
    for (const entry of en) {
      if (nlSlugs.has(entry.slug)) continue;
      const dutchFile = entry.file.replace(/\/en\/([^/]+)$/, '/nl/$1');
      // A Dutch file with a similar name that has no English twin is probably the same item, renamed.
      const near = closeMatches(
        entry.slug,
        [...nlSlugs].filter((s) => !enSlugs.has(s)),
        1,
      );
      errors.push({
        check: 'translation',
        file: entry.file,
        message: `this English entry has no Dutch version (${dutchFile} does not exist)`,
        hint: near.length
          ? `the Dutch version may be "${near[0]}.mdx": give both files the same name, e.g. rename this one to ${near[0]}.mdx`
          : `add the Dutch version ${dutchFile} (Dutch is the main language of the site), or remove this file`,
      });
    }
    for (const entry of nl) {
      if (!enSlugs.has(entry.slug)) missingTranslations.push({ collection: name, slug: entry.slug, file: entry.file });
    }
  }
  return { errors, missingTranslations };
}
