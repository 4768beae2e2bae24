import { describe, expect, it, vi } from 'vitest';
import { setNote, setTag, tagCounts } from '../../src/db/annotations';
import { applyImport, batchOf } from '../../src/db/import';
import { setReadMany } from '../../src/db/library';
import { recordSightings } from '../../src/db/papers';
import { parseRequest } from '../../src/shared/requests';
import { freshDb } from './db';
// After ./db, which installs fake-indexeddb: Dexie looks for IndexedDB when it is first imported.
import { liveQuery } from 'dexie';

describe('notes', () => {
  it('sets, replaces and clears a note, stamping updatedAt', async () => {
    const db = freshDb();
    await recordSightings(
      db,
      [{ id: '1706.03762', title: 'Attention', authors: [] }],
      'https://arxiv.org/abs/1706.03762',
      1,
    );
    expect(await setNote(db, '1706.03762', 'Read section 3.2 <b>first</b>', 5)).toMatchObject({
      note: 'Read section 3.2 <b>first</b>',
    });
    expect(await db.papers.get('1706.03762')).toMatchObject({
      note: 'Read section 3.2 <b>first</b>',
      updatedAt: 5,
      title: 'Attention',
    });
    expect(await setNote(db, '1706.03762', '   ', 6)).toMatchObject({ note: '', suggestions: [] });
    expect((await db.papers.get('1706.03762'))?.note).toBeUndefined();
  });
});

describe('tags', () => {
  it('adds and removes tags, one per name whatever its case, and counts them', async () => {
    const db = freshDb();
    await setTag(db, '1706.03762', ' Transformers ', true, 1);
    await setTag(db, '1706.03762', 'attention', true, 2);
    await setTag(db, '1706.03762', 'transformers', true, 3);
    expect((await db.papers.get('1706.03762'))?.tags).toEqual(['attention', 'transformers']);
    await setTag(db, '2407.21783', 'transformers', true, 4);
    expect(await tagCounts(db)).toEqual([
      { name: 'transformers', count: 2 },
      { name: 'attention', count: 1 },
    ]);
    await setTag(db, '1706.03762', 'ATTENTION', false, 5);
    expect((await db.papers.get('1706.03762'))?.tags).toEqual(['transformers']);
    expect((await db.papers.where('tags').equals('transformers').primaryKeys()).sort()).toEqual([
      '1706.03762',
      '2407.21783',
    ]);
  });

  it('unites tags on import and keeps a note the import lacks', async () => {
    const db = freshDb();
    await setTag(db, '1706.03762', 'mine', true, 10);
    await setNote(db, '1706.03762', 'my note', 11);
    const existing = (await db.papers.get('1706.03762'))!;
    await applyImport(
      db,
      batchOf('test', { complete: [{ ...existing, tags: ['theirs'], note: undefined, updatedAt: 20 }] }),
      30,
    );
    expect(await db.papers.get('1706.03762')).toMatchObject({
      tags: ['theirs', 'mine'],
      note: 'my note',
      updatedAt: 20,
    });
  });

  it('refuses tag messages that are empty, multi-line or too long', () => {
    const ok = { type: 'paper/tag', id: '1706.03762', tag: 'graph neural nets', on: true };
    expect(parseRequest(ok).ok).toBe(true);
    for (const tag of ['', ' padded', 'a,b', 'two\nlines', 'x'.repeat(61)])
      expect(parseRequest({ ...ok, tag }).ok).toBe(false);
    expect(parseRequest({ type: 'paper/setNote', id: '1706.03762', note: 'x'.repeat(20_001) }).ok).toBe(false);
  });
});

describe('tag counts, live', () => {
  it('are read again when a tagged paper changes, not after every change to any paper', async () => {
    const db = freshDb();
    await setTag(db, '1706.03762', 'transformers', true, 1);
    await recordSightings(
      db,
      [{ id: '2407.21783', title: 'Llama', authors: [] }],
      'https://arxiv.org/abs/2407.21783',
      2,
    );
    const seen: { name: string; count: number }[][] = [];
    const subscription = liveQuery(() => tagCounts(db)).subscribe((v) => seen.push(v));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    // What a click does to a paper nobody tagged (the options page is open meanwhile).
    await setReadMany(db, ['2407.21783'], true, 3);
    await setNote(db, '2407.21783', 'later', 4);
    // A tagged paper's change is seen.
    await setTag(db, '2407.21783', 'transformers', true, 5);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([{ name: 'transformers', count: 2 }]));
    subscription.unsubscribe();
    expect(seen).toEqual([[{ name: 'transformers', count: 1 }], [{ name: 'transformers', count: 2 }]]);
  });
});
