/**
 * Renders an MDX body for the CMS preview: parsed as the build and the editor's content guard parse it
 * (Sätteri, through admin/mdx/guard.ts, loaded lazily), Markdown nodes as plain HTML elements, and the allow-listed components with the same
 * markup and classes as src/components/mdx/*.astro, so the site's CSS styles them the same way.
 * Everything goes through React (no HTML strings), so nothing in the text can run in the CMS page;
 * a text the guard refuses is shown with its problems instead.
 */
import { Fragment, type ReactNode } from 'react';
import type { MdNode } from '../../src/lib/mdx-guard/rules.ts';
import { useGuard } from '../mdx/load-guard.ts';
import nlUi from '../../src/i18n/ui/nl.json';
import enUi from '../../src/i18n/ui/en.json';

type Ui = typeof nlUi;
export type PreviewLocale = 'nl' | 'en';

export interface RenderContext {
  locale: PreviewLocale;
  /** Resolve an image path to a URL the CMS can show (Decap's getAsset). */
  asset?: (path: string) => string | undefined;
  /** Title of a material by its slug, for MaterialLink. */
  materialTitle?: (slug: string) => string | undefined;
}

const SAFE_URL = /^(https?:|mailto:|tel:|\/|#|\.{0,2}\/)/i;
const safeHref = (url: string | undefined) => (url && SAFE_URL.test(url) ? url : undefined);

function attrs(node: MdNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of node.attributes ?? [])
    if (a.type === 'mdxJsxAttribute' && a.name && typeof a.value === 'string') out[a.name] = a.value;
  return out;
}

function textOf(node: MdNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

function component(node: MdNode, children: ReactNode, ctx: RenderContext, key: number): ReactNode {
  const ui: Ui = ctx.locale === 'en' ? enUi : nlUi;
  const a = attrs(node);
  switch (node.name) {
    case 'Callout': {
      const type = (['info', 'tip', 'warning'].includes(a.type ?? '') ? a.type : 'info') as 'info' | 'tip' | 'warning';
      return (
        <div key={key} className={`callout callout-${type}`} role="note">
          <p className="callout-title">
            <strong>{a.title ?? ui[`callout.${type}`]}</strong>
          </p>
          {children}
        </div>
      );
    }
    case 'Quote':
      return (
        <figure key={key} className="quote">
          <blockquote cite={safeHref(a.url)}>{children}</blockquote>
          <figcaption>
            <span className="visually-hidden">{ui['quote.source']}: </span>
            {safeHref(a.url) ? <a href={safeHref(a.url)}>{a.source}</a> : a.source}
          </figcaption>
        </figure>
      );
    case 'Figure':
      return (
        <figure key={key} className="figure">
          <img src={(a.src && ctx.asset?.(a.src)) ?? a.src} alt={a.alt ?? ''} loading="lazy" decoding="async" />
          {a.caption && <figcaption>{a.caption}</figcaption>}
        </figure>
      );
    case 'Steps':
      return (
        <div key={key} className="steps">
          {children}
        </div>
      );
    case 'MaterialLink': {
      const title = (a.id && ctx.materialTitle?.(a.id)) ?? a.id;
      return (
        <p key={key} className="material-link">
          <a href={`#materiaal-${a.id ?? ''}`}>{title}</a>{' '}
          <span className="material-meta">
            ({ctx.locale === 'en' ? 'material' : 'materiaal'} “{a.id}”)
          </span>
        </p>
      );
    }
    case 'VideoEmbed':
      return (
        <figure key={key} className="video">
          <figcaption>
            <strong>{a.title}</strong>
          </figcaption>
          <p>
            <a href={safeHref(a.url)} rel="noopener external">
              {ui['video.watch']}
            </a>
          </p>
          <p className="video-notice">{ui['video.notice']}</p>
          <details>
            <summary>{ui['video.transcript']}</summary>
            <p>{a.transcript}</p>
          </details>
        </figure>
      );
    default:
      return null;
  }
}

function render(node: MdNode, ctx: RenderContext, key = 0): ReactNode {
  const kids = () => (node.children ?? []).map((c, i) => render(c, ctx, i));
  switch (node.type) {
    case 'root':
      return <Fragment key={key}>{kids()}</Fragment>;
    case 'paragraph':
      return <p key={key}>{kids()}</p>;
    case 'heading': {
      const Tag = `h${Math.min(Math.max(node.depth ?? 2, 1), 6)}` as 'h2';
      return <Tag key={key}>{kids()}</Tag>;
    }
    case 'text':
      return String(node.value ?? '');
    case 'emphasis':
      return <em key={key}>{kids()}</em>;
    case 'strong':
      return <strong key={key}>{kids()}</strong>;
    case 'delete':
      return <del key={key}>{kids()}</del>;
    case 'inlineCode':
      return <code key={key}>{String(node.value ?? '')}</code>;
    case 'code':
      return (
        <pre key={key}>
          <code>{String(node.value ?? '')}</code>
        </pre>
      );
    case 'break':
      return <br key={key} />;
    case 'thematicBreak':
      return <hr key={key} />;
    case 'blockquote':
      return <blockquote key={key}>{kids()}</blockquote>;
    case 'list':
      return node.ordered ? (
        <ol key={key} start={node.start ?? undefined}>
          {kids()}
        </ol>
      ) : (
        <ul key={key}>{kids()}</ul>
      );
    case 'listItem':
      return <li key={key}>{kids()}</li>;
    case 'link':
      return (
        <a key={key} href={safeHref(node.url)} title={node.title ?? undefined}>
          {kids()}
        </a>
      );
    case 'image':
      return <img key={key} src={(node.url && ctx.asset?.(node.url)) ?? node.url} alt={node.alt ?? ''} />;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return component(node, kids(), ctx, key);
    case 'html':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return null;
    default:
      return node.children ? <Fragment key={key}>{kids()}</Fragment> : textOf(node);
  }
}

export function MdxPreview({ source, ctx = { locale: 'nl' } }: { source: string; ctx?: RenderContext }) {
  const { guard, error } = useGuard();
  if (!guard) {
    const text = error
      ? ctx.locale === 'en'
        ? 'The preview could not load the text check.'
        : 'Het voorbeeld kon de controle van de tekst niet laden.'
      : ctx.locale === 'en'
        ? 'Loading the preview…'
        : 'Voorbeeld wordt geladen…';
    return (
      <p className="cms-preview-loading" role={error ? 'alert' : 'status'}>
        {text}
      </p>
    );
  }
  const problems = guard.checkMdx(source);
  if (problems.length) {
    return (
      <div className="notice cms-preview-problems" role="alert">
        <p>
          <strong>
            {ctx.locale === 'en'
              ? 'This text cannot be published yet:'
              : 'Deze tekst kan zo nog niet gepubliceerd worden:'}
          </strong>
        </p>
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              {p.line ? `regel ${p.line}: ` : ''}
              {p.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return <div className="prose">{render(guard.parseMdx(source), ctx)}</div>;
}
