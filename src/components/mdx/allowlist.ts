/**
 * The names of the components content may use, with their attributes. This is the MDX allow-list:
 * the content guard rejects any other JSX element or attribute, the page passes exactly these to
 * <Content components={...} />, and the CMS offers exactly these as editor components.
 * Kept free of .astro imports so that node scripts and tests can read it.
 */
export interface AllowedComponent {
  /**
   * Attributes the component accepts; `required` ones must be present, `values` lists the allowed
   * values, `relation` names the collection whose entry (by slug) the value must be.
   */
  attributes: Record<string, { required: boolean; values?: readonly string[]; relation?: string }>;
  /** Whether it wraps Markdown content (children). */
  children: boolean;
}

export const allowedComponents = {
  Callout: { attributes: { type: { required: false, values: ['info', 'tip', 'warning'] }, title: { required: false } }, children: true },
  Quote: { attributes: { source: { required: true }, url: { required: false } }, children: true },
  Figure: { attributes: { src: { required: true }, alt: { required: true }, caption: { required: false } }, children: false },
  Steps: { attributes: {}, children: true },
  MaterialLink: { attributes: { id: { required: true, relation: 'materials' } }, children: false },
  VideoEmbed: { attributes: { url: { required: true }, title: { required: true }, transcript: { required: true } }, children: false },
} as const satisfies Record<string, AllowedComponent>;

export type AllowedComponentName = keyof typeof allowedComponents;
export const allowedComponentNames = Object.keys(allowedComponents) as AllowedComponentName[];
