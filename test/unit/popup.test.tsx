// @vitest-environment happy-dom
// The popup's reads on a fake IndexedDB: what a user sees when they act before the first screen.
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { createList } from '../../src/db/lists';
import { Popup } from '../../src/popup/popup';
import { freshDb } from './db';
import { FakeWorker } from './fake-worker';

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

async function until<T>(read: () => T | undefined | null | false, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

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
});
