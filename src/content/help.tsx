/**
 * The "?" dialog listing the keyboard shortcuts: a modal <dialog> in the viewport (the browser's
 * top layer), in its own shadow root. It takes focus and, closed, gives it back where it was.
 */
import { render } from 'preact';
import { TRIAGE_KEYS } from '../shared/keys';
import { overlayHost } from './overlay';

export interface Help {
  close(): void;
}

export function showHelp(doc: Document, onClose: () => void): Help {
  const { host, root } = overlayHost(doc);
  const close = () => {
    render(null, root);
    host.remove();
    onClose();
  };
  render(
    <dialog aria-labelledby="h" onClose={close}>
      <h2 id="h">Papershelf keys</h2>
      <dl>
        {TRIAGE_KEYS.map(([k, what]) => [
          <dt key={k}>
            <kbd>{k}</kbd>
          </dt>,
          <dd key={`${k}-d`}>{what}</dd>,
        ])}
      </dl>
      <form method="dialog">
        <button autoFocus>Close</button>
      </form>
    </dialog>,
    root,
  );
  root.querySelector('dialog')?.showModal();
  return { close: () => root.querySelector('dialog')?.close() };
}
