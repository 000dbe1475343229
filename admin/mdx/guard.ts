/**
 * The content guard in the editor: the MDX body widget refuses to save a text that the build would
 * refuse. The rules are the build's own (src/lib/mdx-guard/, also used by src/lib/checks/guard.ts);
 * here they are worded in Dutch, with line and column in the text field.
 */
import { dutchMessages, guardMdx, renderViolation } from '../../src/lib/mdx-guard/index.ts';

export interface GuardProblem {
  line?: number;
  column?: number;
  message: string;
}

/** Every problem the build's content guard would report in this body, in Dutch. */
export function checkMdx(text: string): GuardProblem[] {
  return guardMdx(text).violations.map((v) => ({ line: v.at?.line, column: v.at?.column, message: renderViolation(dutchMessages, v) }));
}

export function formatProblems(problems: GuardProblem[]): string {
  return problems.map((p) => (p.line ? `regel ${p.line}, kolom ${p.column ?? 1}: ${p.message}` : p.message)).join('\n');
}
