import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nl from '../../src/i18n/ui/nl.json';
import en from '../../src/i18n/ui/en.json';
import { useTranslations } from '../../src/i18n/t.ts';
import { allowedComponentNames } from '../../src/components/mdx/allowlist.ts';
import { projectRoot } from '../helpers/paths.ts';

describe('UI dictionaries', () => {
  it('have the same keys in every language', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('name each key once (JSON.parse would silently keep the last of two)', () => {
    for (const locale of ['nl', 'en']) {
      const text = readFileSync(join(projectRoot, 'src', 'i18n', 'ui', `${locale}.json`), 'utf8');
      const keys = [...text.matchAll(/^\s*"([^"]+)"\s*:/gm)].map(([, key]) => key!);
      expect(new Set(keys).size, `${locale}.json: every key found`).toBe(Object.keys(locale === 'nl' ? nl : en).length);
      expect(
        keys.filter((key, i) => keys.indexOf(key) !== i),
        `${locale}.json: keys listed twice`,
      ).toEqual([]);
    }
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...Object.entries(nl), ...Object.entries(en)]) expect(value.trim(), key).not.toBe('');
  });

  it('fill placeholders', () => {
    expect(useTranslations('en')('material.size', { type: 'Slides', format: 'PDF', size: '2 kB' })).toBe(
      'Slides, PDF, 2 kB',
    );
  });
});

describe('MDX component map', () => {
  it('is exactly the allow-list', () => {
    const source = readFileSync(join(projectRoot, 'src/components/mdx/index.ts'), 'utf8');
    const mapped = /mdxComponents = \{([^}]*)\}/
      .exec(source)![1]!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    expect(mapped.sort()).toEqual([...allowedComponentNames].sort());
    const files = readdirSync(join(projectRoot, 'src/components/mdx'))
      .filter((f) => f.endsWith('.astro'))
      .map((f) => f.replace('.astro', ''));
    expect(files.sort()).toEqual([...allowedComponentNames].sort());
  });
});
