// readMany answers as bulkGet does (same order, undefined where missing), in whichever way the
// keys' range makes cheapest: nothing read for an empty range, one range read for neighbours.
import { describe, expect, it, vi } from 'vitest';
import { freshDb } from './db';
import { readMany } from '../../src/db/read-many';
import { blankPaper } from '../../src/db/papers';

async function libraryOf(ids: string[]) {
  const db = freshDb();
  await db.papers.bulkPut(ids.map((id) => ({ ...blankPaper(id, 1, ''), title: `T ${id}` })));
  return db;
}

const ids = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `2401.${String(from + i).padStart(5, '0')}`);

describe('readMany', () => {
  it('answers like bulkGet, in the order asked, for keys given in any order', async () => {
    const db = await libraryOf(ids(0, 10));
    const asked = ['2401.00007', '2401.00002', '2401.00099', '2401.00003'];
    const got = await readMany(db.papers, asked);
    expect(got.map((p) => p?.title)).toEqual(['T 2401.00007', 'T 2401.00002', undefined, 'T 2401.00003']);
    expect(got).toEqual(await db.papers.bulkGet(asked));
  });

  it('reads a range of neighbours in one read, not one get a key', async () => {
    const db = await libraryOf(ids(0, 100));
    const bulkGet = vi.spyOn(db.papers, 'bulkGet');
    const got = await readMany(db.papers, ids(10, 60));
    expect(got.map((p) => p?.id)).toEqual(ids(10, 60));
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it('reads nothing more when the range holds no record (a new device)', async () => {
    const db = await libraryOf(ids(500, 510));
    const bulkGet = vi.spyOn(db.papers, 'bulkGet');
    expect(await readMany(db.papers, ids(0, 50))).toEqual(Array(50).fill(undefined));
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it('falls back to a get a key when few keys are spread over many records', async () => {
    const db = await libraryOf(ids(0, 1000));
    const asked = ['2401.00001', '2401.00500', '2401.00999', '2401.01500'];
    const bulkGet = vi.spyOn(db.papers, 'bulkGet');
    const got = await readMany(db.papers, asked);
    expect(got.map((p) => p?.id)).toEqual(['2401.00001', '2401.00500', '2401.00999', undefined]);
    expect(bulkGet).toHaveBeenCalledOnce();
  });

  it('answers an empty list with one', async () => {
    const db = await libraryOf(ids(0, 3));
    expect(await readMany(db.papers, [])).toEqual([]);
  });
});
