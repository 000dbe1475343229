/** News items and reports. */
import { z } from 'astro/zod';
import { field } from './field.ts';
import { entryBase, illustration, ref, source, type SchemaContext, fields } from './common.ts';

export const newsSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  fields({
    ...entryBase,
    /** Optional cover image with alt text. */
    cover: field(illustration(ctx).optional(), { label: { nl: 'Omslagafbeelding', en: 'Cover image' } }),
    /** Practices the item relates to. */
    practices: ref('practices', { nl: 'Gerelateerde praktijken', en: 'Related practices' }),
    /** Municipalities the item relates to. */
    cases: ref('cases', { nl: 'Gerelateerde gemeenten', en: 'Related municipalities' }),
    /** Events the item relates to. */
    events: ref('events', { nl: 'Gerelateerde evenementen', en: 'Related events' }),
    /** Where the content comes from. */
    sources: field(z.array(source()).default([]), { label: { nl: 'Bronnen', en: 'Sources' }, i18n: 'duplicate' }),
  });
