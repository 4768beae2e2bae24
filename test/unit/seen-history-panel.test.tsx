// @vitest-environment happy-dom
// Settings → "Clear seen history": the Undo stays offered while the page is open, also after the
// user went to another section of the options page and came back (which unmounts the panel).
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { handle } from '../../src/background/handlers';
import type { WorkerConnection } from '../../src/messaging/client';
import { putPapers } from '../../src/db/papers';
import { SeenHistory } from '../../src/options/seen-history';
import { DEFAULT_SETTINGS } from '../../src/shared/model';
import { numberedPaper } from './seed';
import { workerContext } from './worker-context';

Dexie.dependencies.indexedDB = indexedDB;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

describe('Clear seen history, then another section and back', () => {
  it('still offers the Undo, which puts the papers back; after it, the panel is as before', async () => {
    const { ctx } = workerContext();
    const { db } = ctx;
    await putPapers(db, [numberedPaper(1), numberedPaper(2), { ...numberedPaper(3), readAt: 5 }]);
    const worker = {
      request: (m) => handle(m, ctx),
      onPush: () => () => undefined,
    } as WorkerConnection;
    const root = document.createElement('div');
    document.body.append(root);
    const panel = () =>
      render(<SeenHistory settings={DEFAULT_SETTINGS} worker={worker} save={() => undefined} />, root);

    panel();
    button(root, 'Clear seen history…')!.click();
    await expect.poll(() => button(root, 'Clear seen history')).toBeDefined();
    button(root, 'Clear seen history')!.click();
    await expect.poll(() => root.textContent).toContain('Cleared 2 papers you had only seen.');
    expect(await db.papers.count()).toBe(1);

    // Another section: the panel goes; back in Settings it comes again.
    render(null, root);
    expect(root.textContent).toBe('');
    panel();
    expect(root.textContent).toContain('Cleared 2 papers you had only seen.');
    button(root, 'Undo')!.click();
    await expect.poll(() => root.textContent).toContain('Put back 2 papers.');
    expect(await db.papers.count()).toBe(3);

    render(null, root);
    panel();
    expect(button(root, 'Undo')).toBeUndefined();
    expect(button(root, 'Clear seen history…')).toBeDefined();
    render(null, root);
  });
});
