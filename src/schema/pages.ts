/** Standalone pages: about, how it works, contact, privacy, accessibility statement. */
import { z } from 'astro/zod';
import { field } from './field.ts';
import { date, fields } from './common.ts';

export const pageSchema = () =>
  fields({
    /** Page heading. */
    title: field(z.string().trim().min(3, { error: 'a title of at least 3 characters is required' }), {
      label: { nl: 'Titel', en: 'Title' },
    }),
    /** Meta description: one sentence. */
    description: field(
      z.string().trim().min(10, { error: 'a description of at least 10 characters is required' }).max(300),
      {
        label: { nl: 'Omschrijving', en: 'Description' },
        widget: 'text',
      },
    ),
    /** Date of the last meaningful change. */
    updated: field(date(), {
      label: { nl: 'Laatst bijgewerkt', en: 'Last updated' },
      widget: 'date',
      i18n: 'duplicate',
    }),
    /** Example content still to be replaced. */
    example: field(z.boolean().default(false), {
      label: { nl: 'Voorbeeldinhoud', en: 'Example content' },
      i18n: 'duplicate',
    }),
  });
