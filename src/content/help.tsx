/**
 * The "?" dialog listing the keyboard shortcuts: a modal <dialog> in the viewport (the browser's
 * top layer), in its own shadow root. It takes focus and, closed, gives it back where it was.
 */
import { render } from 'preact';
import { overlayHost } from './overlay';

export interface Help {
  close(): void;
}

const KEYS: [string, string][] = [
  ['j / k', 'next / previous paper'],
  ['r', 'mark read / unread'],
  ['s', 'save / unsave'],
  ['t', 'tags'],
  ['n', 'note'],
  ['l', 'lists'],
  ['o', 'open on arXiv'],
  ['?', 'this help'],
  ['Esc', 'close'],
];

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
        {KEYS.map(([k, what]) => [
          <dt key={k}>
            <kbd>{k}</kbd>
          </dt>,
          <dd key={`${k}-d`}>{what}</dd>,
        ])}
      </dl>
      <p>Off while typing; off switch in settings.</p>
      <form method="dialog">
        <button autoFocus>Close</button>
      </form>
    </dialog>,
    root,
  );
  root.querySelector('dialog')?.showModal();
  return { close: () => root.querySelector('dialog')?.close() };
}
