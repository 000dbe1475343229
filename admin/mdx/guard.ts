/**
 * The content guard in the editor: the MDX body widget refuses to save a text that the build would
 * refuse. The rules are the build's own (src/lib/mdx-guard/rules.ts, the same module the build runs
 * inside its MDX compilation); here they are worded in Dutch, with line and column in the text
 * field. The parse is parse.ts (see there why it is not yet the build's parser).
 */
import { MAX_DEPTH, guardTree, renderViolation, sizeViolation, type Violation } from '../../src/lib/mdx-guard/rules.ts';
import { dutchMessages } from '../../src/lib/mdx-guard/messages-nl.ts';
import { editorParseError, parseInEditor } from './parse.ts';

export interface GuardProblem {
  line?: number;
  column?: number;
  message: string;
}

function violationsOf(text: string): Violation[] {
  const tooLarge = sizeViolation(text);
  if (tooLarge) return [tooLarge];
  try {
    return guardTree(parseInEditor(text), text).violations;
  } catch (err) {
    // The editor's parser recurses; a text nested deeper than its stack is too deep for the build too.
    if (err instanceof RangeError) return [{ code: 'too-deep', at: { line: 1, column: 1 }, max: MAX_DEPTH }];
    return [{ code: 'unreadable', ...editorParseError(err) }];
  }
}

/** Every problem the build's content guard would report in this body, in Dutch. */
export function checkMdx(text: string): GuardProblem[] {
  return violationsOf(text).map((v) => ({ line: v.at?.line, column: v.at?.column, message: renderViolation(dutchMessages, v) }));
}

export function formatProblems(problems: GuardProblem[]): string {
  return problems.map((p) => (p.line ? `regel ${p.line}, kolom ${p.column ?? 1}: ${p.message}` : p.message)).join('\n');
}
