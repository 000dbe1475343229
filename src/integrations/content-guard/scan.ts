/**
 * What the build checks on disk before Astro reads any content: links, uploads, and content files the
 * loader would skip or publish under another name. The content check runs the same functions.
 */
import path from 'node:path';
import { checkSlugs } from '../../lib/checks/slugs.ts';
import { baseOf, extOf, listContentFiles } from './content-files.ts';
import { guardedFolders, symlinkProblems, uploadProblems } from './files.ts';
import type { Refused } from './refusal.ts';

/** Links under content/, public/ and src/assets/uploads/, and uploads that are not allowed. */
export function fileProblems(root: string, contentDir: string): Refused[] {
  return [...symlinkProblems(root, guardedFolders(root, contentDir)), ...uploadProblems(root)];
}

/** Everything the build refuses before it starts: fileProblems() plus content files that would not be read as written. */
export function scanProject(root: string, contentDir: string): Refused[] {
  const listed = listContentFiles(root, contentDir);
  const named = listed.entries.map((e) => {
    const fileName = path.basename(e.abs);
    return {
      collection: e.collection,
      lang: e.lang,
      slug: baseOf(fileName),
      fileName,
      ext: extOf(fileName),
      file: path.relative(root, e.abs).split(path.sep).join('/'),
    };
  });
  return [...fileProblems(root, contentDir), ...listed.refused, ...checkSlugs({ entries: named })];
}
