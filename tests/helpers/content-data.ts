/** Content as data for tests: frontmatter of every entry, read from content/ (never through astro:content). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { contentItems, type ContentItem } from './content-files.ts';
import { projectRoot } from './paths.ts';
import { collections } from '../../src/schema/index.ts';

export interface ContentEntry extends ContentItem {
  data: Record<string, unknown>;
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/;

export function contentEntries(root = join(projectRoot, 'content')): ContentEntry[] {
  return contentItems(root).map((item) => {
    const folder = collections[item.collection].folder;
    const file = item.locale
      ? join(root, folder, item.locale, `${item.slug}.mdx`)
      : join(root, folder, `${item.slug}.yaml`);
    const text = readFileSync(file, 'utf8');
    const raw = item.locale ? (FRONTMATTER.exec(text)?.[1] ?? '') : text;
    return { ...item, data: (yaml.load(raw) as Record<string, unknown>) ?? {} };
  });
}

/** Array-valued field of an entry (references, themes), empty when absent. */
export function list(entry: ContentEntry, field: string): string[] {
  const value = entry.data[field];
  return Array.isArray(value) ? (value as string[]) : [];
}
