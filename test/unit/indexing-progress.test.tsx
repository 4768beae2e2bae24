// @vitest-environment happy-dom
// The options page says how far indexing for search has come, and nothing once it is done.
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { applyImport, batchOf } from '../../src/db/import';
import { indexPending } from '../../src/db/papers';
import { IndexingProgress } from '../../src/options/indexing-progress';
import { freshDb } from './db';
import { numberedPaper } from './seed';

Dexie.dependencies.indexedDB = indexedDB;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

const NOW = Date.parse('2026-12-02T12:00:00Z');
const papers = (n: number) => Array.from({ length: n }, (_, i) => numberedPaper(i));

describe('indexing progress', () => {
  it('shows how many papers are indexed of all, while some wait, and goes when none do', async () => {
    const db = freshDb();
    await applyImport(db, batchOf('import:backup', { complete: papers(250) }), NOW);
    // 100 of them indexed (one batch), as the worker does after an import.
    const first = await db.toIndex.limit(100).primaryKeys();
    await db.toIndex.bulkDelete(first);
    const root = document.createElement('div');
    document.body.append(root);
    render(<IndexingProgress db={db} />, root);
    await expect.poll(() => root.textContent).toContain('Indexing for search: 100 of 250 papers');
    expect(root.querySelector('progress')?.getAttribute('value')).toBe('100');
    await db.toIndex.bulkPut(first.map((id) => ({ id })));
    await indexPending(db);
    await expect.poll(() => root.textContent).toBe('');
    render(null, root);
  });
});
