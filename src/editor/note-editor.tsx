/**
 * The note textbox. Every input is handed to `typed` at once, which keeps it in the outbox
 * (shared/outbox.ts), so closing the tab right after a keystroke loses nothing even while the
 * worker is asleep; it is sent 400 ms after typing stops, on blur, and when the frame is hidden or
 * closed, so the worker usually has it before the outbox is needed.
 */
import { Component, createRef } from 'preact';

const SAVE_AFTER_MS = 400;

interface Props {
  note: string;
  typed(text: string): void;
  save(text: string): void;
  onClose(): void;
}

export class NoteEditor extends Component<Props, { draft: string }> {
  #area = createRef<HTMLTextAreaElement>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saved: string;
  #latest: string;

  constructor(props: Props) {
    super(props);
    this.#saved = this.#latest = props.note;
    this.state = { draft: props.note };
  }

  #flush = () => {
    clearTimeout(this.#timer);
    if (this.#latest !== this.#saved) {
      this.#saved = this.#latest;
      this.props.save(this.#latest);
    }
  };

  override componentDidMount() {
    this.#area.current?.focus();
    addEventListener('pagehide', this.#flush);
    document.addEventListener('visibilitychange', this.#flush);
  }

  override componentWillUnmount() {
    this.#flush();
    removeEventListener('pagehide', this.#flush);
    document.removeEventListener('visibilitychange', this.#flush);
  }

  // A note changed elsewhere (another tab) shows here unless this one is being edited.
  override componentDidUpdate(previous: Props) {
    const { note } = this.props;
    if (previous.note !== note && this.#latest === this.#saved && note !== this.#saved) {
      this.#saved = this.#latest = note;
      this.setState({ draft: note });
    }
  }

  render() {
    return (
      <div class="editor">
        <textarea
          ref={this.#area}
          aria-label="Note"
          rows={3}
          maxLength={20_000}
          placeholder="Why this paper matters…"
          value={this.state.draft}
          onInput={(e) => {
            this.#latest = e.currentTarget.value;
            this.props.typed(this.#latest);
            this.setState({ draft: this.#latest });
            clearTimeout(this.#timer);
            this.#timer = setTimeout(this.#flush, SAVE_AFTER_MS);
          }}
          onBlur={this.#flush}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              this.#flush();
              this.props.onClose();
            }
          }}
        />
      </div>
    );
  }
}
