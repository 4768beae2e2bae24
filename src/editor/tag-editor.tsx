/** Inline tag editor: type to filter existing tags, Enter adds, Backspace on empty removes the last. */
import { Component, createRef } from 'preact';
import { sameTag } from '../shared/model';
import type { EditorActions } from './actions';

interface Props {
  tags: string[];
  actions: EditorActions;
  onClose(): void;
}

interface State {
  known: string[];
  text: string;
  active: number;
}

let listIds = 0;

export class TagEditor extends Component<Props, State> {
  #input = createRef<HTMLInputElement>();
  readonly #listId = `papershelf-tags-${++listIds}`;
  override state: State = { known: [], text: '', active: 0 };

  override componentDidMount() {
    this.#input.current?.focus();
    this.props.actions.tagNames().then(
      (known) => this.setState({ known }),
      () => this.setState({ known: [] }),
    );
  }

  #has = (t: string) => this.props.tags.some((x) => sameTag(x, t));

  #options(): string[] {
    const query = this.state.text.trim().toLowerCase();
    return this.state.known.filter((t) => !this.#has(t) && t.toLowerCase().startsWith(query)).slice(0, 8);
  }

  #add(name: string) {
    const clean = name.replace(/[\s,]+/g, ' ').trim();
    // Sent even if this editor shows the paper with the tag: the card's own chips may have taken
    // it off meanwhile, and the worker, which has the paper's state, ignores a tag already there.
    if (clean) this.props.actions.tag(clean, true);
    this.setState({ text: '', active: 0 });
  }

  #onKeyDown = (e: KeyboardEvent) => {
    const { text, active } = this.state;
    const { tags, actions, onClose } = this.props;
    const options = this.#options();
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      this.#add(options[active] !== undefined && text.trim() !== '' ? options[active]! : text);
    } else if (e.key === 'Backspace' && text === '' && tags.length) {
      e.preventDefault();
      actions.tag(tags[tags.length - 1]!, false);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = options.length || 1;
      this.setState({ active: (active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  render() {
    const { text, active } = this.state;
    const options = this.#options();
    const listId = this.#listId;
    return (
      <div class="editor">
        <input
          ref={this.#input}
          type="text"
          role="combobox"
          aria-label="Add a tag"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={options.length ? `${listId}-${active}` : undefined}
          placeholder="Add a tag, Enter to save"
          maxLength={60}
          value={text}
          onInput={(e) => this.setState({ text: e.currentTarget.value, active: 0 })}
          onKeyDown={this.#onKeyDown}
        />
        {options.length ? (
          <ul role="listbox" id={listId} aria-label="Existing tags">
            {options.map((t, i) => (
              <li
                key={t}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  this.#add(t);
                }}
              >
                {t}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
}
