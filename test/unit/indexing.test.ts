// Indexing after an import (schema 11): papers are listed in toIndex and indexed in batches that
// write only the search tables, so the popup's live queries over papers do not run again after
// every batch; a worker stopped part-way goes on from where it was.
import { freshDb } from './db';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyImport, batchOf } from '../../src/db/import';
import { indexPending, queueCounts, queuePage } from '../../src/db/papers';
import { searchPapers } from '../../src/db/search';
import type { Paper } from '../../src/shared/model';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const papers = (n: number): Paper[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `2401.${10_000 + i}`,
    title: `Spectral paper ${i}`,
    authors: ['Ada Lovelace'],
    abstract: 'sparse graph attention '.repeat(30),
    firstSeenAt: i,
    firstSeenUrl: 'https://arxiv.org/list/cs.LG/new',
    lastSeenAt: i,
    updatedAt: i,
    ...(i % 3 ? {} : { readAt: i }),
  }));

const settle = () => new Promise((r) => setTimeout(r, 500));

describe('indexing after an import', () => {
  it('lists imported papers to index, and indexing leaves the papers table alone', { timeout: 60_000 }, async () => {
    const db = freshDb();
    await applyImport(db, batchOf('import:backup', { complete: papers(500) }), NOW);
    expect(await db.toIndex.count()).toBe(500);
    expect(await db.papers.where('unindexed').equals(1).count()).toBe(0);

    // The popup's counts and its first queue page, as live queries.
    let counts = 0;
    let page = 0;
    const subscriptions = [
      liveQuery(() => queueCounts(db)).subscribe(() => counts++),
      liveQuery(() => queuePage(db, 'seen', 50)).subscribe(() => page++),
    ];
    // Both have answered once before indexing starts.
    while (counts === 0 || page === 0) await new Promise((r) => setTimeout(r, 10));
    await settle();
    const before = [counts, page];
    let batches = 0;
    expect(await indexPending(db, () => batches++)).toBe(500);
    await settle();
    expect(batches).toBeGreaterThanOrEqual(5);
    // Five batches written, and not one more run of the popup's queries.
    expect([counts, page]).toEqual(before);
    for (const s of subscriptions) s.unsubscribe();

    expect(await db.toIndex.count()).toBe(0);
    expect((await searchPapers(db, 'spectral lovelace', { limit: Infinity, everything: true })).length).toBe(500);
    expect((await searchPapers(db, 'sparse attention 2401.10042')).map((h) => h.paper.id)).toEqual(['2401.10042']);
  });

  it('resumes from its mark after the worker stopped, losing and repeating nothing', { timeout: 60_000 }, async () => {
    const db = freshDb();
    await applyImport(db, batchOf('import:backup', { complete: papers(450) }), NOW);
    // The worker stops during the third batch: that transaction never commits.
    let batch = 0;
    await expect(
      indexPending(db, undefined, async () => {
        if (++batch === 3) throw new Error('worker stopped');
      }),
    ).rejects.toThrow('worker stopped');
    expect(await db.toIndex.count()).toBe(250);
    expect(await db.searchCards.count()).toBe(200);
    // The next start does the rest, once each.
    expect(await indexPending(db)).toBe(250);
    expect(await db.searchCards.count()).toBe(450);
    expect(await db.toIndex.count()).toBe(0);
    expect(await indexPending(db)).toBe(0);
  });

  it('indexes a paper deleted meanwhile as nothing, and one changed meanwhile as it is now', async () => {
    const db = freshDb();
    await applyImport(db, batchOf('import:backup', { complete: papers(3) }), NOW);
    await db.papers.delete('2401.10001');
    await db.papers.update('2401.10002', { title: 'Quokka habitats' });
    expect(await indexPending(db)).toBe(2);
    expect(await db.searchCards.get('2401.10001')).toBeUndefined();
    expect((await searchPapers(db, 'quokka')).map((h) => h.paper.id)).toEqual(['2401.10002']);
  });
});
