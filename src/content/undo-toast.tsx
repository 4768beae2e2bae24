/** "Marked read — hidden. Undo": shown when marking a paper read takes it off the page (Hidden mode). */
import { render } from 'preact';
import { overlayHost } from './overlay';
import { trusted } from './trusted';

const SHOWN_MS = 8_000;
let closeShown: (() => void) | undefined;

export function showUndo(doc: Document, text: string, undo: () => void): void {
  closeShown?.();
  const { host, root } = overlayHost(doc);
  const close = () => {
    clearTimeout(timer);
    render(null, root);
    host.remove();
    if (closeShown === close) closeShown = undefined;
  };
  const timer = setTimeout(close, SHOWN_MS);
  closeShown = close;
  render(
    <div class="toast" role="status">
      {text}
      <button type="button" onClick={trusted(() => (undo(), close()))}>
        Undo
      </button>
    </div>,
    root,
  );
}
