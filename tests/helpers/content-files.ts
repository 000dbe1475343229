/** Lists the real content files directly from disk (never through astro:content: see STACK-NOTES). */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { collections, type CollectionName } from '../../src/schema/index.ts';
import { locales, type Locale } from '../../src/i18n/locales.ts';
import { projectRoot } from './paths.ts';

export interface ContentItem {
  collection: CollectionName;
  slug: string;
  locale: Locale | null;
}

export function contentItems(root = join(projectRoot, 'content')): ContentItem[] {
  const items: ContentItem[] = [];
  for (const [name, def] of Object.entries(collections) as [CollectionName, (typeof collections)[CollectionName]][]) {
    if (def.format === 'yaml') {
      for (const file of readdirSync(join(root, def.folder)).filter((f) => f.endsWith('.yaml'))) {
        items.push({ collection: name, slug: file.replace(/\.yaml$/, ''), locale: null });
      }
      continue;
    }
    for (const locale of locales) {
      const dir = join(root, def.folder, locale);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
        items.push({ collection: name, slug: file.replace(/\.mdx$/, ''), locale });
      }
    }
  }
  return items;
}
