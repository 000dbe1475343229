/** Search attributes come from the content model; the benchmark corpus is valid, exact in size and reproducible. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { collections, type CollectionName } from '../../src/schema/index.ts';
import { vocabularies } from '../../src/schema/vocabularies.ts';
import { eventSummary, facetFields, searchFacets, searchAttributes } from '../../src/search/attributes.ts';
import { generateCorpus } from '../../scripts/corpus.ts';

describe('search attributes', () => {
  it('finds every facet vocabulary on some collection field (no facet without a source)', () => {
    const used = new Set(
      (Object.keys(collections) as CollectionName[]).flatMap((c) => facetFields(c).map(([, key]) => key)),
    );
    for (const facet of searchFacets) if ('vocabulary' in facet) expect(used, facet.key).toContain(facet.key);
  });

  it('maps a practice to type, vocabulary filters with labels in the page language, date, summary and tags', () => {
    const data = {
      title: 'Wonen regelen',
      summary: 'Hoe een groep een woning vindt.',
      themes: ['housing'],
      phases: ['orientation', 'support-year'],
      audiences: ['municipality'],
      variants: ['welcome-group'],
      published: new Date('2024-05-16'),
      example: false,
    };
    const nl = searchAttributes('practices', data, 'nl', { slug: 'wonen' });
    expect(nl.filters.type).toEqual([{ id: 'practices', label: 'Goede praktijk' }]);
    expect(nl.filters.theme).toEqual([{ id: 'housing', label: 'Wonen' }]);
    expect(nl.filters.phase?.map((v) => v.label)).toEqual(['Oriëntatie', 'Het steunjaar']);
    expect(nl.filters.audience?.[0]?.label).toBe('Gemeente');
    expect(nl.filters.example).toBeUndefined();
    expect(nl.meta).toMatchObject({ date: '2024-05-16', summary: 'Hoe een groep een woning vindt.' });
    expect(nl.meta.tags).toContain('Oriëntatie');
    expect(nl.sort).toEqual({ date: '2024-05-16' });
    const en = searchAttributes('practices', data, 'en', { slug: 'wonen' });
    expect(en.filters.type?.[0]?.label).toBe('Best practice');
    expect(en.filters.phase?.map((v) => v.label)).toEqual(['Orientation', 'The support year']);
  });

  it('gives materials the events whose sessions list them, events themselves, and example content its label', () => {
    const events = [eventSummary('congres', { title: 'Congres 2024', sessions: [{ materials: ['slides'] }] })];
    const material = searchAttributes(
      'materials',
      {
        title: 'Slides',
        description: 'De slides.',
        type: 'slides',
        themes: [],
        date: new Date('2024-05-16'),
        example: true,
      },
      'nl',
      {
        slug: 'slides',
        events,
        exampleLabel: 'Voorbeeldinhoud',
      },
    );
    expect(material.filters.event).toEqual([{ id: 'congres', label: 'Congres 2024' }]);
    expect(material.filters.materialType).toEqual([{ id: 'slides', label: 'Presentatie' }]);
    expect(material.filters.example).toEqual([{ id: 'true', label: 'Voorbeeldinhoud' }]);
    const event = searchAttributes(
      'events',
      { title: 'Congres 2024', type: 'congress', start: '2024-05-16T09:00', themes: [] },
      'nl',
      { slug: 'congres', events },
    );
    expect(event.filters.event?.[0]?.id).toBe('congres');
    expect(event.filters.eventType?.[0]?.label).toBe('Congres');
    expect(event.meta.date).toBe('2024-05-16');
  });
});

describe('benchmark corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-test-'));
  const entries = generateCorpus({ out: dir, count: 60, seed: 7 });
  const content = join(dir, 'content');
  const files = (folder = content): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? files(join(folder, d.name)) : [join(folder, d.name)],
    );

  it('writes exactly `count` entries, plus the settings file', () => {
    expect(entries).toHaveLength(60);
    expect(files().filter((f) => !f.includes('/settings/'))).toHaveLength(60);
  });

  it('writes files that the content model accepts', () => {
    for (const file of files().filter((f) => !f.includes('/settings/'))) {
      const [folder] = relative(content, file).split('/');
      const name = (Object.keys(collections) as CollectionName[]).find((c) => collections[c].folder === folder)!;
      const text = readFileSync(file, 'utf8');
      const data = file.endsWith('.yaml') ? yaml.load(text) : yaml.load(text.split(/^---$/m)[1]!);
      const result = collections[name].schema({ image: () => z.any() }).safeParse(data);
      expect(result.success, `${relative(content, file)}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  it('is reproducible and uses the vocabularies', () => {
    const again = mkdtempSync(join(tmpdir(), 'corpus-test-'));
    expect(generateCorpus({ out: again, count: 60, seed: 7 })).toEqual(entries);
    rmSync(again, { recursive: true, force: true });
    const themes = new Set(vocabularies.themes.map((t) => t.id));
    const practice = files().find((f) => f.includes('/practices/nl/'))!;
    const data = yaml.load(readFileSync(practice, 'utf8').split(/^---$/m)[1]!) as { themes: string[] };
    for (const theme of data.themes) expect(themes).toContain(theme);
    rmSync(dir, { recursive: true, force: true });
  });
});
