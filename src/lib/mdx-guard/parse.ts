/**
 * The guard outside the build: the content check (src/lib/checks/guard.ts) and the CMS editor
 * (admin/mdx/guard.ts) parse a body with Sätteri, the parser the build compiles with, with the
 * build's features, and judge the tree with the build's rules. Sätteri runs natively in Node and as
 * WebAssembly in the browser (its `browser` export).
 */
import { mdxToMdast } from 'satteri';
import { MDX_FEATURES } from './features.ts';
import { guardTree, sizeViolation, type GuardFindings, type MdNode, type Point } from './rules.ts';

/** The body's syntax tree as the build parses it (throws on a text MDX cannot read). */
export function parseMdx(text: string): MdNode {
  return mdxToMdast(text, { features: MDX_FEATURES, position: true }) as unknown as MdNode;
}

/** `12:3: Unexpected character …` (Sätteri's parse errors start with the position). */
export function parseErrorOf(err: unknown): { at?: Point; reason: string } {
  const message = err instanceof Error ? err.message : String(err);
  const m = /^(\d+):(\d+):\s*([\s\S]*)$/.exec(message);
  return m ? { at: { line: Number(m[1]), column: Number(m[2]) }, reason: m[3]! } : { reason: message };
}

/** Every rule the body breaks, in text order, and the allowed components it uses. */
export function guardMdx(text: string): GuardFindings {
  const tooLarge = sizeViolation(text);
  if (tooLarge) return { violations: [tooLarge], components: [] };
  let tree: MdNode;
  try {
    tree = parseMdx(text);
  } catch (err) {
    return { violations: [{ code: 'unreadable', ...parseErrorOf(err) }], components: [] };
  }
  return guardTree(tree, text);
}
