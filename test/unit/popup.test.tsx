// @vitest-environment happy-dom
// The popup's reads on a fake IndexedDB: what a user sees when they act before the first screen.
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { applyImport, batchOf } from '../../src/db/import';
import { createList } from '../../src/db/lists';
import { indexPending } from '../../src/db/papers';
import { Popup } from '../../src/popup/popup';
import { freshDb } from './db';
import { FakeWorker } from './fake-worker';
import { until } from './until';

// The popup's notices ask the browser what it grants (site access, storage): here, everything.
vi.mock('webextension-polyfill', () => {
  const event = { addListener: () => undefined, removeListener: () => undefined };
  return {
    default: {
      permissions: { contains: async () => true, request: async () => true, onAdded: event, onRemoved: event },
      extension: { inIncognitoContext: false },
    },
  };
});

// happy-dom's window has no IndexedDB: Dexie takes fake-indexeddb's.
Dexie.dependencies.indexedDB = indexedDB;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

const noTab = { activeTab: async () => undefined, pagePapers: async () => undefined };

describe('the popup', () => {
  it(
    'shows the lists when the Lists tab is chosen before the first queue has loaded',
    { timeout: 30_000 },
    async () => {
      const db = freshDb();
      await createList(db, 'Reading group', 1);
      const root = document.createElement('div');
      document.body.append(root);
      render(<Popup db={db} worker={new FakeWorker()} tabs={noTab} />, root);
      // At once, while To read is still being read from the database.
      const listsTab = await until(() =>
        [...root.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === 'Lists'),
      );
      listsTab.click();
      const button = await until(() =>
        [...root.querySelectorAll('#queue button')].find((b) => b.textContent?.startsWith('Reading group')),
      );
      expect(button.textContent).toBe('Reading group 0');
      // The queue counts come too.
      await until(() => root.querySelector('#tab-toRead .count'));
      render(null, root);
    },
  );

  it('adds papers indexed while a search shows to its results, without retyping', { timeout: 30_000 }, async () => {
    const db = freshDb();
    // A restored backup: stored at once, searchable once the worker has indexed it.
    const paper = {
      id: '2407.21783',
      title: 'The Llama 3 Herd of Models',
      authors: ['Abhimanyu Dubey'],
      firstSeenAt: 1,
      firstSeenUrl: 'https://arxiv.org/abs/2407.21783',
      lastSeenAt: 1,
      updatedAt: 1,
    };
    await applyImport(db, batchOf('import:backup', { complete: [paper] }), 2);
    const root = document.createElement('div');
    document.body.append(root);
    render(<Popup db={db} worker={new FakeWorker()} tabs={noTab} />, root);
    const box = await until(() => root.querySelector<HTMLInputElement>('input[type="search"]'));
    box.value = 'llama herd';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => root.querySelector('p.empty[data-query="llama herd"]'));

    expect(await indexPending(db)).toBe(1);
    const result = await until(() => root.querySelector('[role="listbox"] [role="option"]'));
    expect(result.textContent).toContain('The Llama 3 Herd of Models');
    render(null, root);
  });
});
