/**
 * The differential test of the content guard against the real compiler: fast-check generates MDX
 * bodies that combine the constructs an attacker (or a careless editor) can use, and each body is
 * run through the guard (the content check's parse + rules) and through Sätteri itself, with the
 * options the site's build uses. The oracle reads only the compiler's output tree:
 *
 *  - an accepted body must compile (with the guard plugin in the pipeline, as in the build) to a
 *    tree with no ESM, no expression, no JSX element outside the allow-list, no expression attribute,
 *    no raw HTML, no event-handler property, and no link, image or component address the URL rules
 *    refuse;
 *  - a body whose compiled tree holds any of these (or that does not compile) must be refused;
 *  - the guard plugin inside the compilation refuses exactly the bodies the check refuses, and the
 *    CMS editor's check (admin/mdx/guard.ts: the same parse and rules, in Dutch) gives the same yes/no. In the
 *    browser the editor's Sätteri is its WebAssembly build; tests/unit/satteri-wasm.test.ts runs these bodies
 *    through that build too.
 *
 * Used by tests/unit/mdx-guard-differential.test.ts (about 1,000 runs) and scripts/fuzz-guard.ts.
 */
import fc from 'fast-check';
import { mdxToHast, mdxToJs } from 'satteri';
import { allowedComponentNames } from '../../src/components/mdx/allowlist.ts';
import { MDX_FEATURES } from '../../src/lib/mdx-guard/features.ts';
import { guardMdx } from '../../src/lib/mdx-guard/parse.ts';
import { contentGuard } from '../../src/lib/mdx-guard/plugin.ts';
import { imageUrlProblem, linkUrlProblem, videoUrlProblem } from '../../src/schema/safe-url.ts';
import { checkMdx } from '../../admin/mdx/guard.ts';

/** Addresses: safe ones, and the spellings of unsafe ones a browser still follows. */
const safeUrls = fc.constantFrom(
  'https://www.example.org/pagina',
  '/praktijken/',
  '#kop',
  'mailto:info@example.org',
  '/uploads/foto.jpg',
  'https://www.youtube.com/watch?v=abc',
);
const unsafeUrls = fc.constantFrom(
  'javascript:alert(1)',
  'JaVa&#x09;ScRiPt:alert(1)',
  'javascript&#58;alert(1)',
  'java%0ascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<b>x</b>',
  '//evil.example/',
  'https://tracker.example/p.png',
  'pagina/',
  '\\\\evil.example',
);
const urls = fc.oneof({ weight: 6, arbitrary: safeUrls }, { weight: 1, arbitrary: unsafeUrls });
const words = fc.constantFrom('Samen', 'Hier', 'groep', 'nieuwkomer', 'gemeente', "it's", '2 * 3', 'a_b_c', '5 > 3');
const expression = fc.constantFrom('{1 + 1}', "{process.getBuiltinModule('fs')}", '{/* c */}', '{x}');

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: words },
  { weight: 8, arbitrary: fc.tuple(words, urls).map(([w, u]) => `[${w}](${u})`) },
  { weight: 3, arbitrary: fc.tuple(words, urls).map(([w, u]) => `![${w}](${u})`) },
  { weight: 2, arbitrary: fc.constant('[tekst][ref]') },
  { weight: 1, arbitrary: fc.constant('![beeld][ref]') },
  { weight: 1, arbitrary: expression },
  { weight: 3, arbitrary: fc.constant('\\{geen code\\}') },
  { weight: 3, arbitrary: fc.constant('`{code}`') },
  { weight: 2, arbitrary: fc.constant('<MaterialLink id="handout" />') },
  { weight: 4, arbitrary: fc.constant('**vet** en *schuin*') },
  { weight: 2, arbitrary: fc.constant('www.example.org') },
  { weight: 1, arbitrary: fc.constant('<b>html</b>') },
  { weight: 2, arbitrary: fc.constant('[^1]') },
);
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

const attributeValue = fc.oneof(
  { weight: 4, arbitrary: urls },
  { weight: 4, arbitrary: words },
  fc.constantFrom('', 'tip', 'danger', 'handout', 'Bad Id'),
);
const attribute = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(
        fc.constantFrom('type', 'title', 'source', 'url', 'src', 'alt', 'caption', 'id', 'transcript'),
        attributeValue,
      )
      .map(([n, v]) => `${n}="${v.replace(/"/g, '&quot;')}"`),
  },
  { weight: 1, arbitrary: fc.constant('title={titel}') },
  { weight: 1, arbitrary: fc.constant('{...props}') },
  { weight: 1, arbitrary: fc.constant('onClick="alert(1)"') },
);
/** Components with attributes that are valid, so that accepted bodies hold components too. */
const validComponent = fc.constantFrom(
  '<Callout type="tip" title="Een tip">\n\nTekst in het kader.\n\n</Callout>',
  '<Callout\n  type="warning"\n  title="Let op"\n>\n\nTekst.\n\n</Callout>',
  '<Quote source="Een inwoner" url="https://www.example.org/bron">\n\nWe doen het samen.\n\n</Quote>',
  '<Figure src="/uploads/foto.jpg" alt="Een groep aan tafel" caption="Het eerste overleg" />',
  '<Steps>\n\n1. Een\n2. Twee\n\n</Steps>',
  '<MaterialLink id="handout" />',
  '<VideoEmbed url="https://www.youtube.com/watch?v=abc" title="Uitleg" transcript="Tekst van de video." />',
);
const componentName = fc.constantFrom<string>(...allowedComponentNames, 'Map', 'div', 'script', 'img');
const component = fc
  .tuple(componentName, fc.array(attribute, { maxLength: 3 }), fc.option(line, { nil: undefined }), fc.boolean())
  .map(([name, attrs, body, multiLine]) => {
    const sep = multiLine ? '\n  ' : ' ';
    const open = `<${name}${attrs.length ? sep + attrs.join(sep) : ''}${multiLine ? '\n' : ''}`;
    return body === undefined ? `${open} />` : `${open}>\n\n${body}\n\n</${name}>`;
  });

const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 20, arbitrary: line },
    { weight: 4, arbitrary: line.map((l) => `## ${l}`) },
    {
      weight: 4,
      arbitrary: fc
        .array(line, { minLength: 1, maxLength: 3 })
        .map((items) => items.map((i, n) => (n % 2 ? `- [x] ${i}` : `- ${i}`)).join('\n')),
    },
    {
      weight: 3,
      arbitrary: fc
        .array(line, { minLength: 1, maxLength: 3 })
        .map((items) => items.map((i, n) => `${n + 1}. ${i}`).join('\n')),
    },
    {
      weight: 4,
      arbitrary: tie('block').map((b) =>
        b
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n'),
      ),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(line, line)
        .map(([a, b]) => `| a | b |\n| --- | --- |\n| ${a.replace(/\|/g, '')} | ${b.replace(/\|/g, '')} |`),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(line, fc.option(line, { nil: undefined }))
        .map(([a, b]) => `[^1]: ${a}${b ? `\n\n    ${b}` : ''}`),
    },
    { weight: 3, arbitrary: urls.map((u) => `[ref]: ${u}`) },
    { weight: 2, arbitrary: fc.constant('```js\nconst a = {b: 1}\n```') },
    { weight: 6, arbitrary: validComponent },
    { weight: 2, arbitrary: component },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'import X from "./x.js"',
        'export const a = 1',
        'export default function() { return 1 }',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom('<!-- opmerking -->', '<div>html</div>', '<script>alert(1)</script>') },
    { weight: 1, arbitrary: fc.constant('Tekst{x} en <Callout>') },
  ),
})).block;

/** An MDX body: up to six blocks. */
export const mdxBody: fc.Arbitrary<string> = fc
  .array(block, { minLength: 1, maxLength: 6 })
  .map((blocks) => `${blocks.join('\n\n')}\n`);

interface HastNode {
  type: string;
  name?: string | null;
  tagName?: string;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: HastNode[];
}

/** What must never reach the compiled page, found in the compiler's own tree (empty: nothing). */
export function dangerIn(tree: HastNode): string[] {
  const found: string[] = [];
  const stack = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
      case 'raw':
        found.push(node.type);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '<>';
        if (!(allowedComponentNames as string[]).includes(name)) found.push(`element <${name}>`);
        for (const a of node.attributes ?? []) {
          if (a.type !== 'mdxJsxAttribute' || (a.value !== null && typeof a.value !== 'string'))
            found.push(`expression attribute on <${name}>`);
          const v = typeof a.value === 'string' ? a.value : '';
          if (name === 'Quote' && a.name === 'url' && linkUrlProblem(v)) found.push(`<Quote url="${v}">`);
          if (name === 'Figure' && a.name === 'src' && imageUrlProblem(v)) found.push(`<Figure src="${v}">`);
          if (name === 'VideoEmbed' && a.name === 'url' && videoUrlProblem(v)) found.push(`<VideoEmbed url="${v}">`);
        }
        break;
      }
      case 'element': {
        const props = node.properties ?? {};
        for (const key of Object.keys(props)) if (/^on/i.test(key)) found.push(`<${node.tagName} ${key}>`);
        if (node.tagName === 'a' && typeof props.href === 'string' && linkUrlProblem(props.href))
          found.push(`link ${props.href}`);
        if (node.tagName === 'img' && typeof props.src === 'string' && imageUrlProblem(props.src))
          found.push(`image ${props.src}`);
        break;
      }
    }
    stack.push(...(node.children ?? []).toReversed());
  }
  return found;
}

/** The compile options of the site's build (see @astrojs/markdown-satteri's MDX processor). */
const compileOptions = { features: MDX_FEATURES, jsxImportSource: 'astro', elementAttributeNameCase: 'html' } as const;

export interface Verdicts {
  /** The content check's verdict (Sätteri's parse + the rules). */
  guardRefuses: boolean;
  /** The build's verdict: the guard plugin inside Sätteri's compilation threw. */
  pluginRefuses: boolean;
  /** The CMS editor's verdict. */
  cmsRefuses: boolean;
  /** The compiler's tree without the guard: what would reach the page, or why it does not compile. */
  danger: string[];
  compiles: boolean;
}

export function verdicts(body: string): Verdicts {
  const guardRefuses = guardMdx(body).violations.length > 0;
  let pluginRefuses = false;
  try {
    mdxToJs(body, { ...compileOptions, mdastPlugins: [contentGuard] });
  } catch {
    pluginRefuses = true;
  }
  let danger: string[] = [];
  let compiles = true;
  try {
    danger = dangerIn(mdxToHast(body, { features: MDX_FEATURES, position: false }) as unknown as HastNode);
  } catch {
    compiles = false;
  }
  return { guardRefuses, pluginRefuses, cmsRefuses: checkMdx(body).length > 0, danger, compiles };
}

/** The property: empty when the guard, the plugin and the compiler agree; otherwise what went wrong. */
export function disagreement(v: Verdicts): string | undefined {
  if (v.guardRefuses !== v.pluginRefuses)
    return `check ${v.guardRefuses ? 'refuses' : 'accepts'} but the build plugin ${v.pluginRefuses ? 'refuses' : 'accepts'}`;
  if (v.guardRefuses !== v.cmsRefuses)
    return `check ${v.guardRefuses ? 'refuses' : 'accepts'} but the CMS editor ${v.cmsRefuses ? 'refuses' : 'accepts'}`;
  if (!v.guardRefuses && !v.compiles) return 'accepted, but the compiler cannot read it';
  if (!v.guardRefuses && v.danger.length) return `accepted, but the compiled tree holds: ${v.danger.join(', ')}`;
  return undefined;
}
