/** The card's Lists menu: a checkbox per custom list, and a field that makes a new list with this paper in it. */
import { Component, createRef } from 'preact';
import { failureText } from '../messaging/client';
import type { PaperLists } from '../shared/protocol';
import type { EditorActions } from './actions';

interface Props {
  actions: EditorActions;
  onClose(): void;
}

interface State {
  lists?: PaperLists;
  name: string;
  error: string;
}

export class ListMenu extends Component<Props, State> {
  #input = createRef<HTMLInputElement>();
  #root = createRef<HTMLDivElement>();
  override state: State = { name: '', error: '' };

  override componentDidMount() {
    // Focus goes to the first list, or to the field when there is none. Set here, not with
    // autofocus, which browsers ignore in a frame of another origin than the page.
    this.props.actions.lists().then(
      (lists) => this.setState({ lists }, () => this.#root.current?.querySelector('input')?.focus()),
      (err: unknown) => this.setState({ error: failureText(err) }),
    );
  }

  /** `typed`: a new list's name, given back to the field if the list could not be made. */
  #load(answer: Promise<PaperLists>, typed = '') {
    answer.then(
      (lists) => this.setState({ lists, error: '' }),
      (err: unknown) =>
        this.setState({ error: failureText(err), ...(typed && !this.state.name ? { name: typed } : {}) }),
    );
  }

  /** Shows the tick at once; the worker's answer then says what is stored. */
  #setList(listId: string, on: boolean) {
    const { lists } = this.state;
    if (lists) {
      const member = lists.member.filter((id) => id !== listId);
      this.setState({ lists: { ...lists, member: on ? [...member, listId] : member } });
    }
    this.#load(this.props.actions.setList(listId, on));
  }

  #onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') this.props.onClose();
    else if (e.key === 'Enter' && e.target === this.#input.current && this.state.name.trim()) {
      this.#load(this.props.actions.addToNamedList(this.state.name), this.state.name);
      this.setState({ name: '' });
    } else return;
    e.preventDefault();
  };

  render() {
    const { lists, name, error } = this.state;
    return (
      <div ref={this.#root} class="editor" role="group" aria-label="Lists" onKeyDown={this.#onKeyDown}>
        {lists?.lists.map((l) => (
          <label key={l.id}>
            <input
              type="checkbox"
              checked={lists.member.includes(l.id)}
              onChange={(e) => this.#setList(l.id, e.currentTarget.checked)}
            />
            {l.name}
          </label>
        ))}
        <input
          ref={this.#input}
          type="text"
          aria-label="New list with this paper"
          placeholder="New list, Enter to create"
          maxLength={80}
          value={name}
          onInput={(e) => this.setState({ name: e.currentTarget.value })}
        />
        {error ? (
          <span class="err" role="status">
            {error}
          </span>
        ) : null}
      </div>
    );
  }
}
