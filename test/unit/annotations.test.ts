import { describe, expect, it } from 'vitest';
import { setNote, setTag, tagCounts } from '../../src/db/annotations';
import { applyImport, batchOf } from '../../src/db/import';
import { recordSightings } from '../../src/db/papers';
import { parseRequest } from '../../src/shared/requests';
import { freshDb } from './db';

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
