/** The CMS speaks Dutch throughout: Decap's phrases are complete, the schema's rules have Dutch wording by id. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import en from 'decap-cms-locales/dist/esm/en/index.js';
import { decapPhrasesNl } from '../../admin/i18n/phrases.ts';
import { cms } from '../../admin/i18n/nl.ts';
import { validateData } from '../../admin/validate.ts';
import { projectRoot } from '../helpers/paths.ts';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
const lookup = (o: object, key: string) =>
  key.split('.').reduce<unknown>((a, k) => (a as Record<string, unknown> | undefined)?.[k], o);

describe('CMS Dutch interface', () => {
  it('has a Dutch phrase for every phrase of Decap (its English is the complete set)', () => {
    const missing = keys(en).filter((k) => typeof lookup(decapPhrasesNl, k) !== 'string');
    expect(missing).toEqual([]);
  });

  it("uses no character that common fonts lack (Decap's Dutch had a full-width plus on the new-entry button)", () => {
    const odd = keys(decapPhrasesNl).filter((k) => /[\uff00-\uffef]/.test(String(lookup(decapPhrasesNl, k))));
    expect(odd).toEqual([]);
    expect(lookup(decapPhrasesNl, 'collection.collectionTop.newButton')).toBe('Nieuw: %{collectionLabel}');
  });

  it("words the schema's cross-field rules in Dutch, found by the rule's id", () => {
    // A real event (the refinements run once every field is valid) that ends before it starts, without venue or link.
    const text = readFileSync(
      join(projectRoot, 'content/events/nl/congres-van-migratie-tot-participatie-2024.mdx'),
      'utf8',
    );
    const event = yaml.load(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
    Object.assign(event, {
      start: '2024-03-10T14:00',
      end: '2024-03-10T10:00',
      allDay: false,
      venue: undefined,
      online: undefined,
    });
    const messages = validateData('events', event).map((p) => `${p.where}: ${p.message}`);
    expect(messages).toContain(`Eindigt: ${cms.rule['event-ends-after-start']}`);
    expect(
      messages.some((m) => m.endsWith(cms.rule['event-venue-or-online'])),
      messages.join('\n'),
    ).toBe(true);
    const material = yaml.load(
      readFileSync(join(projectRoot, 'content/materials/voorbeeld-handout-workshop.yaml'), 'utf8'),
    ) as Record<string, unknown>;
    Object.assign(material, { file: undefined, url: undefined });
    expect(validateData('materials', material).map((p) => p.message)).toContain(cms.rule['material-file-or-url']);
  });
});
