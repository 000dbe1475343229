/**
 * The names of the components content may use, with their attributes. This is the MDX allow-list:
 * the content guard rejects any other JSX element or attribute, the page passes exactly these to
 * <Content components={...} />, and the CMS offers exactly these as editor components.
 *
 * A plain description derived from the zod schemas in props.ts (never written twice): which
 * attributes exist, which are required, the allowed values of a choice, the relation of a
 * reference, the URL rule and form widget. Kept free of .astro imports so that node scripts and
 * tests can read it.
 */
import type { z } from 'astro/zod';
import { defOf, peel } from '../../schema/zod-walk.ts';
import { componentSchemas, type AttributeMeta } from './props.ts';

export interface AttributeSpec extends AttributeMeta {
  required: boolean;
  /** The allowed values of a choice (a zod enum). */
  values?: readonly string[];
}

export interface AllowedComponent {
  /** Attributes the component accepts, in the order the schema declares them. */
  attributes: Record<string, AttributeSpec>;
  /** Whether it wraps Markdown content (children). */
  children: boolean;
}

export type AllowedComponentName = keyof typeof componentSchemas;

/** The description of one attribute, read from its zod schema. */
export function describeAttribute(schema: z.ZodType): AttributeSpec {
  const { core, optional, hasDefault } = peel(schema);
  const def = defOf(core);
  const meta = (core.meta() ?? {}) as AttributeMeta;
  const spec: AttributeSpec = { required: !optional && !hasDefault };
  if (def.type === 'enum' && def.entries) spec.values = Object.values(def.entries).map(String);
  if (meta.url) spec.url = meta.url;
  if (meta.widget) spec.widget = meta.widget;
  if (meta.relation) spec.relation = meta.relation;
  return spec;
}

function describe(props: z.ZodObject, children: boolean): AllowedComponent {
  const attributes: Record<string, AttributeSpec> = {};
  for (const [name, schema] of Object.entries(props.shape)) attributes[name] = describeAttribute(schema as z.ZodType);
  return { attributes, children };
}

export const allowedComponents = Object.fromEntries(
  Object.entries(componentSchemas).map(([name, { props, children }]) => [name, describe(props, children)]),
) as Record<AllowedComponentName, AllowedComponent>;

export const allowedComponentNames = Object.keys(componentSchemas) as AllowedComponentName[];
