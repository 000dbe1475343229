/**
 * File names are the slugs (and so the web addresses) of entries: lowercase kebab-case, and unique
 * per collection and language, where capitals do not count (the site lowercases ids, so `Foo.mdx`
 * and `foo.mdx` would be the same page) and neither does .yaml versus .yml.
 * (Session ids within an event are checked by the event schema.)
 */
import { slugHint, slugPattern } from '../../schema/common.ts';
import { toSlug } from './suggest.ts';
import type { ContentError, ContentFile } from './types.ts';

/** What the slug rules read of an entry (no file contents: the build runs them before reading any). */
export type NamedEntry = Pick<ContentFile, 'collection' | 'lang' | 'slug' | 'fileName' | 'ext' | 'file'>;

export function checkSlugs(loaded: { entries: readonly NamedEntry[] }): ContentError[] {
  const errors: ContentError[] = [];
  const groups = new Map<string, NamedEntry[]>();
  for (const entry of loaded.entries) {
    if (!slugPattern.test(entry.slug)) {
      const better = toSlug(entry.slug);
      const otherLang = entry.lang === 'nl' ? 'en' : 'nl';
      const twin =
        entry.lang &&
        loaded.entries.some(
          (e) =>
            e.collection === entry.collection &&
            e.lang === otherLang &&
            e.slug.toLowerCase() === entry.slug.toLowerCase(),
        );
      const other = twin
        ? ` Give the ${otherLang === 'en' ? 'English' : 'Dutch'} version the same new name, and update any references to it.`
        : ' Update any references to it.';
      errors.push({
        check: 'slug',
        file: entry.file,
        message: `the file name "${entry.fileName}" is not a valid slug (the file name becomes the web address)`,
        hint: (better ? `rename the file to "${better}.${entry.ext}": ` : 'rename the file: ') + slugHint + '.' + other,
      });
    }
    const key = `${entry.collection}/${entry.lang ?? ''}/${entry.slug.toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Keep the valid, .yaml/.mdx one first so the error lands on the odd one out.
    const sorted = [...group].sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : 1));
    const [first, ...rest] = sorted;
    for (const dup of rest) {
      const why =
        dup.slug !== first!.slug
          ? 'the names differ only in capital letters, which the site ignores'
          : 'the site reads both as the same entry';
      errors.push({
        check: 'slug',
        file: dup.file,
        message: `"${dup.fileName}" and "${first!.fileName}" are the same entry: ${why}`,
        hint: `keep one file: merge this one into ${first!.file} and delete it, or give it a different name`,
      });
    }
  }
  return errors;
}

function rank(e: NamedEntry): number {
  return (slugPattern.test(e.slug) ? 0 : 2) + (e.ext === 'yml' ? 1 : 0);
}
