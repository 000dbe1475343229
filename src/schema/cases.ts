/** Municipality case studies: one municipality each, with only what is documented. */
import { z } from 'astro/zod';
import { field } from './field.ts';
import { date, entryBase, illustration, ref, source, url, type SchemaContext, fields } from './common.ts';
import { termOf } from './vocabularies.ts';

/** A number with its source and the date it was last checked; "unknown" is an allowed value. */
export const figureSchema = fields({
  /** What is counted. */
  label: field(z.string().min(1), {
    label: { nl: 'Wat wordt geteld', en: 'What is counted' },
    example: 'Sponsorgroepen in het impactrapport',
  }),
  /** The number (digits), or "unknown" when it is not known: shown as unknown, never left out. */
  value: field(
    z
      .union([
        z.number(),
        z
          .string()
          .regex(/^(\d[\d.,]*|unknown)$/, { error: 'must be a number, or "unknown" when the figure is not known' }),
      ])
      .transform(String),
    {
      label: { nl: 'Waarde', en: 'Value' },
      hint: { nl: 'Een getal, of "unknown" als het niet bekend is.', en: 'A number, or "unknown" if it is not known.' },
      i18n: 'duplicate',
    },
  ),
  /** Where the number comes from (required: every number on the site carries its source). */
  source: field(source(), { label: { nl: 'Bron', en: 'Source' }, i18n: 'duplicate' }),
  /** When the number was last checked against its source. */
  checked: field(date(), { label: { nl: 'Gecontroleerd op', en: 'Checked on' }, widget: 'date', i18n: 'duplicate' }),
});

export const caseSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  fields({
    ...entryBase,
    /** Name of the municipality. */
    municipality: field(z.string().min(2), { label: { nl: 'Gemeente', en: 'Municipality' }, i18n: 'duplicate' }),
    /** Province the municipality lies in. */
    province: field(termOf('provinces'), { label: { nl: 'Provincie', en: 'Province' }, i18n: 'duplicate' }),
    /** Where the municipality stands with community sponsorship. */
    status: field(termOf('caseStatuses'), { label: { nl: 'Status', en: 'Status' }, i18n: 'duplicate' }),
    /** Year it started, if known. */
    since: field(z.number().int().min(2000).max(2100).optional(), {
      label: { nl: 'Sinds (jaar)', en: 'Since (year)' },
      i18n: 'duplicate',
    }),
    /** Forms of sponsorship in this municipality. */
    variants: field(z.array(termOf('variants')).default([]), {
      label: { nl: 'Vormen van sponsorship', en: 'Sponsorship variants' },
      i18n: 'duplicate',
    }),
    /** Organisations that work on it, only as documented. */
    partners: field(
      z
        .array(
          fields({
            name: field(z.string().min(2), { label: { nl: 'Naam', en: 'Name' } }),
            role: field(z.string().optional(), { label: { nl: 'Rol', en: 'Role' } }),
            url: field(url().optional(), { label: { nl: 'Website', en: 'Website' } }),
          }),
        )
        .default([]),
      { label: { nl: 'Partners', en: 'Partners' } },
    ),
    /** Key figures, each with source and check date. */
    figures: field(z.array(figureSchema).default([]), { label: { nl: 'Kerncijfers', en: 'Key figures' } }),
    /** Short lessons learned, one sentence each. */
    lessons: field(z.array(z.string().min(5)).default([]), { label: { nl: 'Lessen', en: 'Lessons' } }),
    /** A quote, only with its source. */
    quote: field(
      fields({
        text: field(z.string().min(5), { label: { nl: 'Citaat', en: 'Quote' }, widget: 'text' }),
        source: field(z.string().min(2, { error: 'a quote needs its source: who said or wrote it, and where' }), {
          label: { nl: 'Bron van het citaat', en: 'Source of the quote' },
        }),
        url: field(url().optional(), { label: { nl: 'Link naar de bron', en: 'Link to the source' } }),
      }).optional(),
      { label: { nl: 'Citaat', en: 'Quote' } },
    ),
    /** Practices this case illustrates (the practices also list it). */
    practices: ref('practices', { nl: 'Gerelateerde praktijken', en: 'Related practices' }),
    /** Sources for the case as a whole. */
    sources: field(z.array(source()).default([]), { label: { nl: 'Bronnen', en: 'Sources' }, i18n: 'duplicate' }),
    /** Position on the map (WGS84), if the municipality should appear there. */
    position: field(
      fields({
        lat: field(
          z
            .number()
            .min(50.7, { error: 'latitude must lie in the Netherlands (50.7 to 53.6)' })
            .max(53.6, { error: 'latitude must lie in the Netherlands (50.7 to 53.6)' }),
          { label: { nl: 'Breedtegraad', en: 'Latitude' } },
        ),
        lon: field(
          z
            .number()
            .min(3.3, { error: 'longitude must lie in the Netherlands (3.3 to 7.3)' })
            .max(7.3, { error: 'longitude must lie in the Netherlands (3.3 to 7.3)' }),
          { label: { nl: 'Lengtegraad', en: 'Longitude' } },
        ),
      }).optional(),
      { label: { nl: 'Positie op de kaart', en: 'Position on the map' }, i18n: 'duplicate' },
    ),
    /** Optional cover image with alt text. */
    cover: field(illustration(ctx).optional(), { label: { nl: 'Omslagafbeelding', en: 'Cover image' } }),
  });

export type CaseData = z.infer<ReturnType<typeof caseSchema>>;
