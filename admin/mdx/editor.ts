/**
 * The body's text editor: CodeMirror 6 with Markdown highlighting, undo history, the formatting
 * shortcuts (Ctrl/Cmd+B, +I, +K) and the content guard's problems underlined at their line (lint).
 * Tab is left to the browser, so a keyboard user moves on to the next field with Tab as anywhere
 * else (indenting is not needed in Markdown prose; lists are made with the toolbar).
 */
import { EditorState, Prec, type Extension } from '@codemirror/state';
import {
  EditorView,
  keymap,
  placeholder as placeholderText,
  drawSelection,
  highlightActiveLine,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { linter, lintKeymap, type Diagnostic } from '@codemirror/lint';
import type { GuardProblem } from './guard.ts';
import { loadGuard } from './load-guard.ts';
import { bold, italic } from './format-commands.ts';
import { cms } from '../i18n/nl.ts';

/** The guard's problems as CodeMirror diagnostics: from the reported column to the end of that line. */
export function diagnosticsOf(state: EditorState, problems: GuardProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const line = state.doc.line(Math.min(Math.max(p.line ?? 1, 1), state.doc.lines));
    const from = Math.min(line.from + Math.max((p.column ?? 1) - 1, 0), line.to);
    const to = line.to > from ? line.to : Math.min(from + 1, state.doc.length);
    return { from, to, severity: 'error', message: p.message, source: cms.body.guardSource };
  });
}

export interface BodyEditorOptions {
  doc: string;
  parent: HTMLElement;
  /** id and accessible name of the editable area (Decap's label points at the field's id). */
  id: string;
  label: string;
  onChange: (text: string) => void;
  onFocus: () => void;
  onBlur: () => void;
  /** Ctrl/Cmd+K: open the link form for the current selection. */
  onLink: () => void;
}

const theme = EditorView.theme({
  '&': { fontSize: '15px', border: '1px solid #798291', borderRadius: '5px', background: '#fff' },
  '&.cm-focused': { outline: '3px solid #3a69c7', outlineOffset: '1px' },
  '.cm-content': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    minHeight: '400px',
    padding: '10px 0',
    caretColor: '#1d2327',
  },
  '.cm-line': { padding: '0 12px' },
  // Dark enough for WCAG AA (7:1 on white), also on the active line's tint.
  '.cm-placeholder': { color: '#4c5560' },
  '.cm-scroller': { lineHeight: '1.55' },
});

export function createBodyEditor(o: BodyEditorOptions): EditorView {
  const extensions: Extension[] = [
    history(),
    drawSelection(),
    highlightActiveLine(),
    EditorView.lineWrapping,
    markdown(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    placeholderText(cms.body.placeholder),
    // Before the default keymap, which binds Mod-i to "select parent syntax".
    Prec.high(
      keymap.of([
        { key: 'Mod-b', run: bold, preventDefault: true },
        { key: 'Mod-i', run: italic, preventDefault: true },
        {
          key: 'Mod-k',
          run: () => {
            o.onLink();
            return true;
          },
          preventDefault: true,
        },
      ]),
    ),
    keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
    // The guard (Sätteri's WebAssembly) may still be loading: the lint waits for it.
    linter(async (view) => diagnosticsOf(view.state, (await loadGuard()).checkMdx(view.state.doc.toString())), {
      delay: 300,
    }),
    EditorView.contentAttributes.of({ id: o.id, 'aria-label': o.label, 'aria-multiline': 'true', spellcheck: 'true' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) o.onChange(update.state.doc.toString());
      if (update.focusChanged) (update.view.hasFocus ? o.onFocus : o.onBlur)();
    }),
    theme,
  ];
  return new EditorView({ state: EditorState.create({ doc: o.doc, extensions }), parent: o.parent });
}
