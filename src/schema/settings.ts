/** Site settings (content/settings/site.yaml): name, contact, organisation. Edited as one CMS file. */
import { z } from 'astro/zod';
import { field } from './field.ts';
import { email, url, fields } from './common.ts';

const bilingual = (label: { nl: string; en: string }, widget?: 'text') =>
  field(
    fields({
      nl: field(z.string().min(2), { label: { nl: `${label.nl} (Nederlands)`, en: `${label.en} (Dutch)` }, widget }),
      en: field(z.string().min(2), { label: { nl: `${label.nl} (Engels)`, en: `${label.en} (English)` }, widget }),
    }),
    { label },
  );

export const settingsSchema = () =>
  fields({
    /** Name of the site. */
    name: field(z.string().min(2), { label: { nl: 'Naam van de site', en: 'Site name' } }),
    /** The mission in one sentence. */
    mission: bilingual({ nl: 'Missie in één zin', en: 'Mission in one sentence' }, 'text'),
    /** The main call to action on the home page. */
    callToAction: bilingual({ nl: 'Oproep op de homepage', en: 'Call to action on the home page' }, 'text'),
    /** Contact e-mail (a role address). */
    email: field(email(), { label: { nl: 'E-mailadres', en: 'E-mail address' } }),
    /** Organisation behind the site. */
    organisation: field(
      fields({
        name: field(z.string().min(2), { label: { nl: 'Naam', en: 'Name' } }),
        url: field(url(), { label: { nl: 'Website', en: 'Website' } }),
      }),
      { label: { nl: 'Organisatie', en: 'Organisation' } },
    ),
    /** Public website of the movement. */
    website: field(url(), { label: { nl: 'Website van Samen Hier', en: 'Samen Hier website' } }),
  });

export type SiteSettings = z.infer<ReturnType<typeof settingsSchema>>;
