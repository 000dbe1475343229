/**
 * The content guard in the editor: the MDX body widget refuses to save a text that the build would
 * refuse. Parse and rules are the build's own: src/lib/mdx-guard/parse.ts parses with Sätteri (with the
 * build's features) and judges the tree with src/lib/mdx-guard/rules.ts, the module the build runs inside
 * its MDX compilation. In the browser Sätteri is its WebAssembly build (admin/mdx/satteri-wasm.ts), the same
 * Rust code and version as the native compiler. Here the problems are worded in Dutch, with line and column
 * in the text field.
 *
 * The CMS loads this module lazily (admin/mdx/load-guard.ts): importing it waits for the wasm.
 */
import { guardMdx, parseMdx } from '../../src/lib/mdx-guard/parse.ts';
import { renderViolation } from '../../src/lib/mdx-guard/rules.ts';
import { dutchMessages } from '../../src/lib/mdx-guard/messages-nl.ts';

export interface GuardProblem {
  line?: number;
  column?: number;
  message: string;
}

/** Every problem the build's content guard would report in this body, in Dutch. */
export function checkMdx(text: string): GuardProblem[] {
  return guardMdx(text).violations.map((v) => ({
    line: v.at?.line,
    column: v.at?.column,
    message: renderViolation(dutchMessages, v),
  }));
}

/** The body's syntax tree, for the preview (only for a text checkMdx accepts). */
export { parseMdx };

export function formatProblems(problems: GuardProblem[]): string {
  return problems.map((p) => (p.line ? `regel ${p.line}, kolom ${p.column ?? 1}: ${p.message}` : p.message)).join('\n');
}
