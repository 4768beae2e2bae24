/** The "?" overlay listing the keyboard shortcuts, in its own shadow root. */
import { render } from 'preact';
import { styleShadowRoot } from './styles';

export interface Help {
  close(): void;
}

const KEYS: [string, string][] = [
  ['j / k', 'next / previous paper'],
  ['r', 'mark read / unread'],
  ['s', 'save for later / unsave'],
  ['t', 'tags'],
  ['n', 'note'],
  ['l', 'lists'],
  ['o', 'open the paper on arXiv'],
  ['?', 'this help'],
  ['Esc', 'close'],
];

export function showHelp(doc: Document, onClose: () => void): Help {
  const host = doc.createElement('papershelf-help');
  const root = host.attachShadow({ mode: 'open' });
  styleShadowRoot(root);
  const close = () => {
    render(null, root);
    host.remove();
    onClose();
  };
  render(
    <div class="help" role="dialog" aria-label="Papershelf keyboard shortcuts">
      <h2>Papershelf keys</h2>
      <dl>
        {KEYS.map(([k, what]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p>Not while typing. Off switch: options page.</p>
      <button type="button" onClick={close}>
        Close
      </button>
    </div>,
    root,
  );
  doc.documentElement.append(host);
  return { close };
}
