/** The card's Lists menu: a checkbox per custom list, and a field that makes a new list with this paper in it. */
import { Component, createRef } from 'preact';
import { failureText } from '../messaging/client';
import type { PaperLists } from '../shared/protocol';
import type { ControlActions } from './controls';
import { trusted } from './trusted';

interface Props {
  actions: ControlActions;
  onClose(): void;
}

interface State {
  lists?: PaperLists;
  name: string;
  error: string;
}

// A class, not hooks: preact/hooks would cost the content script ~1 kB of its 15 kB budget.
export class ListMenu extends Component<Props, State> {
  #input = createRef<HTMLInputElement>();
  override state: State = { name: '', error: '' };

  override componentDidMount() {
    this.#load(this.props.actions.lists());
  }

  /** `typed`: a new list's name, given back to the field if the list could not be made. */
  #load(answer: Promise<PaperLists>, typed = '') {
    answer.then(
      (lists) =>
        this.setState({ lists, error: '' }, () => (lists.lists.length ? undefined : this.#input.current?.focus())),
      (err: unknown) =>
        this.setState({ error: failureText(err), ...(typed && !this.state.name ? { name: typed } : {}) }),
    );
  }

  #onKeyDown = trusted<KeyboardEvent>(
    (e) => {
      if (e.key === 'Escape') this.props.onClose();
      else if (e.key === 'Enter' && e.target === this.#input.current && this.state.name.trim()) {
        this.#load(this.props.actions.addToNamedList(this.state.name), this.state.name);
        this.setState({ name: '' });
      } else return;
      e.preventDefault();
    },
    { preventDefault: false },
  );

  render() {
    const { lists, name, error } = this.state;
    return (
      <div class="editor" role="group" aria-label="Lists" onKeyDown={this.#onKeyDown}>
        {lists?.lists.map((l, i) => (
          <label key={l.id}>
            <input
              type="checkbox"
              checked={lists.member.includes(l.id)}
              autoFocus={i === 0}
              onChange={trusted<Event>(
                (e) => this.#load(this.props.actions.setList(l.id, (e.currentTarget as HTMLInputElement).checked)),
                { preventDefault: false },
              )}
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
          onInput={(e) => {
            if (e.isTrusted) this.setState({ name: e.currentTarget.value });
          }}
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
