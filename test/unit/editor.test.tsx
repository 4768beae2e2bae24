// @vitest-environment happy-dom
// The tag editor in its frame under a card, while the card's own controls change the same paper.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '../../src/editor/editor';
import { FakeWorker } from './fake-worker';
import { until } from './until';

const ID = '2407.21783';

/** Types into the field as a user does: the new text, then (a task later, as keys come) Enter. */
async function type(field: HTMLInputElement, text: string, enter = false) {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
  if (enter) field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
}

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

function openTagEditor(worker: FakeWorker) {
  render(<Editor paperId={ID} panel="tags" worker={worker} close={() => undefined} />, root);
  return until(() => root.querySelector<HTMLInputElement>('input[aria-label="Add a tag"]'));
}

const options = () => [...root.querySelectorAll('[role="option"]')].map((o) => o.textContent);

describe('tag editor', () => {
  it('adds a tag again that the card took off while the editor was open', async () => {
    const worker = new FakeWorker();
    worker.states.set(ID, { id: ID, read: false, saved: false, tags: ['llm'], note: '', suggestions: [] });
    const field = await openTagEditor(worker);
    // The chip's × on the card: the worker takes the tag off; this frame is not told.
    await worker.request({ type: 'paper/tag', id: ID, tag: 'llm', on: false, at: 1 });

    await type(field, 'llm', true);
    await until(() => worker.states.get(ID)?.tags.includes('llm'));
    expect(worker.requests.filter((r) => r.type === 'paper/tag').at(-1)).toMatchObject({ tag: 'llm', on: true });
  });

  it('reads the paper again when the user comes back to the frame', async () => {
    const worker = new FakeWorker();
    worker.states.set(ID, { id: ID, read: false, saved: false, tags: ['llm'], note: '', suggestions: [] });
    worker.states.set('2407.21705', {
      id: '2407.21705',
      read: false,
      saved: false,
      tags: ['llm'],
      note: '',
      suggestions: [],
    });
    const field = await openTagEditor(worker);
    await until(() => worker.requests.some((r) => r.type === 'tags/list'));
    await type(field, 'l');
    // The paper has llm: it is not offered.
    expect(options()).toEqual([]);

    await worker.request({ type: 'paper/tag', id: ID, tag: 'llm', on: false, at: 1 });
    window.dispatchEvent(new Event('focus'));
    await until(() => options().includes('llm'));
  });
});
