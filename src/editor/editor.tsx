/**
 * A card's tag, note or list editor, in an extension frame under the card's controls. The page
 * cannot read or script a frame of another origin: what the user types here, and the paper's
 * tags, note and lists shown here, stay out of its reach (issue 20). The frame talks to the worker
 * itself, stamping each write with the moment of the user's action (shared/stamp.ts).
 */
import { Component } from 'preact';
import { failureText, type WorkerConnection } from '../messaging/client';
import { drop, keep } from '../messaging/outbox';
import type { PaperState } from '../shared/model';
import type { RequestOf } from '../shared/protocol';
import { stamp } from '../shared/stamp';
import type { EditorActions, EditorPanel } from './actions';
import { ListMenu } from './list-menu';
import { NoteEditor } from './note-editor';
import { TagEditor } from './tag-editor';

export interface EditorProps {
  paperId: string;
  panel: EditorPanel;
  worker: WorkerConnection;
  /** Back to the card's controls, which give focus back to the button that opened the editor. */
  close(): void;
}

interface State {
  paper?: PaperState;
  error: string;
}

export class Editor extends Component<EditorProps, State> {
  override state: State = { error: '' };
  readonly #actions: EditorActions;

  constructor(props: EditorProps) {
    super(props);
    const { paperId: id, worker } = props;
    /** The note as last typed, stamped when typed and already in the outbox. */
    let typed: (RequestOf<'paper/setNote'> & { at: number }) | undefined;
    this.#actions = {
      tag: (tag, on) => {
        const tags = this.state.paper?.tags.filter((t) => t.toLowerCase() !== tag.toLowerCase()) ?? [];
        this.#shown({ tags: on ? [...tags, tag] : tags });
        this.#write(worker.request({ type: 'paper/tag', id, tag, on, at: stamp() }));
      },
      // Every keystroke's text goes to the outbox at once, replacing the one before: closing the
      // tab right after typing keeps it, even before the debounced save sends it.
      noteTyped: (note) => {
        const before = typed;
        typed = { type: 'paper/setNote', id, note, at: stamp() };
        keep(typed);
        if (before) drop(before);
      },
      // The save sends the typed text with the stamp of its keystroke (the same outbox entry).
      note: (note) =>
        this.#write(worker.request(typed?.note === note ? typed : { type: 'paper/setNote', id, note, at: stamp() })),
      tagNames: async () =>
        (await worker.request({ type: 'tags/list' })).map((t) => t.name).sort((a, b) => a.localeCompare(b)),
      lists: () => worker.request({ type: 'lists/ofPaper', paperId: id }),
      setList: (listId, on) => worker.request({ type: 'lists/member', listId, paperId: id, on, at: stamp() }),
      addToNamedList: (name) => worker.request({ type: 'lists/addNamed', name, paperId: id }),
    };
  }

  override componentDidMount() {
    this.#read();
    // The card's controls can change the paper while this frame is open (a tag chip's ×, Read,
    // Save), and no push reaches an extension frame: read it again whenever the user comes back.
    addEventListener('focus', this.#read);
  }

  override componentWillUnmount() {
    removeEventListener('focus', this.#read);
  }

  #read = () => {
    this.props.worker.request({ type: 'states/get', ids: [this.props.paperId] }).then(
      ([paper]) => this.setState({ paper }),
      (err: unknown) => this.setState({ error: `Could not open: ${failureText(err)}` }),
    );
  };

  #shown(change: Partial<PaperState>) {
    if (this.state.paper) this.setState({ paper: { ...this.state.paper, ...change } });
  }

  #write(answer: Promise<PaperState>) {
    answer.then(
      (paper) => this.setState({ paper, error: '' }),
      (err: unknown) => this.setState({ error: `Not saved: ${failureText(err)}` }),
    );
  }

  render() {
    const { paper, error } = this.state;
    const { panel, close } = this.props;
    const actions = this.#actions;
    return (
      <div>
        {panel === 'lists' ? <ListMenu actions={actions} onClose={close} /> : null}
        {paper && panel === 'tags' ? <TagEditor tags={paper.tags} actions={actions} onClose={close} /> : null}
        {paper && panel === 'note' ? (
          <NoteEditor note={paper.note} typed={actions.noteTyped} save={actions.note} onClose={close} />
        ) : null}
        {error ? (
          <p class="err" role="status">
            {error}
          </p>
        ) : null}
      </div>
    );
  }
}
