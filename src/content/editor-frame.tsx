/**
 * A card's tag, note or list editor: an extension page in a frame (src/editor/), which the page
 * cannot read or script, unlike anything in the page's own document.
 */
import { Component, createRef } from 'preact';
import { extensionUrl } from '../messaging/client';

export type OpenPanel = 'tags' | 'note' | 'lists';

interface Props {
  paperId: string;
  panel: OpenPanel;
  onClose(): void;
}

export class EditorFrame extends Component<Props, { height: number }> {
  override state = { height: 34 };
  readonly #frame = createRef<HTMLIFrameElement>();
  readonly #nonce = crypto.randomUUID();
  readonly #channel = new MessageChannel();
  readonly #src: string;

  constructor(props: Props) {
    super(props);
    const url = new URL(extensionUrl('src/editor/index.html'));
    url.search = new URLSearchParams({ paper: props.paperId, panel: props.panel }).toString();
    url.hash = this.#nonce;
    this.#src = url.href;
  }

  override componentDidMount() {
    const frame = this.#frame.current!;
    const style = getComputedStyle(frame);
    const url = new URL(this.#src);
    url.searchParams.set('fg', style.color);
    if (style.colorScheme.includes('dark')) url.searchParams.set('scheme', 'dark');
    this.#channel.port1.onmessage = ({ data }: MessageEvent<{ h?: unknown; close?: unknown }>) => {
      if (data.close === true) this.props.onClose();
      else if (typeof data.h === 'number') this.setState({ height: Math.min(Math.max(data.h, 24), 480) });
    };
    frame.addEventListener(
      'load',
      () => {
        frame.contentWindow?.postMessage({ papershelf: this.#nonce }, url.origin, [this.#channel.port2]);
        frame.focus();
      },
      { once: true },
    );
    frame.src = url.href;
  }

  override componentWillUnmount() {
    this.#channel.port1.close();
  }

  render() {
    return (
      <iframe
        ref={this.#frame}
        class="frame"
        title={`Papershelf: ${this.props.panel}`}
        style={{ height: `${this.state.height}px` }}
      />
    );
  }
}
