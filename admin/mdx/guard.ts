/**
 * The content guard's rules, in the editor: the MDX body widget refuses to save a text that the
 * build would refuse (the build's guard, src/lib/checks/guard.ts on main, stays the authority).
 * Same parser (remark-parse + remark-mdx), same allow-list (src/components/mdx/allowlist.ts);
 * messages in Dutch with line and column in the text field.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { allowedComponents, allowedComponentNames, type AllowedComponent } from '../../src/components/mdx/allowlist.ts';

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

export interface GuardProblem {
  line?: number;
  column?: number;
  message: string;
}

const processor = unified().use(remarkParse).use(remarkMdx);

export function parseMdx(text: string): MdNode {
  return processor.parse(text) as unknown as MdNode;
}

const LIST = allowedComponentNames.map((n) => `<${n}>`).join(', ');
const short = (s: string, n = 30) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** Every problem the build's content guard would report in this body, in Dutch. */
export function checkMdx(text: string): GuardProblem[] {
  const problems: GuardProblem[] = [];
  const at = (point: Point | undefined, message: string) => problems.push({ line: point?.line, column: point?.column, message });
  let tree: MdNode;
  try {
    tree = parseMdx(text);
  } catch (err) {
    const e = err as { reason?: string; message?: string; line?: number; column?: number; place?: Point | { start: Point } };
    const place = e.place && 'start' in e.place ? e.place.start : (e.place as Point | undefined);
    at(e.line ? { line: e.line, column: e.column ?? 1 } : place,
      `de tekst kan niet gelezen worden (${e.reason ?? e.message ?? String(err)}). Een < of { in gewone tekst begint een onderdeel of code: schrijf \\< of \\{ om het teken zelf te tonen, en sluit elk onderdeel af, bijv. <Callout>…</Callout>`);
    return problems;
  }
  const visit = (node: MdNode) => {
    const start = node.position?.start;
    switch (node.type) {
      case 'mdxjsEsm':
        at(start, `"${short(String(node.value ?? ''))}" is code (import/export) en mag niet in de tekst: verwijder deze regel`);
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        at(start, `{${short(String(node.value ?? ''))}} tussen accolades is code en mag niet in de tekst: schrijf \\{ en \\} om accolades te tonen`);
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, at);
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}

function checkElement(node: MdNode, at: (point: Point | undefined, message: string) => void) {
  const start = node.position?.start;
  const name = node.name;
  if (!name) {
    at(start, 'een fragment <>…</> mag niet in de tekst: verwijder <> en </>');
    return;
  }
  const allowed = (allowedComponents as Record<string, AllowedComponent>)[name];
  if (!allowed) {
    at(start, /^[a-z]/.test(name)
      ? `de HTML-tag <${name}> mag niet in de tekst: gebruik Markdown of een van de onderdelen ${LIST}`
      : `<${name}> is geen onderdeel dat de tekst mag gebruiken: kies uit ${LIST}`);
    return;
  }
  for (const attr of node.attributes ?? []) {
    const where = attr.position?.start ?? start;
    if (attr.type === 'mdxJsxExpressionAttribute' || (attr.value && typeof attr.value === 'object')) {
      at(where, `<${name}>: een waarde tussen accolades is code; schrijf elke eigenschap als naam="waarde"`);
      continue;
    }
    const spec = allowed.attributes[attr.name ?? ''];
    if (!spec) {
      const names = Object.keys(allowed.attributes);
      at(where, `<${name}> kent geen eigenschap "${attr.name}"${names.length ? ` (wel: ${names.join(', ')})` : ''}`);
      continue;
    }
    if (attr.value === null || attr.value === undefined) {
      at(where, `<${name} ${attr.name}>: de eigenschap heeft geen waarde; schrijf ${attr.name}="…"`);
      continue;
    }
    if (spec.values && !spec.values.includes(attr.value)) {
      at(where, `<${name} ${attr.name}="${attr.value}">: kies uit ${spec.values.join(', ')}`);
    } else if (spec.required && !attr.value.trim()) {
      at(where, `<${name} ${attr.name}="">: vul ${attr.name} in`);
    }
  }
  for (const [attrName, spec] of Object.entries(allowed.attributes)) {
    if (spec.required && !(node.attributes ?? []).some((a) => a.type === 'mdxJsxAttribute' && a.name === attrName)) {
      at(start, `<${name}> mist de verplichte eigenschap ${attrName}="…"`);
    }
  }
  const hasContent = (node.children ?? []).some((c) => c.type !== 'text' || String(c.value ?? '').trim() !== '');
  if (!allowed.children && hasContent) {
    at(start, `<${name}> toont geen tekst tussen de tags: schrijf <${name} … /> en zet de tekst erbuiten`);
  }
}

export function formatProblems(problems: GuardProblem[]): string {
  return problems.map((p) => (p.line ? `regel ${p.line}, kolom ${p.column ?? 1}: ${p.message}` : p.message)).join('\n');
}
