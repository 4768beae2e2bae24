import { render } from 'preact';
import { browserConnection } from '../messaging/client';
import { linkToCard } from './card-link';
import type { EditorPanel } from './actions';
import { Editor } from './editor';

const params = new URLSearchParams(location.search);
const panel = params.get('panel') as EditorPanel;
const paperId = params.get('paper') ?? '';
// The page's text colour and colour scheme, so the frame reads as part of the card.
const root = document.documentElement.style;
if (CSS.supports('color', params.get('fg') ?? '')) root.color = params.get('fg')!;
if (params.get('scheme') === 'dark') root.colorScheme = 'dark';

const card = linkToCard(location.hash.slice(1));
new ResizeObserver(() => card.resized(Math.ceil(document.body.getBoundingClientRect().height))).observe(document.body);

if (['tags', 'note', 'lists'].includes(panel) && paperId) {
  render(
    <Editor paperId={paperId} panel={panel} worker={browserConnection()} close={card.close} />,
    document.getElementById('app')!,
  );
}
