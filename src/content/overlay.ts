/** A host for something shown over the page (the keys dialog, the undo toast), in its own shadow root. */
import { SHADOW_MODE } from './shadow-mode';
import { styleShadowRoot } from './styles';

export function overlayHost(doc: Document): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement('papershelf-overlay');
  host.setAttribute('overlay', '');
  const root = host.attachShadow({ mode: SHADOW_MODE });
  styleShadowRoot(root);
  (doc.body ?? doc.documentElement).append(host);
  return { host, root };
}
