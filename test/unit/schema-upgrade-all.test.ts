// A 10,000-paper library made by each earlier version of Papershelf, opened by this one: nothing
// the user made is lost, every queue and tag counts the same, and once the worker has moved the
// papers over (the version-7 mark), search finds every paper, and once it has rewritten the word
// rows (the version-13 mark), by its abstract only the papers the user did something with.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { listSummaries } from '../../src/db/lists';
import { hasOwnState, indexPending, putPapers, queueCounts } from '../../src/db/papers';
import type { PapershelfDb } from '../../src/db/schema';
import type { Paper } from '../../src/shared/model';
import { wordSet } from '../../src/shared/words';
import {
  openDatabase,
  V1_STORES,
  V2_STORES,
  V3_STORES,
  V4_STORES,
  V5_STORES,
  V6_STORES,
  V7_STORES,
  V8_STORES,
  V9_STORES,
  V11_STORES,
  V12_STORES,
} from '../../src/db/schema';
import { searchPapers } from '../../src/db/search';
import { tagCounts } from '../../src/db/annotations';

// Version 10 was set aside by a branch never merged; 13 is this one.
const STORES: [number, Record<string, string>][] = [
  [1, V1_STORES],
  [2, V2_STORES],
  [3, V3_STORES],
  [4, V4_STORES],
  [5, V5_STORES],
  [6, V6_STORES],
  [7, V7_STORES],
  [8, V8_STORES],
  [9, V9_STORES],
  [11, V11_STORES],
  [12, V12_STORES],
];
const PAPERS = 10_000;

/** The library as version `v` wrote it: only the fields and tables that version knew. */
function paperAt(v: number, i: number): Record<string, unknown> {
  const id = `2401.${String(10000 + i)}`;
  const p: Record<string, unknown> = {
    id,
    title: `Spectral graph paper ${i}`,
    authors: ['Ada Lovelace'],
    abstract: `We bound the eigenvalues of sparse matrices, case ${i}.`,
    firstSeenAt: i,
    firstSeenUrl: 'https://huggingface.co/papers',
    lastSeenAt: i,
    updatedAt: i,
  };
  if (i % 10 === 0) Object.assign(p, { savedAt: i, toReadSince: i });
  if (i % 7 === 0) Object.assign(p, { readAt: i });
  if (i % 10 === 0 && i % 7 === 0) delete p.toReadSince;
  if (v >= 2 && i % 11 === 0) p.openedAt = i;
  if (v >= 3 && i % 5 === 0) p.tags = [i % 2 ? 'graphs' : 'spectral methods'];
  if (v >= 3 && i % 13 === 0) p.note = `note ${i}`;
  // Versions 4 to 6 kept each paper's words in its record; version 7 moved them out in the background.
  if (v >= 4 && v <= 6) p.words = ['spectral', 'graph', 'paper', String(i)];
  return p;
}

/** A word row as versions 7 to 12 wrote it: the words of every field, the abstract's included. */
const wordsUntilV12 = (p: Record<string, unknown>) => {
  const q = p as unknown as Paper;
  return { id: q.id, words: wordSet([q.id, q.title, q.authors.join(' '), q.tags?.join(' '), q.note, q.abstract]) };
};

describe('upgrading a 10,000-paper library from every earlier version', () => {
  for (const [v, stores] of STORES) {
    it(`from version ${v}`, { timeout: 120_000 }, async () => {
      const name = `upgrade-all-${v}`;
      const old = new Dexie(name);
      old.version(v).stores(stores);
      const papers = Array.from({ length: PAPERS }, (_, i) => paperAt(v, i));
      // From version 7 on, each write also wrote the paper's search rows (putPapers, whose cards
      // have not changed since); before, the records alone. Until version 12 every paper's word
      // row held the words of all its fields.
      if (v >= 7) {
        await putPapers(old as unknown as PapershelfDb, papers as unknown as Paper[]);
        await old.table('paperWords').bulkPut(papers.map(wordsUntilV12));
      } else await old.table('papers').bulkPut(papers);
      // Versions 5 to 9 marked the papers an import wrote, to be indexed after: some still are.
      const marked =
        v >= 5
          ? papers.filter((_, i) => i % 17 === 0).map((p): Record<string, unknown> => ({ ...p, unindexed: 1 }))
          : [];
      if (marked.length) {
        await old.table('papers').bulkPut(marked);
        if (v >= 7)
          await Promise.all(
            ['paperWords', 'searchCards'].map((t) => old.table(t).bulkDelete(marked.map((p) => p.id as string))),
          );
      }
      if (v >= 6) {
        await old.table('lists').put({ id: 'l1', name: 'Reading group', createdAt: 1, updatedAt: 1 });
        await old.table('listEntries').bulkPut(
          Array.from({ length: 100 }, (_, i) => ({
            listId: 'l1',
            paperId: papers[i * 3]!.id,
            position: i,
            addedAt: i,
            updatedAt: i,
          })),
        );
      }
      old.close();

      const db = openDatabase(name);
      await db.open();
      expect(db.verno).toBe(14);
      // Every record as the user left it (the words versions 4–6 kept go when the paper moves over).
      expect(await db.papers.count()).toBe(PAPERS);
      const expectedCounts = {
        toRead: papers.filter((p) => p.savedAt !== undefined && p.readAt === undefined).length,
        read: papers.filter((p) => p.readAt !== undefined).length,
        seen: PAPERS,
        opened: papers.filter((p) => p.openedAt !== undefined).length,
      };
      expect(await queueCounts(db)).toEqual(expectedCounts);
      const tagged = papers.filter((p) => p.tags).length;
      expect((await tagCounts(db)).reduce((sum, t) => sum + t.count, 0)).toBe(tagged);
      // Lists came in version 6, notes in version 3: an older library has none to keep.
      expect(await listSummaries(db)).toEqual(v >= 6 ? [{ id: 'l1', name: 'Reading group', count: 100 }] : []);

      await indexPending(db);
      expect(await db.derived.get('searchMigration')).toBeUndefined();
      expect(await db.derived.get('wordsMigration')).toBeUndefined();
      expect(await db.papers.where('unindexed').equals(1).count()).toBe(0);
      const { words: _w, ...first } = papers[3]!;
      expect(await db.papers.get(first.id as string)).toEqual(first);
      expect((await db.papers.toArray()).filter((p) => 'words' in p)).toEqual([]);
      expect((await searchPapers(db, 'spectral graph', { limit: Infinity, everything: true })).length).toBe(PAPERS);
      expect((await searchPapers(db, 'lovelace 2401.10777')).map((h) => h.paper.id)).toEqual(['2401.10777']);
      expect((await searchPapers(db, 'note 2401.10013')).map((h) => h.paper.id)).toEqual(v >= 3 ? ['2401.10013'] : []);
      // Abstract words: a row for each paper the user did something with, none for a paper only seen.
      const acted = papers.filter((p) => hasOwnState(p as unknown as Paper)).map((p) => p.id as string);
      expect(await db.paperWords.count()).toBe(acted.length);
      const byAbstract = await searchPapers(db, 'eigenvalues', { limit: Infinity, everything: true });
      expect(byAbstract.map((h) => h.paper.id).sort()).toEqual(acted.sort());
      expect((await searchPapers(db, 'spectral eigenvalues', { limit: Infinity, everything: true })).length).toBe(
        acted.length,
      );
      db.close();
    });
  }
});
