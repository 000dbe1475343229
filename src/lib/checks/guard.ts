/**
 * The MDX content guard. MDX compiles to JavaScript: `import`, `export` and `{expressions}` run at
 * build time, and any JSX element can render anything. Content edited through the CMS must never
 * run code, so every body is parsed (remark-mdx) and rejected, with its line and column in the file,
 * on ESM, expressions, expression attributes, and any element or attribute outside the allow-list
 * (src/components/mdx/allowlist.ts).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { allowedComponents, allowedComponentNames, type AllowedComponent } from '../../components/mdx/allowlist.ts';
import type { ComponentUse } from './references.ts';
import { closeMatches } from './suggest.ts';
import type { ContentError, ContentFile, LoadedContent } from './types.ts';

interface Point {
  line: number;
  column: number;
}
interface MdNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: MdAttribute[];
  children?: MdNode[];
  position?: { start: Point; end: Point };
}
interface MdAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
  position?: { start: Point };
}

const processor = unified().use(remarkParse).use(remarkMdx);

const COMPONENT_LIST = allowedComponentNames.map((n) => `<${n}>`).join(', ');

/** What to use instead of common HTML tags. */
const HTML_ALTERNATIVES: Record<string, string> = {
  script: 'scripts are never allowed in content: remove the whole <script> element',
  style: 'styling is done by the site, not in content: remove the <style> element',
  iframe: 'to embed a video use <VideoEmbed url="..." title="..." transcript="..." />; other embeds are not possible',
  video: 'use <VideoEmbed url="..." title="..." transcript="..." />',
  img: 'use Markdown ![description](/uploads/photo.jpg) or <Figure src="..." alt="..." />',
  a: 'write a Markdown link: [link text](https://www.example.org)',
  br: 'to start a new line, end the line with a backslash (\\) or leave an empty line for a new paragraph',
  blockquote: 'start the lines with "> " or use <Quote source="...">...</Quote>',
  b: 'write **bold** in Markdown',
  strong: 'write **bold** in Markdown',
  i: 'write *italic* in Markdown',
  em: 'write *italic* in Markdown',
  h1: 'write headings in Markdown: ## Heading',
  h2: 'write headings in Markdown: ## Heading',
  h3: 'write headings in Markdown: ### Heading',
  ul: 'write a list in Markdown: each item on a line starting with "- "',
  ol: 'write a numbered list in Markdown: "1. ", "2. ", ... or use <Steps>',
  li: 'write list items in Markdown: lines starting with "- "',
  table: 'write a Markdown table (| column | column |)',
};

export interface GuardResult {
  errors: ContentError[];
  /** Uses of allowed components (for the reference check of e.g. MaterialLink ids). */
  components: ComponentUse[];
}

/** Body position → file position. */
function toFile(entry: ContentFile, point: Point | undefined): { line?: number; column?: number } {
  if (!point) return {};
  const bodyLine = entry.bodyLine ?? 1;
  const bodyColumn = entry.bodyColumn ?? 1;
  return {
    line: bodyLine + point.line - 1,
    column: point.line === 1 ? bodyColumn + point.column - 1 : point.column,
  };
}

const short = (s: string, n = 40) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 3)}...` : one;
};

function hasContent(node: MdNode): boolean {
  return (node.children ?? []).some((c) => c.type !== 'text' || String(c.value ?? '').trim() !== '');
}

export function guardEntry(entry: ContentFile): GuardResult {
  const errors: ContentError[] = [];
  const components: ComponentUse[] = [];
  if (entry.format !== 'mdx' || entry.body === undefined) return { errors, components };

  const report = (point: Point | undefined, message: string, hint: string) =>
    errors.push({ check: 'guard', file: entry.file, ...toFile(entry, point), message, hint });

  let tree: MdNode;
  try {
    tree = processor.parse(entry.body) as unknown as MdNode;
  } catch (err) {
    const e = err as { reason?: string; message?: string; line?: number; column?: number; place?: Point | { start: Point } };
    const place = e.place && 'start' in e.place ? e.place.start : (e.place as Point | undefined);
    const point = e.line ? { line: e.line, column: e.column ?? 1 } : place;
    report(
      point,
      `the text could not be read: ${e.reason ?? e.message ?? String(err)}`,
      'a < or { in ordinary text starts a component or code: write \\< or \\{ to show the character itself; ' +
        'and check that every component is closed, e.g. <Callout>...</Callout> or <Figure ... />',
    );
    return { errors, components };
  }

  const visit = (node: MdNode) => {
    const start = node.position?.start;
    switch (node.type) {
      case 'mdxjsEsm': {
        const code = String(node.value ?? '');
        const isImport = /^\s*import\b/.test(code);
        report(
          start,
          `${isImport ? 'an import' : 'an export'} is code and is not allowed in content: "${short(code)}"`,
          isImport
            ? `remove this line; the allowed components (${allowedComponentNames.join(', ')}) work without importing`
            : 'remove this line; put information in the fields at the top of the file instead',
        );
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(
          start,
          `{${short(String(node.value ?? ''))}} in curly braces is code and is not allowed in content`,
          'remove the curly braces and what is between them; to show a curly brace as text, write \\{ and \\}',
        );
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, entry, report, components);
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return { errors, components };
}

function checkElement(
  node: MdNode,
  entry: ContentFile,
  report: (point: Point | undefined, message: string, hint: string) => void,
  components: ComponentUse[],
): void {
  const start = node.position?.start;
  const name = node.name;
  if (!name) {
    report(start, 'a fragment <>...</> is not allowed in content', 'remove the <> and </> around the text');
    return;
  }
  const allowed = (allowedComponents as Record<string, AllowedComponent>)[name];
  if (!allowed) {
    const lower = name.toLowerCase();
    if (/^[a-z]/.test(name)) {
      report(
        start,
        `the HTML tag <${name}> is not allowed in content`,
        HTML_ALTERNATIVES[lower] ?? `remove the tag and use Markdown formatting, or one of the components ${COMPONENT_LIST}`,
      );
    } else {
      const near = closeMatches(name, allowedComponentNames, 1);
      report(
        start,
        `<${name}> is not a component content may use`,
        near.length ? `did you mean <${near[0]}>? The allowed components are ${COMPONENT_LIST}` : `use one of the allowed components ${COMPONENT_LIST}, or remove the tag`,
      );
    }
    return;
  }

  const declared = allowed.attributes;
  const declaredNames = Object.keys(declared);
  const values: Record<string, string> = {};
  for (const attr of node.attributes ?? []) {
    const at = attr.position?.start ?? start;
    if (attr.type === 'mdxJsxExpressionAttribute') {
      report(at, `<${name} {${short(String(attr.value ?? ''), 20)}}>: curly braces in a tag are code and are not allowed`, `remove the {...} part; write each attribute as name="value"`);
      continue;
    }
    const attrName = attr.name ?? '';
    if (attr.value && typeof attr.value === 'object') {
      report(
        at,
        `<${name} ${attrName}={...}>: a value in curly braces is code and is not allowed`,
        `write the value in quotes: ${attrName}="..."`,
      );
      continue;
    }
    const spec = declared[attrName];
    if (!spec) {
      const near = closeMatches(attrName, declaredNames, 1);
      report(
        at,
        `<${name}> has no attribute "${attrName}"`,
        declaredNames.length === 0
          ? `remove ${attrName}; <${name}> takes no attributes`
          : `${near.length ? `did you mean "${near[0]}"? ` : ''}<${name}> accepts only: ${declaredNames.join(', ')}`,
      );
      continue;
    }
    if (attr.value === null || attr.value === undefined) {
      report(at, `<${name} ${attrName}>: the attribute has no value`, `write ${attrName}="..."`);
      continue;
    }
    values[attrName] = attr.value;
    if (spec.values && !spec.values.includes(attr.value)) {
      const near = closeMatches(attr.value, spec.values, 1);
      report(
        at,
        `<${name} ${attrName}="${attr.value}">: "${attr.value}" is not an allowed ${attrName}`,
        `choose one of: ${spec.values.join(', ')}${near.length ? ` (did you mean "${near[0]}"?)` : ''}`,
      );
    } else if (spec.required && !attr.value.trim()) {
      report(at, `<${name} ${attrName}="">: the attribute "${attrName}" is empty`, `fill in ${attrName}="..."`);
    }
  }
  for (const [attrName, spec] of Object.entries(declared)) {
    const present = (node.attributes ?? []).some((a) => a.type === 'mdxJsxAttribute' && a.name === attrName);
    if (spec.required && !present) {
      report(
        start,
        `<${name}> is missing the required attribute "${attrName}"`,
        `add ${attrName}="..." inside the opening tag, e.g. <${name} ${attrName}="...">${spec.values ? ` (one of: ${spec.values.join(', ')})` : ''}`,
      );
    }
  }
  if (!allowed.children && hasContent(node)) {
    report(
      start,
      `<${name}> does not show text placed between its tags, so that text would be lost`,
      `write it as one tag that closes itself, <${name} ... />, and put the text in its attributes or after the tag`,
    );
  }
  const pos = toFile(entry, start);
  components.push({ entry, name, attributes: values, line: pos.line ?? 1, column: pos.column ?? 1 });
}

export function guardContent(loaded: LoadedContent): GuardResult {
  const errors: ContentError[] = [];
  const components: ComponentUse[] = [];
  for (const entry of loaded.entries) {
    const r = guardEntry(entry);
    errors.push(...r.errors);
    components.push(...r.components);
  }
  return { errors, components };
}
