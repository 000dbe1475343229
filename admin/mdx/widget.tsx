/**
 * The body editor: the MDX text exactly as it is stored (Decap's "raw" mode, which round-trips
 * byte for byte), with a row of buttons that insert each allow-listed component through a form
 * (the editor components), a live check with the content guard's rules, and no way to save a text
 * the build would refuse. The check (the build's parser and rules, guard.ts) is loaded when the first body editor
 * opens; a save before it has arrived waits for it (the preSave check, admin/validate.ts).
 *
 * Why not Decap's rich-text mode: it re-serialises the whole text through remark on every change
 * and rewrites MDX it does not understand (`2 * 3 * 4` became `2  *3*  4`), and its editor
 * components live only in that mode. Here the stored text is the edited text.
 */
import { Component, createRef, type ReactNode } from 'react';
import { fromJS, Map as IMap } from 'immutable';
import type { GuardProblem } from './guard.ts';
import { guardIfLoaded, loadGuard } from './load-guard.ts';
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

interface State {
  inserting?: EditorComponentDefinition;
  draft: ImmutableLike;
  insertError?: string;
  problems: GuardProblem[];
  /** Why the check could not be loaded (the save stays refused). */
  guardError?: string;
}

const toolbarStyle = { display: 'flex', flexWrap: 'wrap' as const, gap: '6px', alignItems: 'center', margin: '0 0 8px' };
const buttonStyle = { font: 'inherit', fontSize: '14px', padding: '4px 10px', border: '1px solid #798291', borderRadius: '4px', background: '#fff', color: '#313d3e', cursor: 'pointer' };
const primaryStyle = { ...buttonStyle, background: '#3a69c7', borderColor: '#3a69c7', color: '#fff' };

/**
 * The editor components: the same definitions admin/main.ts registers with
 * CMS.registerEditorComponent (Decap's registry keeps them as Immutable maps; these are plain).
 */
function registered(): EditorComponentDefinition[] {
  return editorComponents;
}

export class MdxControl extends Component<Props, State> {
  textarea = createRef<HTMLTextAreaElement>();
  /** Line endings of the stored text: a file with CRLF keeps CRLF (a <textarea> only knows LF). */
  crlf = /\r\n/.test(this.props.value ?? '');
  /** The editor has placed the cursor in the text at least once. */
  touched = false;

  mounted = false;

  state: State = { draft: IMap(), problems: guardIfLoaded()?.checkMdx(this.props.value ?? '') ?? [] };

  componentDidMount() {
    this.mounted = true;
    if (guardIfLoaded()) return;
    loadGuard().then(
      (guard) => this.mounted && this.setState({ problems: guard.checkMdx(this.props.value ?? ''), guardError: undefined }),
      (err: unknown) => this.mounted && this.setState({ guardError: String(err) }),
    );
  }

  componentWillUnmount() {
    this.mounted = false;
  }

  /**
   * Called by Decap before saving: a body the content guard would refuse blocks the save, with its problems at the
   * field. While the guard is still loading, the preSave check (admin/validate.ts) waits for it and refuses there.
   */
  isValid = () => {
    const guard = guardIfLoaded();
    if (!guard && this.state.guardError) {
      return { error: { type: 'CUSTOM', message: `De tekst kan niet opgeslagen worden: de controle kon niet geladen worden (${this.state.guardError}). Herlaad de pagina.` } };
    }
    if (!guard) return true;
    const problems = guard.checkMdx(this.props.value ?? '');
    if (problems.length === 0) return true;
    return { error: { type: 'CUSTOM', message: `De tekst kan zo niet gepubliceerd worden:\n${guard.formatProblems(problems)}` } };
  };

  handleChange = (text: string) => {
    const value = this.crlf ? text.replace(/\r?\n/g, '\r\n') : text;
    this.setState({ problems: guardIfLoaded()?.checkMdx(value) ?? [] });
    this.props.onChange(value);
  };

  open = (def: EditorComponentDefinition) => {
    const defaults: Record<string, unknown> = {};
    for (const f of def.fields) if (f.default !== undefined) defaults[f.name] = f.default;
    this.setState({ inserting: def, draft: fromJS(defaults) as unknown as ImmutableLike, insertError: undefined });
  };

  cancel = () => this.setState({ inserting: undefined, insertError: undefined });

  insert = () => {
    const def = this.state.inserting;
    if (!def) return;
    const defaults = Object.fromEntries(def.fields.filter((f) => f.default !== undefined).map((f) => [f.name, String(f.default)]));
    const data = { ...defaults, ...((this.state.draft?.toJS() ?? {}) as ComponentData) };
    const missing = def.fields.filter((f) => f.required !== false && !String(data[f.name] ?? '').trim());
    if (missing.length) {
      this.setState({ insertError: `Vul eerst in: ${missing.map((f) => f.label).join(', ')}` });
      return;
    }
    const block = def.toBlock(data);
    const value = (this.props.value ?? '').replace(/\r\n/g, '\n');
    const el = this.textarea.current;
    // Insert where the cursor was; before the editor has clicked in the text, at the end.
    const at = el && this.touched ? Math.min(el.selectionStart ?? value.length, value.length) : value.length;
    const before = value.slice(0, at);
    const after = value.slice(at);
    // A component is a block of its own: blank lines around it.
    const lead = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    const trail = after === '' ? '\n' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
    const next = `${before}${lead}${block}${trail}${after}`;
    this.handleChange(next);
    this.setState({ inserting: undefined, insertError: undefined });
    const caret = (before + lead + block).length;
    requestAnimationFrame(() => {
      const t = this.textarea.current;
      if (t) {
        t.focus();
        t.setSelectionRange(caret, caret);
      }
    });
  };

  renderForm(): ReactNode {
    const def = this.state.inserting;
    if (!def) return null;
    const EditorControl = this.props.editorControl;
    const field = fromJS({ name: `component-${def.id}`, label: def.label, widget: 'object', fields: def.fields });
    return (
      <div role="group" aria-label={`${def.label} invoegen`} data-testid="mdx-insert-form" style={{ border: '1px solid #dfdfe3', borderRadius: '5px', padding: '12px', margin: '0 0 12px', background: '#f7f8fa' }}>
        <EditorControl
          field={field}
          value={this.state.draft}
          onChange={(_field: unknown, value: ImmutableLike) => this.setState({ draft: value })}
          onValidate={() => undefined}
          isEditorComponent={true}
          isNewEditorComponent={true}
        />
        {this.state.insertError && <p role="alert" style={{ color: '#d60032', margin: '8px 0' }}>{this.state.insertError}</p>}
        <div style={toolbarStyle}>
          <button type="button" style={primaryStyle} onClick={this.insert} data-testid="mdx-insert-confirm">Invoegen</button>
          <button type="button" style={buttonStyle} onClick={this.cancel}>Annuleren</button>
        </div>
      </div>
    );
  }

  render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const value = this.props.value ?? '';
    const problems = this.state.problems;
    return (
      <div>
        <div role="toolbar" aria-label="Onderdeel invoegen" style={toolbarStyle}>
          <span style={{ fontSize: '13px', color: '#798291' }}>Invoegen:</span>
          {registered().map((def) => (
            <button key={def.id} type="button" style={buttonStyle} onClick={() => this.open(def)} data-component={def.id}>
              {def.label}
            </button>
          ))}
        </div>
        {this.renderForm()}
        <textarea
          ref={this.textarea}
          id={forID}
          className={classNameWrapper}
          value={this.crlf ? value.replace(/\r\n/g, '\n') : value}
          onChange={(e) => this.handleChange(e.target.value)}
          onFocus={() => {
            this.touched = true;
            setActiveStyle();
          }}
          onBlur={setInactiveStyle}
          spellCheck={true}
          rows={24}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '14px', lineHeight: 1.5, minHeight: '400px', resize: 'vertical', whiteSpace: 'pre-wrap' }}
        />
        <div aria-live="polite" data-testid="mdx-problems">
          {this.state.guardError && (
            <p role="alert" style={{ color: '#d60032', fontSize: '14px', margin: '8px 0 0' }}>
              De controle van de tekst kon niet geladen worden; opslaan kan pas als die werkt. Herlaad de pagina.
            </p>
          )}
          {problems.length > 0 && (
            <ul style={{ color: '#d60032', fontSize: '14px', margin: '8px 0 0', paddingLeft: '20px' }}>
              {problems.map((p, i) => (
                <li key={i}>{p.line ? `Regel ${p.line}, kolom ${p.column ?? 1}: ` : ''}{p.message}</li>
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
  return { name: 'mdx', controlComponent: MdxControl, previewComponent: MdxWidgetPreview, schema: { properties: { sanitize_preview: { type: 'boolean' } } } };
}
