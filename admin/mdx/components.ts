/**
 * Editor components: one per allow-listed MDX component (src/components/mdx/allowlist.ts, derived from
 * the attribute schemas in props.ts), so that
 * editors insert Callout, Quote, Figure, Steps, MaterialLink and VideoEmbed through a form instead of
 * typing JSX. Each serialises to exactly the JSX the content guard accepts: the component name, plain
 * string attributes in double quotes (never {expressions}), children as Markdown on their own lines.
 */
import { allowedComponents, type AllowedComponentName } from '../../src/components/mdx/allowlist.ts';
import { MEDIA } from '../config/index.ts';
import type { CmsField } from '../config/fields.ts';

/** Dutch wording of each component and attribute (the allow-list itself has no labels). */
const wording: Record<
  AllowedComponentName,
  {
    label: string;
    attributes: Record<string, { label: string; hint?: string; options?: Record<string, string> }>;
    children?: string;
  }
> = {
  Callout: {
    label: 'Kader',
    attributes: {
      type: { label: 'Soort', options: { info: 'Informatie', tip: 'Tip', warning: 'Let op' } },
      title: { label: 'Kop (optioneel)' },
    },
    children: 'Tekst in het kader',
  },
  Quote: {
    label: 'Citaat',
    attributes: { source: { label: 'Bron (wie, waar)' }, url: { label: 'Link naar de bron (optioneel)' } },
    children: 'Citaat',
  },
  Figure: {
    label: 'Afbeelding',
    attributes: {
      src: { label: 'Afbeelding' },
      alt: {
        label: 'Alternatieve tekst',
        hint: 'Beschrijf wat er op de afbeelding staat, voor wie hem niet kan zien.',
      },
      caption: { label: 'Onderschrift (optioneel)' },
    },
  },
  Steps: {
    label: 'Stappen',
    attributes: {},
    children: 'Genummerde lijst: elke stap op een regel die begint met 1., 2., 3.',
  },
  MaterialLink: { label: 'Link naar materiaal', attributes: { id: { label: 'Materiaal' } } },
  VideoEmbed: {
    label: 'Video',
    attributes: {
      url: { label: 'Link naar de video' },
      title: { label: 'Titel van de video' },
      transcript: {
        label: 'Uitgeschreven tekst (transcript)',
        hint: 'De tekst van de video, voor wie hem niet kan bekijken of horen.',
      },
    },
  },
};

/** Name of the form field that holds a component's Markdown children. */
export const CHILDREN = 'children';

/** The form fields of an editor component, from the allow-list. */
function fieldsOf(name: AllowedComponentName): CmsField[] {
  const spec = allowedComponents[name];
  const words = wording[name];
  const fields: CmsField[] = Object.entries(spec.attributes).map(([attr, a]) => {
    const w = words.attributes[attr] ?? { label: attr };
    const { values, relation, widget } = a;
    const field: CmsField = { name: attr, label: w.label, widget: 'string', required: a.required };
    if (w.hint) field.hint = w.hint;
    if (values) {
      field.widget = 'select';
      field.options = values.map((v) => ({ value: v, label: w.options?.[v] ?? v }));
      field.default = values[0];
    } else if (widget === 'image') {
      Object.assign(field, { widget: 'image', choose_url: false, ...MEDIA.uploads });
    } else if (relation) {
      Object.assign(field, {
        widget: 'relation',
        collection: relation,
        search_fields: ['title'],
        value_field: '{{slug}}',
        display_fields: ['title'],
      });
    } else if (widget === 'text') {
      field.widget = 'text';
    }
    return field;
  });
  if (spec.children)
    fields.push({ name: CHILDREN, label: words.children ?? 'Tekst', widget: 'text', required: name !== 'Callout' });
  return fields;
}

/** A JSX string attribute the guard accepts: double quotes, one line, `"` and `&` as entities. */
export function jsxAttribute(name: string, value: string): string {
  const clean = value
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;');
  return `${name}="${clean}"`;
}

/** Markdown children that cannot turn into code: `{`, `}` and a `<` that would open a tag are escaped. */
export function safeChildren(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[{}]/g, (c) => `\\${c}`)
    .replace(/<(?=[A-Za-z/!>])/g, '\\<')
    .trim();
}

export type ComponentData = Record<string, string | undefined>;

/** Serialise an editor component's form data to MDX. */
export function toMdx(name: AllowedComponentName, data: ComponentData): string {
  const spec = allowedComponents[name];
  const attrs = Object.keys(spec.attributes)
    .filter((attr) => (data[attr] ?? '').trim() !== '')
    .map((attr) => jsxAttribute(attr, data[attr]!));
  const open = `<${name}${attrs.length ? ` ${attrs.join(' ')}` : ''}`;
  if (!spec.children) return `${open} />`;
  const children = safeChildren(data[CHILDREN] ?? '');
  return `${open}>\n${children}\n</${name}>`;
}

const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Attributes of an opening tag (plain string attributes only). */
export function parseAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = decode(m[2] ?? m[3] ?? '');
  return out;
}

export interface EditorComponentDefinition {
  id: AllowedComponentName;
  label: string;
  fields: CmsField[];
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => ComponentData;
  toBlock: (data: ComponentData) => string;
  toPreview: (data: ComponentData) => string;
}

export function editorComponent(name: AllowedComponentName): EditorComponentDefinition {
  const spec = allowedComponents[name];
  const pattern = spec.children
    ? new RegExp(`^<${name}((?:\\s+[A-Za-z][\\w-]*=(?:"[^"]*"|'[^']*'))*)\\s*>\\n?([\\s\\S]*?)\\n?<\\/${name}>`, 'm')
    : new RegExp(`^<${name}((?:\\s+[A-Za-z][\\w-]*=(?:"[^"]*"|'[^']*'))*)\\s*\\/>`, 'm');
  return {
    id: name,
    label: wording[name].label,
    fields: fieldsOf(name),
    pattern,
    fromBlock: (match) => ({
      ...parseAttributes(match[1] ?? ''),
      ...(spec.children ? { [CHILDREN]: match[2] ?? '' } : {}),
    }),
    toBlock: (data) => toMdx(name, data),
    // The preview pane renders the body itself (admin/preview/mdx-render.tsx); this is Decap's fallback.
    toPreview: (data) => toMdx(name, data),
  };
}

export const editorComponents = (Object.keys(allowedComponents) as AllowedComponentName[]).map(editorComponent);
