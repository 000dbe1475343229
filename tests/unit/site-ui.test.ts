/** Site UI rules that need no build: strings only in the dictionaries, the guide's phase texts, times in Amsterdam. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nl from '../../src/i18n/ui/nl.json';
import en from '../../src/i18n/ui/en.json';
import { useTranslations } from '../../src/i18n/t.ts';
import { phases } from '../../src/schema/vocabularies.ts';
import { formatRange, isoWithOffset, zonedToDate } from '../../src/lib/time/index.ts';
import { projectRoot } from '../helpers/paths.ts';

/** The template part of an .astro file with frontmatter, scripts, styles, comments, {expressions} and tags removed. */
function literalText(source: string): string {
  let s = source.replace(/^---[\s\S]*?\n---/, '');
  s = s.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  let out = '';
  let depth = 0;
  for (const ch of s) {
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out.replace(/<[^>]*>/g, ' ');
}

describe('UI text', () => {
  it('components, views and layouts contain no literal text (every UI string comes from ui/*.json)', () => {
    const dirs = ['src/components', 'src/views', 'src/layouts'];
    const offenders: string[] = [];
    for (const dir of dirs) {
      for (const file of readdirSync(join(projectRoot, dir), { recursive: true }) as string[]) {
        if (!file.endsWith('.astro')) continue;
        const words = literalText(readFileSync(join(projectRoot, dir, file), 'utf8')).match(/\p{L}{2,}/gu);
        if (words) offenders.push(`${dir}/${file}: ${words.join(' ')}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('has what the municipality and the group do for every phase, in both languages', () => {
    for (const phase of phases) {
      for (const dict of [nl, en] as Record<string, string>[]) {
        expect(dict[`start.phase.${phase.id}.municipality`], phase.id).toBeTruthy();
        expect(dict[`start.phase.${phase.id}.group`], phase.id).toBeTruthy();
      }
    }
  });

  it('picks singular and plural forms', () => {
    expect(useTranslations('nl')('practices.count', { count: 1 })).toBe('1 goede praktijk');
    expect(useTranslations('nl')('practices.count', { count: 7 })).toBe('7 goede praktijken');
    expect(useTranslations('en')('cases.count', { count: 1 })).toBe('1 municipality');
    expect(useTranslations('en')('cases.count', { count: 0 })).toBe('0 municipalities');
  });
});

describe('Amsterdam times', () => {
  it('turns wall-clock times into instants with the right offset, summer and winter', () => {
    expect(zonedToDate('2024-05-16T09:30').toISOString()).toBe('2024-05-16T07:30:00.000Z');
    expect(zonedToDate('2024-01-10T09:30').toISOString()).toBe('2024-01-10T08:30:00.000Z');
    expect(isoWithOffset('2024-05-16T09:30')).toBe('2024-05-16T09:30:00+02:00');
    expect(isoWithOffset('2024-12-01T18:00')).toBe('2024-12-01T18:00:00+01:00');
    // The day the clocks go forward: 03:30 exists only in summer time.
    expect(zonedToDate('2024-03-31T03:30').toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });

  it('formats times in Amsterdam regardless of the machine time zone', () => {
    const range = formatRange(zonedToDate('2024-05-16T13:00'), zonedToDate('2024-05-16T14:00'), 'nl');
    expect(range.replace(/\s/g, '')).toBe('13:00–14:00');
  });
});
