/**
 * Preview templates, one per collection, styled by the site's CSS (registered as preview style in
 * admin/main.ts). The layout follows the entry pages: heading, summary, cover, the facts from the
 * frontmatter (with the vocabulary labels an editor chose), then the body with the components drawn
 * as on the site. Generic over the fields, so a new field shows up without a change here.
 */
import type { ReactNode } from 'react';
import { MdxPreview, type PreviewLocale } from './mdx-render.tsx';

interface Imm {
  get(key: string, fallback?: unknown): unknown;
  getIn(path: (string | number)[]): unknown;
  toJS(): unknown;
}

interface PreviewProps {
  entry: Imm;
  collection: Imm;
  fields?: Imm;
  getAsset: (path: string) => { toString(): string } | undefined;
}

interface FieldConfig {
  name: string;
  label: string;
  widget: string;
  options?: { label: string; value: string }[];
  fields?: FieldConfig[];
  field?: FieldConfig;
}

const HEADER_FIELDS = new Set(['title', 'summary', 'description', 'body', 'cover', 'example', 'featured']);

function localeOf(entry: Imm): PreviewLocale {
  const en = entry.getIn(['i18n', 'en', 'data']);
  return en !== undefined && en === entry.get('data') ? 'en' : 'nl';
}

function show(value: unknown, field: FieldConfig, asset: (p: string) => string | undefined): ReactNode {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    if (field.widget === 'list' && field.fields) {
      return (
        <ul>
          {value.map((item, i) => (
            <li key={i}>{showObject(item as Record<string, unknown>, field.fields!, asset)}</li>
          ))}
        </ul>
      );
    }
    const inner = field.field ?? field;
    return value.map((v) => label(String(v), inner)).join(', ');
  }
  if (typeof value === 'object')
    return field.fields ? showObject(value as Record<string, unknown>, field.fields, asset) : null;
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (field.widget === 'image')
    return <img src={asset(String(value)) ?? String(value)} alt="" style={{ maxWidth: '12rem' }} />;
  if (/^https?:\/\//.test(String(value))) return <a href={String(value)}>{String(value)}</a>;
  return label(String(value), field);
}

function label(value: string, field: FieldConfig): string {
  return field.options?.find((o) => o.value === value)?.label ?? value;
}

function showObject(
  value: Record<string, unknown>,
  fields: FieldConfig[],
  asset: (p: string) => string | undefined,
): ReactNode {
  const parts = fields
    .map((f) => ({ f, v: show(value?.[f.name], f, asset) }))
    .filter((x) => x.v !== null && x.v !== '');
  return (
    <span>
      {parts.map(({ f, v }, i) => (
        <span key={f.name}>
          {i > 0 && ' · '}
          <span className="visually-hidden">{f.label}: </span>
          {v}
        </span>
      ))}
    </span>
  );
}

export function EntryPreview({ entry, collection, getAsset }: PreviewProps) {
  const data = ((entry.get('data') as Imm | undefined)?.toJS() ?? {}) as Record<string, unknown>;
  const fields = ((collection.get('fields') as Imm | undefined)?.toJS() ??
    (collection.getIn(['files', 0, 'fields']) as Imm | undefined)?.toJS() ??
    []) as FieldConfig[];
  const locale = localeOf(entry);
  const asset = (path: string) => {
    try {
      return getAsset(path)?.toString();
    } catch {
      return undefined;
    }
  };
  const cover = data.cover as { src?: string; alt?: string } | undefined;
  const lead = (data.summary ?? data.description) as string | undefined;
  return (
    <article lang={locale} className={`entry entry-${String(collection.get('name'))}`}>
      {data.example === true && (
        <p className="notice" role="note">
          {locale === 'en' ? 'Example content: to be replaced.' : 'Voorbeeldinhoud: wordt nog vervangen.'}
        </p>
      )}
      <h1>{String(data.title ?? '')}</h1>
      {lead && <p className="lead">{lead}</p>}
      {cover?.src && (
        <figure className="cover">
          <img src={asset(cover.src) ?? cover.src} alt={cover.alt ?? ''} />
        </figure>
      )}
      <dl className="facts">
        {fields
          .filter((f) => !HEADER_FIELDS.has(f.name))
          .map((f) => ({ f, v: show(data[f.name], f, asset) }))
          .filter(({ v }) => v !== null && v !== '')
          .map(({ f, v }) => (
            <div key={f.name}>
              <dt>{f.label}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {typeof data.body === 'string' && <MdxPreview source={data.body} ctx={{ locale, asset }} />}
    </article>
  );
}
