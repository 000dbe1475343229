/**
 * Formatting commands of the body editor (toolbar buttons and shortcuts): each inserts plain
 * Markdown around the selection or at the start of the selected lines, as one CodeMirror
 * transaction, so one undo takes it back.
 */
import { EditorSelection, type ChangeSpec, type EditorState, type Transaction } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { cms } from '../i18n/nl.ts';

const userEvent = 'input.format';

/** Wraps each selection in `mark` (e.g. ** for bold); an empty selection gets `placeholder`, selected. */
export function wrapSelection(view: EditorView, mark: string, placeholder: string): boolean {
  const { state } = view;
  const tr = state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    // Already wrapped: unwrap (the button toggles).
    const before = state.sliceDoc(range.from - mark.length, range.from);
    const after = state.sliceDoc(range.to, range.to + mark.length);
    if (text && before === mark && after === mark) {
      return {
        changes: [
          { from: range.from - mark.length, to: range.from },
          { from: range.to, to: range.to + mark.length },
        ],
        range: EditorSelection.range(range.from - mark.length, range.to - mark.length),
      };
    }
    const inner = text || placeholder;
    return {
      changes: { from: range.from, to: range.to, insert: `${mark}${inner}${mark}` },
      range: EditorSelection.range(range.from + mark.length, range.from + mark.length + inner.length),
    };
  });
  view.dispatch(state.update(tr, { userEvent, scrollIntoView: true }));
  view.focus();
  return true;
}

/** The line numbers the selection covers. */
function selectedLines(state: EditorState): number[] {
  const lines = new Set<number>();
  for (const range of state.selection.ranges) {
    const first = state.doc.lineAt(range.from).number;
    const last = state.doc.lineAt(range.to).number;
    for (let n = first; n <= last; n++) lines.add(n);
  }
  return [...lines].sort((a, b) => a - b);
}

/** A block prefix at the start of a line: heading, list item or quote marks. */
const BLOCK_PREFIX = /^(#{1,6} |[-*+] |\d+[.)] |> )/;

/**
 * Gives each selected line the prefix `prefix(i)` (i counts from 0), replacing another block prefix;
 * when every line already has this kind of prefix, removes it (the button toggles).
 */
export function prefixLines(view: EditorView, prefix: (i: number) => string, kind: RegExp): boolean {
  const { state } = view;
  const numbers = selectedLines(state).filter((n, _, all) => all.length === 1 || state.doc.line(n).text.trim() !== '');
  const lines = numbers.map((n) => state.doc.line(n));
  const remove = lines.every((l) => kind.test(l.text));
  const changes: ChangeSpec[] = lines.map((line, i) => {
    const existing = BLOCK_PREFIX.exec(line.text)?.[0] ?? '';
    return { from: line.from, to: line.from + existing.length, insert: remove ? '' : prefix(i) };
  });
  const tr: Transaction = state.update({ changes, userEvent, scrollIntoView: true });
  view.dispatch(tr);
  view.focus();
  return true;
}

export const bold = (view: EditorView) => wrapSelection(view, '**', cms.format.boldPlaceholder);
export const italic = (view: EditorView) => wrapSelection(view, '*', cms.format.italicPlaceholder);
export const heading2 = (view: EditorView) => prefixLines(view, () => '## ', /^## /);
export const heading3 = (view: EditorView) => prefixLines(view, () => '### ', /^### /);
export const bulletList = (view: EditorView) => prefixLines(view, () => '- ', /^[-*+] /);
export const numberedList = (view: EditorView) => prefixLines(view, (i) => `${i + 1}. `, /^\d+[.)] /);
export const quote = (view: EditorView) => prefixLines(view, () => '> ', /^> /);

/** Markdown link text: brackets and backslashes escaped so the text cannot end the link early. */
export function linkText(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

/**
 * Replaces the main selection with `[text](url)`. The URL has already passed the build's link rules
 * (the link form checks it with linkUrlProblem); spaces and parentheses are encoded so it stays one
 * Markdown destination.
 */
export function insertLink(view: EditorView, text: string, url: string, at?: { from: number; to: number }): void {
  const { from, to } = at ?? view.state.selection.main;
  const destination = url.trim().replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
  const insert = `[${linkText(text)}](${destination})`;
  view.dispatch({
    changes: { from, to, insert },
    selection: { anchor: from + insert.length },
    userEvent,
    scrollIntoView: true,
  });
  view.focus();
}
