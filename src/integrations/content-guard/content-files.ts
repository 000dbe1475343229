/**
 * Which files in content/ are entries, and which look like content but would not be read by the site.
 * The glob patterns here are the ones the collections load (src/content.config.ts), so the build and the
 * content check refuse exactly the files the loader would skip: `upper.MDX` (the pattern is case-sensitive),
 * a `.md` or `.yml` among entries, an entry outside nl/ and en/. Other files (images next to entries)
 * are assets. Links are never followed (files.ts refuses them).
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { collections, collectionNames, type CollectionName } from '../../schema/index.ts';
import type { Refused } from './refusal.ts';

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

/** The glob pattern of each kind of collection, relative to its folder. */
export const ENTRY_PATTERNS = { mdx: `{${LOCALES.join(',')}}/*.mdx`, yaml: '*.yaml' } as const;

/** Extensions of files that look like content: in the wrong place they are errors, not assets. */
const CONTENT_LIKE = new Set(['md', 'mdx', 'markdown', 'yaml', 'yml', 'json', 'toml']);

export interface ListedEntry {
  collection: CollectionName;
  format: 'mdx' | 'yaml';
  lang?: Locale;
  abs: string;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function baseOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** All files under dir (recursive), skipping dot-files, dot-folders and links. Paths relative to dir. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const abs = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) out.push(...listFiles(abs, rel));
    else out.push(rel);
  }
  return out;
}

/**
 * The entries of every collection, and the files that look like content but are not read. A `.yml`
 * material is listed as an entry too (so that a duplicate of a .yaml is found) and refused.
 */
export function listContentFiles(root: string, contentDir: string): { entries: ListedEntry[]; refused: Refused[] } {
  const entries: ListedEntry[] = [];
  const refused: Refused[] = [];
  const rel = (abs: string) => toPosix(path.relative(root, abs));
  for (const name of collectionNames) {
    const def = collections[name];
    const dir = path.join(contentDir, def.folder);
    const where = rel(dir);
    for (const relPath of listFiles(dir)) {
      const abs = path.join(dir, relPath);
      const parts = relPath.split('/');
      const fileName = parts[parts.length - 1]!;
      const ext = extOf(fileName);
      const written = fileName.slice(fileName.lastIndexOf('.') + 1);
      if (!CONTENT_LIKE.has(ext)) continue;
      if (def.format === 'mdx') {
        const lang =
          parts.length === 2 && (LOCALES as readonly string[]).includes(parts[0]!) ? (parts[0] as Locale) : undefined;
        if (!lang) {
          refused.push({
            file: rel(abs),
            message: 'this file is not in a language folder, so the site does not read it',
            hint: `move it to ${where}/nl/ (Dutch) or ${where}/en/ (English), directly in that folder`,
          });
        } else if (ext === 'mdx' && written === 'mdx') {
          entries.push({ collection: name, format: 'mdx', lang, abs });
        } else if (ext === 'mdx') {
          refused.push({
            file: rel(abs),
            message: `this file ends in ".${written}", so the site does not read it: only ".mdx" in lower case is read`,
            hint: `rename it to ${baseOf(fileName)}.mdx`,
          });
        } else {
          refused.push({
            file: rel(abs),
            message: `this .${ext} file is not read by the site: in ${def.folder}/ only .mdx files are content`,
            hint:
              ext === 'md' || ext === 'markdown'
                ? `rename it to ${baseOf(fileName)}.mdx`
                : 'remove it, or move it out of the content folder',
          });
        }
      } else if (parts.length === 1 && ext === 'yaml' && written === 'yaml') {
        entries.push({ collection: name, format: 'yaml', abs });
      } else if (parts.length === 1 && (ext === 'yaml' || ext === 'yml')) {
        if (ext === 'yml') entries.push({ collection: name, format: 'yaml', abs });
        refused.push({
          file: rel(abs),
          message: `the site reads only files ending in .yaml here: this .${written} file is not published`,
          hint: `rename it to ${baseOf(fileName)}.yaml`,
        });
      } else {
        refused.push({
          file: rel(abs),
          message: `this file is not read by the site: ${def.folder} are .yaml files directly in ${where}/`,
          hint:
            parts.length > 1
              ? `move it to ${where}/ as a .yaml file`
              : `convert it to a .yaml file named ${baseOf(fileName)}.yaml`,
        });
      }
    }
  }
  entries.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
  return { entries, refused };
}
