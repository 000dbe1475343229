/** Best practices: what works in community sponsorship, written for municipalities, provinces and groups. */
import { z } from 'astro/zod';
import { field } from './field.ts';
import { entryBase, illustration, ref, source, type SchemaContext, fields } from './common.ts';
import { termOf } from './vocabularies.ts';

export const practiceSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  fields({
    ...entryBase,
    /** Themes the practice is about (at least one); drive the theme filter. */
    themes: field(z.array(termOf('themes')).min(1, { error: 'choose at least one theme' }), {
      label: { nl: "Thema's", en: 'Themes' },
      i18n: 'duplicate',
    }),
    /** Phases of sponsorship it applies to; drive the "start in your municipality" guide. */
    phases: field(z.array(termOf('phases')).default([]), { label: { nl: 'Fasen', en: 'Phases' }, i18n: 'duplicate' }),
    /** Who it is written for. */
    audiences: field(z.array(termOf('audiences')).default([]), {
      label: { nl: 'Doelgroepen', en: 'Audiences' },
      i18n: 'duplicate',
    }),
    /** Forms of sponsorship it applies to. */
    variants: field(z.array(termOf('variants')).default([]), {
      label: { nl: 'Vormen van sponsorship', en: 'Sponsorship variants' },
      i18n: 'duplicate',
    }),
    /** Municipality case studies that illustrate the practice. */
    cases: ref('cases', { nl: 'Gerelateerde gemeenten', en: 'Related municipalities' }),
    /** Other practices worth reading next. */
    practices: ref('practices', { nl: 'Gerelateerde praktijken', en: 'Related practices' }),
    /** Downloadable materials that go with it. */
    materials: ref('materials', { nl: 'Materialen', en: 'Materials' }),
    /** Where the content comes from. */
    sources: field(z.array(source()).default([]), { label: { nl: 'Bronnen', en: 'Sources' }, i18n: 'duplicate' }),
    /** Optional cover image with alt text. */
    cover: field(illustration(ctx).optional(), { label: { nl: 'Omslagafbeelding', en: 'Cover image' } }),
    /** Shown first on the home page. */
    featured: field(z.boolean().default(false), {
      label: { nl: 'Uitgelicht op de homepage', en: 'Featured on the home page' },
      i18n: 'duplicate',
    }),
  });
