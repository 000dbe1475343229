/**
 * The MDX content guard's rules, once, for the build and the CMS. MDX compiles to JavaScript:
 * `import`, `export` and `{expressions}` run at build time, and any JSX element can render anything.
 * Content must never run code, so a body is parsed (remark-parse + remark-mdx, as the build parses
 * it) and every ESM statement, expression, expression attribute, and element or attribute outside
 * the allow-list (src/components/mdx/allowlist.ts) is a violation.
 *
 * A violation is a code with its parameters and its position in the body; the words for editors are
 * in the message tables (messages-en.ts for the build's check, messages-nl.ts for the CMS).
 * Callers: src/lib/checks/guard.ts (file positions, ContentError) and admin/mdx/guard.ts (the body
 * widget). Pure TypeScript, no Node APIs: it runs in the browser too.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { allowedComponents, allowedComponentNames, type AllowedComponent } from '../../components/mdx/allowlist.ts';
import { closeMatches } from '../checks/suggest.ts';

export interface Point {
  line: number;
  column: number;
}

export interface MdNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  alt?: string | null;
  title?: string | null;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  lang?: string | null;
  attributes?: MdAttribute[];
  children?: MdNode[];
  position?: { start: Point; end: Point };
}

export interface MdAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
  position?: { start: Point };
}

/** Each rule a body can break, with what the messages need to name it. */
export type Violation = { at?: Point } & (
  | { code: 'unreadable'; reason: string }
  | { code: 'esm'; kind: 'import' | 'export'; source: string }
  | { code: 'expression'; source: string }
  | { code: 'fragment' }
  | { code: 'html-tag'; name: string }
  | { code: 'unknown-component'; name: string; suggestion?: string }
  /** `<Callout {...props}>` */
  | { code: 'expression-attribute'; name: string; source: string }
  /** `<Callout title={x}>` */
  | { code: 'expression-value'; name: string; attribute: string }
  | { code: 'unknown-attribute'; name: string; attribute: string; declared: string[]; suggestion?: string }
  | { code: 'attribute-without-value'; name: string; attribute: string }
  | { code: 'value-not-allowed'; name: string; attribute: string; value: string; allowed: readonly string[]; suggestion?: string }
  | { code: 'empty-attribute'; name: string; attribute: string }
  | { code: 'missing-attribute'; name: string; attribute: string; allowed?: readonly string[] }
  | { code: 'children-lost'; name: string }
);

export type ViolationCode = Violation['code'];
export type ViolationOf<C extends ViolationCode> = Extract<Violation, { code: C }>;

/** A table that words every violation for editors, one entry per code. */
export type MessageTable<T> = { [C in ViolationCode]: (v: ViolationOf<C>) => T };

export function renderViolation<T>(table: MessageTable<T>, v: Violation): T {
  return (table[v.code] as (v: Violation) => T)(v);
}

/** A use of an allowed component (for the reference check of e.g. MaterialLink ids). */
export interface ComponentFound {
  name: string;
  /** String-valued declared attributes only. */
  attributes: Record<string, string>;
  at?: Point;
}

export interface GuardFindings {
  violations: Violation[];
  components: ComponentFound[];
}

/** The allowed components as a list for messages: `<Callout>, <Quote>, ...`. */
export const COMPONENT_LIST = allowedComponentNames.map((n) => `<${n}>`).join(', ');

/** Code quoted in a message, on one line and at most `max` characters (ending in `ellipsis`). */
export function shorten(text: string, max: number, ellipsis: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - ellipsis.length)}${ellipsis}` : one;
}

const processor = unified().use(remarkParse).use(remarkMdx);

/** The body's syntax tree, parsed as the build parses it (throws on a text MDX cannot read). */
export function parseMdx(text: string): MdNode {
  return processor.parse(text) as unknown as MdNode;
}

function hasContent(node: MdNode): boolean {
  return (node.children ?? []).some((c) => c.type !== 'text' || String(c.value ?? '').trim() !== '');
}

/** Every rule the body breaks, in text order, and the allowed components it uses. */
export function guardMdx(text: string): GuardFindings {
  const violations: Violation[] = [];
  const components: ComponentFound[] = [];
  let tree: MdNode;
  try {
    tree = parseMdx(text);
  } catch (err) {
    const e = err as { reason?: string; message?: string; line?: number; column?: number; place?: Point | { start: Point } };
    const place = e.place && 'start' in e.place ? e.place.start : (e.place as Point | undefined);
    const at = e.line ? { line: e.line, column: e.column ?? 1 } : place;
    violations.push({ code: 'unreadable', at, reason: e.reason ?? e.message ?? String(err) });
    return { violations, components };
  }

  const visit = (node: MdNode) => {
    const at = node.position?.start;
    switch (node.type) {
      case 'mdxjsEsm': {
        const source = String(node.value ?? '');
        violations.push({ code: 'esm', at, kind: /^\s*import\b/.test(source) ? 'import' : 'export', source });
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        violations.push({ code: 'expression', at, source: String(node.value ?? '') });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, violations, components);
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return { violations, components };
}

function checkElement(node: MdNode, violations: Violation[], components: ComponentFound[]): void {
  const start = node.position?.start;
  const name = node.name;
  if (!name) {
    violations.push({ code: 'fragment', at: start });
    return;
  }
  const allowed = (allowedComponents as Record<string, AllowedComponent>)[name];
  if (!allowed) {
    if (/^[a-z]/.test(name)) violations.push({ code: 'html-tag', at: start, name });
    else violations.push({ code: 'unknown-component', at: start, name, suggestion: closeMatches(name, allowedComponentNames, 1)[0] });
    return;
  }

  const declared = allowed.attributes;
  const declaredNames = Object.keys(declared);
  const values: Record<string, string> = {};
  for (const attr of node.attributes ?? []) {
    const at = attr.position?.start ?? start;
    if (attr.type === 'mdxJsxExpressionAttribute') {
      violations.push({ code: 'expression-attribute', at, name, source: String(attr.value ?? '') });
      continue;
    }
    const attribute = attr.name ?? '';
    if (attr.value && typeof attr.value === 'object') {
      violations.push({ code: 'expression-value', at, name, attribute });
      continue;
    }
    const spec = declared[attribute];
    if (!spec) {
      violations.push({ code: 'unknown-attribute', at, name, attribute, declared: declaredNames, suggestion: closeMatches(attribute, declaredNames, 1)[0] });
      continue;
    }
    if (attr.value === null || attr.value === undefined) {
      violations.push({ code: 'attribute-without-value', at, name, attribute });
      continue;
    }
    values[attribute] = attr.value;
    if (spec.values && !spec.values.includes(attr.value)) {
      const suggestion = closeMatches(attr.value, spec.values, 1)[0];
      violations.push({ code: 'value-not-allowed', at, name, attribute, value: attr.value, allowed: spec.values, suggestion });
    } else if (spec.required && !attr.value.trim()) {
      violations.push({ code: 'empty-attribute', at, name, attribute });
    }
  }
  for (const [attribute, spec] of Object.entries(declared)) {
    const present = (node.attributes ?? []).some((a) => a.type === 'mdxJsxAttribute' && a.name === attribute);
    if (spec.required && !present) violations.push({ code: 'missing-attribute', at: start, name, attribute, allowed: spec.values });
  }
  if (!allowed.children && hasContent(node)) violations.push({ code: 'children-lost', at: start, name });
  components.push({ name, attributes: values, at: start });
}
