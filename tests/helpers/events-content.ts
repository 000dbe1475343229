/** The real events and materials, read and validated straight from content/ (never through astro:content). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { eventSchema, type EventData } from '../../src/schema/events.ts';
import { materialSchema, type MaterialData } from '../../src/schema/materials.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { contentItems } from './content-files.ts';
import { projectRoot } from './paths.ts';

export interface EventVersion {
  slug: string;
  locale: Locale;
  data: EventData;
}

function frontmatter(file: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file} has no frontmatter`);
  return yaml.load(match[1]!);
}

export function loadEvents(): EventVersion[] {
  return contentItems()
    .filter((i) => i.collection === 'events')
    .map((i) => ({
      slug: i.slug,
      locale: i.locale!,
      data: eventSchema().parse(frontmatter(join(projectRoot, 'content', 'events', i.locale!, `${i.slug}.mdx`))),
    }));
}

export function loadMaterials(): { slug: string; data: MaterialData }[] {
  return contentItems()
    .filter((i) => i.collection === 'materials')
    .map((i) => ({
      slug: i.slug,
      data: materialSchema().parse(
        yaml.load(readFileSync(join(projectRoot, 'content', 'materials', `${i.slug}.yaml`), 'utf8')),
      ),
    }));
}
