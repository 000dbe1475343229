/** Building blocks shared by the collection schemas. */
import { z } from 'astro/zod';
import { field } from './field.ts';
import { webUrl } from './safe-url.ts';

/** Astro's `image()` helper is passed in, so these modules never import `astro:content` (tests and the CMS generator import them). */
export interface SchemaContext<I extends z.ZodType = z.ZodType> {
  image: () => I;
}

/** Lowercase kebab-case: the form of every slug and id on the site. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugHint = 'use lowercase letters, digits and single hyphens, e.g. "matching-in-rotterdam"';

export const slug = () => z.string().regex(slugPattern, { error: `not a valid slug: ${slugHint}` });

/**
 * A reference to another entry by its language-neutral slug (the file name without language folder),
 * so that the Dutch and English version of an entry point at the same items. The content checks fail
 * the build on references that point nowhere.
 */
export function ref(collection: string, label: { nl: string; en: string }) {
  return field(z.array(slug()).default([]), { label, relation: collection, widget: 'relation', i18n: 'duplicate' });
}

/**
 * A readable short-link code for /m/<code>/ (sessions and materials): short enough to type from a slide.
 * Codes must be unique across the site; the build fails on a collision and names both items.
 */
export const shortCode = () =>
  z
    .string()
    .regex(slugPattern, { error: `not a valid short code: ${slugHint}` })
    .min(2, { error: 'a short code needs at least 2 characters' })
    .max(24, { error: 'keep the short code to at most 24 characters, so it can be typed from a slide' });

export const shortCodeHint = {
  nl: 'Leeg laten geeft een code van 5 tekens. Eigen code: kleine letters, cijfers en streepjes, max. 24 tekens, uniek op de site. Niet meer wijzigen na delen of printen.',
  en: 'Leave empty for a 5-character code. Own code: lowercase letters, digits and hyphens, at most 24 characters, unique on the site. Do not change after sharing or printing.',
};

/** The shape of a web address, for the CMS form's pattern; webUrl() (safe-url.ts) is the rule that decides. */
export const webAddressShape = /^\s*https?:\/\/\S+\s*$/i;

/**
 * A full web address, https:// or http:// only, judged after entities and whitespace are decoded
 * (safe-url.ts), so `java&#x09;script:` or ` javascript:` never passes as a link.
 */
export const url = () =>
  z
    .string()
    .regex(webAddressShape, {
      error: 'not a valid web address: write the full address including https://, e.g. https://www.example.org/page',
      abort: true,
    })
    .pipe(webUrl());

/**
 * A group of fields that refuses any field it does not define: in frontmatter an unknown key is never
 * ignored (the MDX compiler acts on some, such as `layout`), and the error says which key and what to do.
 */
export function fields<S extends z.core.$ZodLooseShape>(shape: S) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return `${keys} ${issue.keys.length > 1 ? 'are not fields' : 'is not a field'} of this content type: remove ${issue.keys.length > 1 ? 'those lines' : 'that line'} or correct the name (the fields here are: ${known})`;
    },
  });
}

export const email = () => z.email({ error: 'must be an e-mail address such as info@example.org' });

/** A calendar date. YAML dates and "2024-05-16" strings both work. */
export const date = () => z.coerce.date({ error: 'must be a date written as YYYY-MM-DD, e.g. 2024-05-16' });

/**
 * A wall-clock time in Europe/Amsterdam, written as "YYYY-MM-DDTHH:mm". Stored without offset on
 * purpose: editors think in local time, and the offset (CET or CEST) follows from the date.
 */
export const localDateTime = () =>
  z
    .string({ error: 'must be a local date and time in quotes, e.g. "2024-05-16T09:30"' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, {
      error: 'must be a local date and time written as "YYYY-MM-DDTHH:mm" (Amsterdam time), e.g. "2024-05-16T09:30"',
    });

/** A cover or illustration: always with alternative text. */
export const illustration = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  fields({
    src: field(ctx.image(), { label: { nl: 'Afbeelding', en: 'Image' }, widget: 'image', i18n: 'duplicate' }),
    alt: field(
      z.string().trim().min(1, { error: 'alt text is required: describe the image for people who cannot see it' }),
      {
        label: { nl: 'Alternatieve tekst', en: 'Alternative text' },
        hint: {
          nl: 'Beschrijf wat er op de afbeelding staat, voor wie hem niet kan zien.',
          en: 'Describe the image for people who cannot see it.',
        },
      },
    ),
  });

/** A public source for a fact. */
export const source = () =>
  fields({
    title: field(z.string().min(1), {
      label: { nl: 'Bron', en: 'Source' },
      example: 'Justice & Peace, impactrapport (2022)',
    }),
    url: field(url().optional(), { label: { nl: 'Link naar de bron', en: 'Link to the source' } }),
  });

/** Fields every content entry has. */
export const entryBase = {
  /** Headline of the entry. */
  title: field(z.string().trim().min(3, { error: 'a title of at least 3 characters is required' }).max(120), {
    label: { nl: 'Titel', en: 'Title' },
  }),
  /** One or two sentences shown on cards, in search results and as meta description. */
  summary: field(z.string().trim().min(10, { error: 'a summary of at least 10 characters is required' }).max(300), {
    label: { nl: 'Samenvatting', en: 'Summary' },
    hint: {
      nl: 'Eén of twee zinnen; verschijnt in overzichten en zoekresultaten.',
      en: 'One or two sentences; shown in listings and search results.',
    },
    widget: 'text',
  }),
  /** First publication date. */
  published: field(date(), { label: { nl: 'Gepubliceerd op', en: 'Published on' }, widget: 'date', i18n: 'duplicate' }),
  /** Date of the last meaningful change. */
  updated: field(date().optional(), {
    label: { nl: 'Laatst bijgewerkt', en: 'Last updated' },
    widget: 'date',
    i18n: 'duplicate',
  }),
  /** Example content: shown with a notice, noindex, left out of the sitemap, listed by the health report. */
  example: field(z.boolean().default(false), {
    label: { nl: 'Voorbeeldinhoud', en: 'Example content' },
    hint: {
      nl: 'Aan = dit is een voorbeeld dat nog vervangen moet worden.',
      en: 'On = this is an example still to be replaced.',
    },
    i18n: 'duplicate',
  }),
};
