/**
 * The body editor: the MDX text exactly as it is stored (Decap's "raw" mode, which round-trips
 * byte for byte) in a CodeMirror editor (admin/mdx/editor.ts) with Markdown highlighting, a
 * formatting toolbar and shortcuts that insert plain Markdown (bold, italic, headings, lists, quote,
 * link), a row of buttons that insert each allow-listed component through a form (the editor
 * components), the content guard's problems underlined at their line and listed below, and no way
 * to save a text the build would refuse.
 *
 * Why not Decap's rich-text mode: it re-serialises the whole text through remark on every change
 * and rewrites MDX it does not understand (`2 * 3 * 4` became `2  *3*  4`), and its editor
 * components live only in that mode. Here the stored text is the edited text.
 */
import { Component, createRef, type CSSProperties, type ReactNode } from 'react';
import { fromJS, Map as IMap } from 'immutable';
import type { EditorView } from '@codemirror/view';
import type { GuardProblem } from './guard.ts';
import { guardIfLoaded, loadGuard } from './load-guard.ts';
import { createBodyEditor } from './editor.ts';
import { bold, bulletList, heading2, heading3, insertLink, italic, numberedList, quote } from './format-commands.ts';
import { linkUrlProblem } from '../../src/schema/safe-url.ts';
import { cms, fill } from '../i18n/nl.ts';
import { editorComponents, type ComponentData, type EditorComponentDefinition } from './components.ts';
import { MdxPreview } from '../preview/mdx-render.tsx';

interface ImmutableLike {
  get(key: string, fallback?: unknown): unknown;
  toJS(): unknown;
}

interface Props {
  value?: string;
  onChange: (value: string) => void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  field: ImmutableLike;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  editorControl: any;
  getEditorComponents?: () => { get(id: string): unknown };
}

interface LinkDraft {
  from: number;
  to: number;
  text: string;
  url: string;
  error?: string;
}

interface State {
  inserting?: EditorComponentDefinition;
  draft: ImmutableLike;
  insertError?: string;
  problems: GuardProblem[];
  /** Why the check could not be loaded (the save stays refused). */
  guardError?: string;
  link?: LinkDraft;
}

/**
 * The formatting toolbar: each button's visible text is its whole name (so speech input can say what
 * it sees), the shortcut is in the tooltip and aria-keyshortcuts.
 */
const FORMATS: {
  id: string;
  label: string;
  shortcut?: string;
  style?: CSSProperties;
  run: (view: EditorView) => boolean;
}[] = [
  { id: 'bold', label: cms.format.bold, shortcut: 'Ctrl+B', style: { fontWeight: 700 }, run: bold },
  { id: 'italic', label: cms.format.italic, shortcut: 'Ctrl+I', style: { fontStyle: 'italic' }, run: italic },
  { id: 'heading2', label: cms.format.heading2, run: heading2 },
  { id: 'heading3', label: cms.format.heading3, run: heading3 },
  { id: 'bulletList', label: cms.format.bulletList, run: bulletList },
  { id: 'numberedList', label: cms.format.numberedList, run: numberedList },
  { id: 'quote', label: cms.format.quote, run: quote },
];

const toolbarStyle = {
  display: 'flex',
  flexWrap: 'wrap' as const,
  gap: '6px',
  alignItems: 'center',
  margin: '0 0 8px',
};
const buttonStyle = {
  font: 'inherit',
  fontSize: '14px',
  padding: '4px 10px',
  border: '1px solid #798291',
  borderRadius: '4px',
  background: '#fff',
  color: '#313d3e',
  cursor: 'pointer',
};
const primaryStyle = { ...buttonStyle, background: '#3a69c7', borderColor: '#3a69c7', color: '#fff' };
const formStyle = {
  border: '1px solid #dfdfe3',
  borderRadius: '5px',
  padding: '12px',
  margin: '0 0 12px',
  background: '#f7f8fa',
};
const labelStyle = { display: 'block', fontSize: '14px', fontWeight: 600, margin: '8px 0 4px', color: '#313d3e' };
const inputStyle = {
  font: 'inherit',
  fontSize: '15px',
  width: '100%',
  boxSizing: 'border-box' as const,
  padding: '6px 8px',
  border: '1px solid #798291',
  borderRadius: '4px',
};

/**
 * The editor components: the same definitions admin/main.ts registers with
 * CMS.registerEditorComponent (Decap's registry keeps them as Immutable maps; these are plain).
 */
function registered(): EditorComponentDefinition[] {
  return editorComponents;
}

export class MdxControl extends Component<Props, State> {
  host = createRef<HTMLDivElement>();
  view?: EditorView;
  /** Line endings of the stored text: a file with CRLF keeps CRLF (the editor works with LF). */
  crlf = /\r\n/.test(this.props.value ?? '');

  state: State = { draft: IMap(), problems: guardIfLoaded()?.checkMdx(this.props.value ?? '') ?? [] };

  mounted = false;

  componentDidMount() {
    this.mounted = true;
    // The check (the build's parser and rules, with Sätteri's WebAssembly) loads when the first body editor opens.
    if (!guardIfLoaded()) {
      loadGuard().then(
        (guard) =>
          this.mounted && this.setState({ problems: guard.checkMdx(this.props.value ?? ''), guardError: undefined }),
        (err: unknown) => this.mounted && this.setState({ guardError: String(err) }),
      );
    }
    this.view = createBodyEditor({
      doc: this.lf(this.props.value ?? ''),
      parent: this.host.current!,
      id: this.props.forID,
      label: String(this.props.field.get('label', cms.body.label)),
      onChange: (text) => this.handleChange(text),
      onFocus: () => this.props.setActiveStyle(),
      onBlur: () => this.props.setInactiveStyle(),
      onLink: () => this.openLink(),
    });
  }

  /** A value changed from outside (Decap's "copy from the other language"): the editor shows it. */
  componentDidUpdate() {
    const view = this.view;
    const text = this.lf(this.props.value ?? '');
    if (view && view.state.doc.toString() !== text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    }
  }

  componentWillUnmount() {
    this.mounted = false;
    this.view?.destroy();
  }

  lf = (text: string) => (this.crlf ? text.replace(/\r\n/g, '\n') : text);

  /**
   * Called by Decap before saving: a body the content guard would refuse blocks the save, with its problems at the
   * field. While the guard is still loading, the preSave check (admin/validate.ts) waits for it and refuses there.
   */
  isValid = () => {
    const guard = guardIfLoaded();
    if (!guard && this.state.guardError)
      return { error: { type: 'CUSTOM', message: fill(cms.body.guardFailed, { reason: this.state.guardError }) } };
    if (!guard) return true;
    const problems = guard.checkMdx(this.props.value ?? '');
    if (problems.length === 0) return true;
    return { error: { type: 'CUSTOM', message: `${cms.body.refused}\n${guard.formatProblems(problems)}` } };
  };

  handleChange = (text: string) => {
    const value = this.crlf ? text.replace(/\r?\n/g, '\r\n') : text;
    if (value === (this.props.value ?? '')) return;
    this.setState({ problems: guardIfLoaded()?.checkMdx(value) ?? [] });
    this.props.onChange(value);
  };

  format = (run: (view: EditorView) => boolean) => {
    if (this.view) run(this.view);
  };

  openLink = () => {
    const view = this.view;
    if (!view) return;
    const { from, to } = view.state.selection.main;
    this.setState({ link: { from, to, text: view.state.sliceDoc(from, to), url: '' } });
  };

  closeLink = () => {
    this.setState({ link: undefined });
    this.view?.focus();
  };

  confirmLink = () => {
    const link = this.state.link;
    if (!link || !this.view) return;
    const text = link.text.trim();
    const url = link.url.trim();
    const problem = !text ? cms.link.noText : linkUrlProblem(url);
    if (problem) {
      this.setState({ link: { ...link, error: text ? fill(cms.link.refused, { reason: problem }) : problem } });
      return;
    }
    insertLink(this.view, text, url, link);
    this.setState({ link: undefined });
  };

  open = (def: EditorComponentDefinition) => {
    const defaults: Record<string, unknown> = {};
    for (const f of def.fields) if (f.default !== undefined) defaults[f.name] = f.default;
    this.setState({ inserting: def, draft: fromJS(defaults) as unknown as ImmutableLike, insertError: undefined });
  };

  cancel = () => this.setState({ inserting: undefined, insertError: undefined });

  insert = () => {
    const def = this.state.inserting;
    const view = this.view;
    if (!def || !view) return;
    const defaults = Object.fromEntries(
      def.fields.filter((f) => f.default !== undefined).map((f) => [f.name, String(f.default)]),
    );
    const data = { ...defaults, ...((this.state.draft?.toJS() ?? {}) as ComponentData) };
    const missing = def.fields.filter((f) => f.required !== false && !String(data[f.name] ?? '').trim());
    if (missing.length) {
      this.setState({ insertError: fill(cms.body.fillFirst, { fields: missing.map((f) => f.label).join(', ') }) });
      return;
    }
    const block = def.toBlock(data);
    const doc = view.state.doc.toString();
    // Insert where the cursor is; before the editor has been in the text, at the end.
    const at = view.hasFocus || view.state.selection.main.head > 0 ? view.state.selection.main.head : doc.length;
    const before = doc.slice(0, at);
    const after = doc.slice(at);
    // A component is a block of its own: blank lines around it.
    const lead = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    const trail = after === '' ? '\n' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
    const insert = `${lead}${block}${trail}`;
    view.dispatch({
      changes: { from: at, insert },
      selection: { anchor: at + lead.length + block.length },
      userEvent: 'input.component',
      scrollIntoView: true,
    });
    this.setState({ inserting: undefined, insertError: undefined });
    view.focus();
  };

  renderLinkForm(): ReactNode {
    const link = this.state.link;
    if (!link) return null;
    // Not prefixed with the field's id: Decap and the tests find a field by the start of its id.
    const id = `link-${this.props.forID}`;
    const set = (patch: Partial<LinkDraft>) => this.setState({ link: { ...link, ...patch, error: undefined } });
    return (
      <div
        role="group"
        aria-label={cms.link.title}
        data-testid="mdx-link-form"
        style={formStyle}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            this.closeLink();
          }
          if (e.key === 'Enter') {
            e.preventDefault();
            this.confirmLink();
          }
        }}
      >
        <label htmlFor={`${id}-text`} style={labelStyle}>
          {cms.link.text}
        </label>
        <input
          id={`${id}-text`}
          style={inputStyle}
          value={link.text}
          onChange={(e) => set({ text: e.target.value })}
          autoFocus={!link.text}
        />
        <label htmlFor={`${id}-url`} style={labelStyle}>
          {cms.link.url}
        </label>
        <input
          id={`${id}-url`}
          style={inputStyle}
          value={link.url}
          onChange={(e) => set({ url: e.target.value })}
          autoFocus={!!link.text}
          placeholder="https://"
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} style={{ fontSize: '13px', color: '#5b6370', margin: '4px 0 0' }}>
          {cms.link.hint}
        </p>
        {link.error && (
          <p role="alert" style={{ color: '#b3261e', margin: '8px 0' }}>
            {link.error}
          </p>
        )}
        <div style={toolbarStyle}>
          <button type="button" style={primaryStyle} onClick={this.confirmLink} data-testid="mdx-link-confirm">
            {cms.link.insert}
          </button>
          <button type="button" style={buttonStyle} onClick={this.closeLink}>
            {cms.body.cancel}
          </button>
        </div>
      </div>
    );
  }

  renderForm(): ReactNode {
    const def = this.state.inserting;
    if (!def) return null;
    const EditorControl = this.props.editorControl;
    const field = fromJS({ name: `component-${def.id}`, label: def.label, widget: 'object', fields: def.fields });
    return (
      <div
        role="group"
        aria-label={fill(cms.body.insertGroup, { label: def.label })}
        data-testid="mdx-insert-form"
        style={formStyle}
      >
        <EditorControl
          field={field}
          value={this.state.draft}
          onChange={(_field: unknown, value: ImmutableLike) => this.setState({ draft: value })}
          onValidate={() => undefined}
          isEditorComponent={true}
          isNewEditorComponent={true}
        />
        {this.state.insertError && (
          <p role="alert" style={{ color: '#b3261e', margin: '8px 0' }}>
            {this.state.insertError}
          </p>
        )}
        <div style={toolbarStyle}>
          <button type="button" style={primaryStyle} onClick={this.insert} data-testid="mdx-insert-confirm">
            {cms.body.insert}
          </button>
          <button type="button" style={buttonStyle} onClick={this.cancel}>
            {cms.body.cancel}
          </button>
        </div>
      </div>
    );
  }

  render() {
    const problems = this.state.problems;
    return (
      <div>
        <div role="toolbar" aria-label={cms.body.formatToolbar} style={toolbarStyle}>
          {FORMATS.map((f) => (
            <button
              key={f.id}
              type="button"
              style={{ ...buttonStyle, ...f.style }}
              title={f.shortcut ? `${f.label} (${f.shortcut})` : undefined}
              aria-keyshortcuts={f.shortcut?.replace('Ctrl', 'Control')}
              data-format={f.id}
              // Keep the editor's selection: the button acts on it without taking the focus first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => this.format(f.run)}
            >
              {f.label}
            </button>
          ))}
          <button
            type="button"
            style={buttonStyle}
            title={`${cms.format.link} (Ctrl+K)`}
            aria-keyshortcuts="Control+K"
            data-format="link"
            onMouseDown={(e) => e.preventDefault()}
            onClick={this.openLink}
          >
            {cms.format.link}
          </button>
        </div>
        {this.renderLinkForm()}
        <div role="toolbar" aria-label={cms.body.insertToolbar} style={toolbarStyle}>
          <span style={{ fontSize: '13px', color: '#5b6370' }}>{cms.body.insertLabel}</span>
          {registered().map((def) => (
            <button
              key={def.id}
              type="button"
              style={buttonStyle}
              onClick={() => this.open(def)}
              data-component={def.id}
            >
              {def.label}
            </button>
          ))}
        </div>
        {this.renderForm()}
        <div ref={this.host} className="mdx-body-editor" data-testid="mdx-editor" />
        <div aria-live="polite" data-testid="mdx-problems">
          {this.state.guardError && (
            <p role="alert" style={{ color: '#b3261e', fontSize: '14px', margin: '8px 0 0' }}>
              {cms.body.guardUnavailable}
            </p>
          )}
          {problems.length > 0 && (
            <ul style={{ color: '#b3261e', fontSize: '14px', margin: '8px 0 0', paddingLeft: '20px' }}>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.line ? fill(cms.body.problemAt, { line: p.line, column: p.column ?? 1 }) : ''}
                  {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    );
  }
}

function MdxWidgetPreview({ value }: { value?: string }) {
  return <MdxPreview source={value ?? ''} />;
}

export function MdxWidget() {
  return {
    name: 'mdx',
    controlComponent: MdxControl,
    previewComponent: MdxWidgetPreview,
    schema: { properties: { sanitize_preview: { type: 'boolean' } } },
  };
}
