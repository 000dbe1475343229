/**
 * The MDX content guard's rules, once, for the build, the content check and the CMS. MDX compiles
 * to JavaScript: `import`, `export` and `{expressions}` run at build time, any JSX element can
 * render anything, and a link or image URL reaches the page as written. Content must never run
 * code or load anything from elsewhere, so every node of the body's syntax tree is judged here and
 * **every node type these rules do not know is refused** (fail closed).
 *
 * The tree is Sätteri's mdast, the tree the build compiles: the build runs these rules inside its
 * MDX compilation (plugin.ts), the content check and the CMS on Sätteri's own parse with the same
 * options (parse.ts). No second parser.
 *
 * A violation is a code with its parameters and its position; the words for editors are in the
 * message tables (messages-en.ts for the build and the check, messages-nl.ts for the CMS).
 * Pure TypeScript, no Node APIs: it runs in the browser too.
 */
import type { z } from 'astro/zod';
import { allowedComponents, allowedComponentNames, type AllowedComponent } from '../../components/mdx/allowlist.ts';
import { componentSchemas } from '../../components/mdx/props.ts';
import { imageUrlProblem, linkUrlProblem } from '../../schema/safe-url.ts';
import { closeMatches } from '../checks/suggest.ts';

export interface Point {
  line: number;
  column: number;
}

/** The parts of an mdast node the rules read (Sätteri's mdast, unist positions). */
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
  checked?: boolean | null;
  identifier?: string;
  label?: string | null;
  attributes?: MdAttribute[];
  children?: MdNode[];
  position?: { start: Point & { offset?: number }; end: Point & { offset?: number } };
}

export interface MdAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

/** Most characters a body may have (an article of about 15,000 words); larger texts are refused unread. */
export const MAX_BODY_CHARACTERS = 100_000;
/**
 * Deepest nesting of the syntax tree. Ordinary content nests about ten levels (a list in a quote in
 * a component); the compiler's code generator crashes the whole build on a few thousand.
 */
export const MAX_DEPTH = 64;

export type UrlRule = 'link' | 'image' | 'video';

/** Each rule a body can break, with what the messages need to name it. */
export type Violation = { at?: Point } & (
  | { code: 'unreadable'; reason: string }
  | { code: 'too-large'; characters: number; max: number }
  | { code: 'too-deep'; max: number }
  | { code: 'unknown-node'; type: string }
  | { code: 'esm'; kind: 'import' | 'export'; source: string }
  | { code: 'expression'; source: string }
  | { code: 'raw-html'; source: string }
  | { code: 'fragment' }
  | { code: 'html-tag'; name: string }
  | { code: 'unknown-component'; name: string; suggestion?: string }
  /** A Markdown link, image or definition whose address is refused. */
  | { code: 'unsafe-url'; rule: UrlRule; url: string; reason: string }
  /** `![alt][name]`: the image's address is elsewhere in the text. */
  | { code: 'image-reference'; label: string }
  /** `<Callout {...props}>` */
  | { code: 'expression-attribute'; name: string; source: string }
  /** `<Callout title={x}>` */
  | { code: 'expression-value'; name: string; attribute: string }
  | { code: 'unknown-attribute'; name: string; attribute: string; declared: string[]; suggestion?: string }
  | { code: 'attribute-without-value'; name: string; attribute: string }
  | {
      code: 'value-not-allowed';
      name: string;
      attribute: string;
      value: string;
      allowed: readonly string[];
      suggestion?: string;
    }
  | { code: 'empty-attribute'; name: string; attribute: string }
  /** An attribute whose value its schema refuses (an unsafe URL, a malformed id). */
  | { code: 'invalid-attribute'; name: string; attribute: string; value: string; reason: string; rule?: UrlRule }
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

/** The size rule, judged before a text is parsed. Leading whitespace is not counted (the build blanks the frontmatter). */
export function sizeViolation(text: string): Violation | undefined {
  const characters = text.trimStart().length;
  return characters > MAX_BODY_CHARACTERS
    ? { code: 'too-large', at: { line: 1, column: 1 }, characters, max: MAX_BODY_CHARACTERS }
    : undefined;
}

/** Nodes that are safe as they are: their own fields never reach the page as code or as an address. */
const PLAIN = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'code',
  'text',
  'emphasis',
  'strong',
  'inlineCode',
  'break',
  'delete',
  'table',
  'tableRow',
  'tableCell',
  'footnoteDefinition',
  'footnoteReference',
  // Rendered as a link to its definition, whose address is judged at the definition.
  'linkReference',
]);

/**
 * Every rule the tree breaks, in text order, and the allowed components it uses. `source` is the text
 * the tree was parsed from (only used to point at an attribute inside its tag). Iterative, so a deep
 * tree cannot overflow the stack; a subtree deeper than MAX_DEPTH is refused and not read further.
 */
export function guardTree(root: MdNode, source = ''): GuardFindings {
  const violations: Violation[] = [];
  const components: ComponentFound[] = [];
  const stack: { node: MdNode; depth: number }[] = [{ node: root, depth: 0 }];
  let tooDeep = false;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const at = node.position?.start
      ? { line: node.position.start.line, column: node.position.start.column }
      : undefined;
    if (depth > MAX_DEPTH) {
      if (!tooDeep) violations.push({ code: 'too-deep', at, max: MAX_DEPTH });
      tooDeep = true;
      continue;
    }
    let descend = true;
    switch (node.type) {
      case 'mdxjsEsm': {
        const text = String(node.value ?? '');
        violations.push({ code: 'esm', at, kind: /^\s*import\b/.test(text) ? 'import' : 'export', source: text });
        descend = false;
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        violations.push({ code: 'expression', at, source: String(node.value ?? '') });
        descend = false;
        break;
      case 'html':
        violations.push({ code: 'raw-html', at, source: String(node.value ?? '') });
        descend = false;
        break;
      case 'link':
      case 'definition': {
        const reason = linkUrlProblem(node.url ?? '');
        if (reason !== undefined)
          violations.push({ code: 'unsafe-url', at, rule: 'link', url: node.url ?? '', reason });
        break;
      }
      case 'image': {
        const reason = imageUrlProblem(node.url ?? '') ?? brokenEscape(node.url ?? '');
        if (reason !== undefined)
          violations.push({ code: 'unsafe-url', at, rule: 'image', url: node.url ?? '', reason });
        break;
      }
      case 'imageReference':
        violations.push({ code: 'image-reference', at, label: node.label ?? node.identifier ?? '' });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        descend = checkElement(node, at, source, violations, components);
        break;
      default:
        if (!PLAIN.has(node.type)) {
          violations.push({ code: 'unknown-node', at, type: node.type });
          descend = false;
        }
    }
    if (!descend) continue;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1 });
  }
  return { violations, components };
}

/** Astro reads an image address with decodeURI, which throws on a broken %-escape and stops the build unexplained. */
function brokenEscape(url: string): string | undefined {
  try {
    decodeURI(url);
    return undefined;
  } catch {
    return 'the address has a broken %-escape (a % must be followed by two hexadecimal digits)';
  }
}

function hasContent(node: MdNode): boolean {
  return (node.children ?? []).some((c) => c.type !== 'text' || String(c.value ?? '').trim() !== '');
}

/** Where an attribute is written inside its element's opening tag, or the element's start. */
function attributeAt(source: string, node: MdNode, pattern: RegExp, fallback: Point | undefined): Point | undefined {
  const start = node.position?.start;
  if (!start || !source) return fallback;
  const lines = source.split('\n', start.line + 20);
  // Search the opening tag: from the element's start up to the first `>` outside quotes.
  let line = start.line - 1;
  let column = start.column - 1;
  let quote = '';
  let text = '';
  const origin: Point[] = [];
  while (line < lines.length) {
    const current = lines[line]!;
    for (; column < current.length; column++) {
      const c = current[column]!;
      if (quote) quote = c === quote ? '' : quote;
      else if (c === '"' || c === "'") quote = c;
      else if (c === '>') return find();
      text += c;
      origin.push({ line: line + 1, column: column + 1 });
    }
    text += '\n';
    origin.push({ line: line + 2, column: 1 });
    line++;
    column = 0;
  }
  return find();
  function find(): Point | undefined {
    const m = pattern.exec(text);
    return m ? (origin[m.index + (m[1]?.length ?? 0)] ?? fallback) : fallback;
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Checks one JSX element; returns whether its children are to be judged too. */
function checkElement(
  node: MdNode,
  start: Point | undefined,
  source: string,
  violations: Violation[],
  components: ComponentFound[],
): boolean {
  const name = node.name;
  if (!name) {
    violations.push({ code: 'fragment', at: start });
    return true;
  }
  const allowed = (allowedComponents as Record<string, AllowedComponent>)[name];
  if (!allowed) {
    if (/^[a-z]/.test(name)) violations.push({ code: 'html-tag', at: start, name });
    else
      violations.push({
        code: 'unknown-component',
        at: start,
        name,
        suggestion: closeMatches(name, allowedComponentNames, 1)[0],
      });
    return true;
  }

  const shape = (componentSchemas as Record<string, { props: z.ZodObject }>)[name]!.props.shape as Record<
    string,
    z.ZodType
  >;
  const declared = allowed.attributes;
  const declaredNames = Object.keys(declared);
  const values: Record<string, string> = {};
  const present = new Set<string>();
  for (const attr of node.attributes ?? []) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      const at = attributeAt(source, node, /(\s)\{/, start);
      violations.push({ code: 'expression-attribute', at, name, source: String(attr.value ?? '') });
      continue;
    }
    if (attr.type !== 'mdxJsxAttribute') {
      violations.push({ code: 'unknown-node', at: start, type: attr.type });
      continue;
    }
    const attribute = attr.name ?? '';
    present.add(attribute);
    const at = attributeAt(source, node, new RegExp(`(\\s)${escapeRegExp(attribute)}(?![\\w:.-])`), start);
    if (attr.value && typeof attr.value === 'object') {
      violations.push({ code: 'expression-value', at, name, attribute });
      continue;
    }
    const spec = declared[attribute];
    if (!spec || !Object.hasOwn(shape, attribute)) {
      violations.push({
        code: 'unknown-attribute',
        at,
        name,
        attribute,
        declared: declaredNames,
        suggestion: closeMatches(attribute, declaredNames, 1)[0],
      });
      continue;
    }
    if (typeof attr.value !== 'string') {
      violations.push({ code: 'attribute-without-value', at, name, attribute });
      continue;
    }
    const value = attr.value;
    const parsed = shape[attribute]!.safeParse(value);
    if (parsed.success) {
      values[attribute] = value;
    } else if (spec.values) {
      const suggestion = closeMatches(value, spec.values, 1)[0];
      violations.push({ code: 'value-not-allowed', at, name, attribute, value, allowed: spec.values, suggestion });
    } else if (value.trim() === '') {
      violations.push({ code: 'empty-attribute', at, name, attribute });
    } else {
      const reason = parsed.error.issues.map((i) => i.message).join('; ');
      violations.push({
        code: 'invalid-attribute',
        at,
        name,
        attribute,
        value,
        reason,
        ...(spec.url && { rule: spec.url }),
      });
    }
  }
  for (const [attribute, spec] of Object.entries(declared)) {
    if (spec.required && !present.has(attribute))
      violations.push({ code: 'missing-attribute', at: start, name, attribute, allowed: spec.values });
  }
  if (!allowed.children && hasContent(node)) violations.push({ code: 'children-lost', at: start, name });
  components.push({ name, attributes: values, at: start });
  return true;
}
