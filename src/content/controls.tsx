/** The inline controls on one paper listing. Rendered by preact inside the listing's shadow root. */
import { Component, createRef, type RefObject } from 'preact';
import { tint } from '../ui/tint';
import { EditorFrame, type OpenPanel } from './editor-frame';
import { trusted } from './trusted';

export type Toggle = 'read' | 'saved';

/** What the controls ask of the shelf; each goes to the worker. */
export interface ControlActions {
  toggle(which: Toggle): void;
  tag(name: string, on: boolean): void;
  /** Never suggest this tag for this paper again. */
  dismiss(name: string): void;
  /** The colour the user gave a tag, if any. */
  colorOf(tag: string): string | undefined;
}

export interface ControlsProps {
  paperId: string;
  /** The paper's title: it names the group of controls for a screen reader. */
  title: string;
  read: boolean;
  saved: boolean;
  tags: string[];
  note: string;
  suggestions: { tag: string; why: string[] }[];
  /** A change was sent and the worker has not answered yet. */
  pending: boolean;
  error?: string;
  /** Opens an editor from outside (keyboard triage); a new `seq` is a new request. */
  open?: { panel: OpenPanel; seq: number };
  actions: ControlActions;
}

export type { OpenPanel };
type Panel = 'none' | OpenPanel;

// A class, not hooks: preact/hooks would cost the content script ~1 kB of its 15 kB budget.
export class Controls extends Component<ControlsProps, { panel: Panel }> {
  override state = { panel: 'none' as Panel };
  readonly #bar = createRef<HTMLDivElement>();

  override componentDidUpdate(previous: ControlsProps) {
    const { open } = this.props;
    if (open && open.seq !== previous.open?.seq) this.setState({ panel: open.panel });
  }

  /** Closing an editor gives focus back to the button that opened it. */
  #close = () => {
    const was = this.state.panel;
    this.setState({ panel: 'none' }, () => this.#bar.current?.querySelector<HTMLElement>(`[data-p="${was}"]`)?.focus());
  };

  render() {
    return renderControls(this.props, this.state.panel, (panel) => this.setState({ panel }), this.#close, this.#bar);
  }
}

function renderControls(
  { paperId, title, read, saved, tags, note, suggestions, pending, error, actions }: ControlsProps,
  panel: Panel,
  setPanel: (p: Panel) => void,
  close: () => void,
  barRef: RefObject<HTMLDivElement | null>,
) {
  const toggle = (p: Panel) => setPanel(panel === p ? 'none' : p);
  // Short visible words inside longer names (WCAG 2.5.3: the name contains the label), tooltips
  // naming the key; icons are CSS with empty alternative text, so no glyph is read out. As few
  // elements as possible per card: a feed can hold a thousand of these.
  const opener = (p: OpenPanel, label: string, key: string, more = '') => (
    <button
      type="button"
      class={`b${more && ' dot'}`}
      data-p={p}
      aria-expanded={panel === p}
      title={`${label} (${key})${more}`}
      onClick={trusted(() => toggle(p))}
    >
      {label}
    </button>
  );
  const toggler = (which: Toggle, pressed: boolean, label: string, name: string, cls: string) => (
    <button
      type="button"
      class={cls}
      aria-label={name}
      title={`${name} (${label[0]!.toLowerCase()})`}
      aria-pressed={pressed}
      onClick={trusted(() => actions.toggle(which))}
    >
      {label}
    </button>
  );
  const bar = (
    <div ref={barRef} class="bar" role="group" aria-label={title} aria-busy={pending}>
      {toggler('read', read, 'Read', 'Mark read', 'b r')}
      {toggler('saved', saved, 'Save', 'Save for later', 'b s')}
      {opener('tags', 'Tags', 't')}
      {opener('note', 'Note', 'n', note && ' — has a note')}
      {opener('lists', 'Lists', 'l')}
      {tags.map((t) => (
        <span class="chip" key={t} style={tint(actions.colorOf(t))}>
          {t}
          <button type="button" class="x" aria-label={`Remove tag ${t}`} onClick={trusted(() => actions.tag(t, false))}>
            ×
          </button>
        </span>
      ))}
      {suggestions.map((s) => (
        <span class="chip sug" key={`s-${s.tag}`} title={`Suggested because of: ${s.why.join(', ')}`}>
          <button
            type="button"
            aria-label={`Add suggested tag ${s.tag} (matched ${s.why.join(', ')})`}
            onClick={trusted(() => actions.tag(s.tag, true))}
          >
            + {s.tag}
          </button>
          <button
            type="button"
            class="x"
            aria-label={`Dismiss suggested tag ${s.tag}`}
            onClick={trusted(() => actions.dismiss(s.tag))}
          >
            ×
          </button>
        </span>
      ))}
      {error ? (
        <span class="err" role="status">
          {error}
        </span>
      ) : null}
    </div>
  );
  if (panel === 'none') return bar;
  return (
    <div>
      {bar}
      <EditorFrame key={panel} paperId={paperId} panel={panel} onClose={close} />
    </div>
  );
}
