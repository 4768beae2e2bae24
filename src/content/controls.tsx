/** The inline controls on one paper listing. Rendered by preact inside the listing's shadow root. */
import { Component } from 'preact';
import type { PaperLists } from '../shared/protocol';
import { tint } from '../ui/tint';
import { ListMenu } from './list-menu';
import { NoteEditor } from './note-editor';
import { TagEditor } from './tag-editor';
import { trusted } from './trusted';

export type Toggle = 'read' | 'saved';

/** What the controls ask of the shelf; each goes to the worker. */
export interface ControlActions {
  toggle(which: Toggle): void;
  tag(name: string, on: boolean): void;
  /** Never suggest this tag for this paper again. */
  dismiss(name: string): void;
  note(text: string): void;
  /** Every tag in the library, for autocomplete. */
  tagNames(): Promise<string[]>;
  /** The colour the user gave a tag, if any. */
  colorOf(tag: string): string | undefined;
  /** The custom lists and which hold this paper. */
  lists(): Promise<PaperLists>;
  setList(listId: string, on: boolean): Promise<PaperLists>;
  /** Makes a list and puts this paper in it. */
  createList(name: string): Promise<PaperLists>;
}

export interface ControlsProps {
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

export type OpenPanel = 'tags' | 'note' | 'lists';
type Panel = 'none' | OpenPanel;

// A class, not hooks: preact/hooks would cost the content script ~1 kB of its 15 kB budget.
export class Controls extends Component<ControlsProps, { panel: Panel }> {
  override state = { panel: 'none' as Panel };

  override componentDidUpdate(previous: ControlsProps) {
    const { open } = this.props;
    if (open && open.seq !== previous.open?.seq) this.setState({ panel: open.panel });
  }

  render() {
    return renderControls(this.props, this.state.panel, (panel) => this.setState({ panel }));
  }
}

function renderControls(
  { read, saved, tags, note, suggestions, pending, error, actions }: ControlsProps,
  panel: Panel,
  setPanel: (p: Panel) => void,
) {
  const toggle = (p: Panel) => setPanel(panel === p ? 'none' : p);
  // As few elements as possible per card (icons are CSS): a feed can hold a thousand of these.
  const bar = (
      <div class="bar" role="group" aria-label="Papershelf" aria-busy={pending}>
        <button type="button" class="toggle read" aria-pressed={read} onClick={trusted(() => actions.toggle('read'))}>
          Mark read
        </button>
        <button type="button" class="toggle saved" aria-pressed={saved} onClick={trusted(() => actions.toggle('saved'))}>
          Save for later
        </button>
        <button type="button" class="toggle" aria-expanded={panel === 'tags'} onClick={trusted(() => toggle('tags'))}>
          Tags
        </button>
        <button
          type="button"
          class={note ? 'toggle has-note' : 'toggle'}
          aria-expanded={panel === 'note'}
          title={note ? 'This paper has a note' : 'Add a note'}
          onClick={trusted(() => toggle('note'))}
        >
          Note{note ? <span class="dot" aria-hidden="true" /> : null}
        </button>
        <button type="button" class="toggle" aria-expanded={panel === 'lists'} onClick={trusted(() => toggle('lists'))}>
          Lists
        </button>
        {tags.map((t) => (
          <span class="chip" key={t} style={tint(actions.colorOf(t))}>
            {t}
            <button type="button" class="chip-remove" aria-label={`Remove tag ${t}`} onClick={trusted(() => actions.tag(t, false))}>
              ×
            </button>
          </span>
        ))}
        {suggestions.map((s) => (
          <span class="chip suggestion" key={`s-${s.tag}`} title={`Suggested because of: ${s.why.join(', ')}`}>
            <button type="button" class="chip-accept" aria-label={`Add suggested tag ${s.tag} (matched ${s.why.join(', ')})`} onClick={trusted(() => actions.tag(s.tag, true))}>
              + {s.tag}
            </button>
            <button type="button" class="chip-remove" aria-label={`Dismiss suggested tag ${s.tag}`} onClick={trusted(() => actions.dismiss(s.tag))}>
              ×
            </button>
          </span>
        ))}
        {error ? <span class="error" role="status">{error}</span> : null}
      </div>
  );
  if (panel === 'none') return bar;
  return (
    <div class="controls">
      {bar}
      {panel === 'tags' ? <TagEditor tags={tags} actions={actions} onClose={() => setPanel('none')} /> : null}
      {panel === 'note' ? <NoteEditor note={note} save={actions.note} onClose={() => setPanel('none')} /> : null}
      {panel === 'lists' ? <ListMenu actions={actions} onClose={() => setPanel('none')} /> : null}
    </div>
  );
}
