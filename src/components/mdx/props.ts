/**
 * The attributes of every component MDX content may use, as one zod schema each. From these come:
 * the components' `Props` types (`z.infer`), the content guard's attribute rules
 * (src/lib/mdx-guard/rules.ts parses each attribute with its schema) and the plain description the
 * CMS builds its insert forms from (allowlist.ts → admin/mdx/components.ts).
 *
 * Attributes are strings in MDX (the guard refuses `{expressions}`), so every field is a string
 * schema. URLs use the project's one set of URL rules (src/schema/safe-url.ts).
 * Kept free of .astro imports so that node scripts, tests and the CMS can read it.
 */
import { z } from 'astro/zod';
import { slug } from '../../schema/common.ts';
import { safeLinkUrl, siteImagePath, videoUrl } from '../../schema/safe-url.ts';

/** What the guard and the CMS form need to know about an attribute beyond its zod type. */
export interface AttributeMeta {
  /** Which URL rule the value follows (named in the guard's message). */
  url?: 'link' | 'image' | 'video';
  /** Form widget where a one-line text field is not right. */
  widget?: 'image' | 'text' | 'relation';
  /** The collection whose entry (by slug) the value names. */
  relation?: string;
}

const attribute = <T extends z.ZodType>(schema: T, meta: AttributeMeta): T =>
  schema.meta(meta as Record<string, unknown>) as T;
/** A text that must be filled in. */
const text = () => z.string().trim().min(1, { error: 'must not be empty' });

export const calloutProps = z.strictObject({
  type: z.enum(['info', 'tip', 'warning']).optional(),
  title: z.string().optional(),
});

export const quoteProps = z.strictObject({
  source: text(),
  url: attribute(safeLinkUrl(), { url: 'link' }).optional(),
});

export const figureProps = z.strictObject({
  src: attribute(siteImagePath(), { url: 'image', widget: 'image' }),
  alt: text(),
  caption: z.string().optional(),
});

export const stepsProps = z.strictObject({});

export const materialLinkProps = z.strictObject({
  id: attribute(slug(), { relation: 'materials', widget: 'relation' }),
});

export const videoEmbedProps = z.strictObject({
  url: attribute(videoUrl(), { url: 'video' }),
  title: text(),
  transcript: attribute(text(), { widget: 'text' }),
});

/** Each allowed component: its attribute schema and whether it shows Markdown placed between its tags. */
export const componentSchemas = {
  Callout: { props: calloutProps, children: true },
  Quote: { props: quoteProps, children: true },
  Figure: { props: figureProps, children: false },
  Steps: { props: stepsProps, children: true },
  MaterialLink: { props: materialLinkProps, children: false },
  VideoEmbed: { props: videoEmbedProps, children: false },
} as const satisfies Record<string, { props: z.ZodObject; children: boolean }>;

export type CalloutProps = z.infer<typeof calloutProps>;
export type QuoteProps = z.infer<typeof quoteProps>;
export type FigureProps = z.infer<typeof figureProps>;
export type StepsProps = z.infer<typeof stepsProps>;
export type MaterialLinkProps = z.infer<typeof materialLinkProps>;
export type VideoEmbedProps = z.infer<typeof videoEmbedProps>;
