// The user owns the history: papers only seen are pruned after the chosen time, or cleared with an
// undo; a paper with any user state (read, saved, opened, tagged, noted, a suggestion dismissed,
// in a list) never is.
import { describe, expect, it } from 'vitest';
import {
  clearedCount,
  clearSeen,
  forgetCleared,
  forgetStaleCleared,
  hasUserState,
  pruneDue,
  pruneSeen,
  undoClear,
} from '../../src/db/history';
import { createList, setListMembership } from '../../src/db/lists';
import { putPapers } from '../../src/db/papers';
import type { PapershelfDb } from '../../src/db/schema';
import { searchCards } from '../../src/db/search';
import type { Paper } from '../../src/shared/model';
import { freshDb } from './db';

const DAY = 24 * 3600 * 1000;
const NOW = Date.parse('2026-12-02T12:00:00Z');

let next = 0;
function paper(daysAgo: number, extra: Partial<Paper> = {}): Paper {
  const at = NOW - daysAgo * DAY;
  const i = next++;
  return {
    id: `2401.${String(10_000 + i)}`,
    title: `Spectral paper ${i}`,
    authors: ['Ada Lovelace'],
    abstract: 'graph attention',
    firstSeenAt: at,
    firstSeenUrl: 'https://arxiv.org/list/cs.LG/new',
    lastSeenAt: at,
    updatedAt: at,
    ...extra,
  };
}

/** One old paper of each kind of user state, an old and a recent paper only seen. */
async function library(db: PapershelfDb) {
  const old = 400;
  const kept = {
    read: paper(old, { readAt: NOW - old * DAY }),
    saved: paper(old, { savedAt: NOW - old * DAY }),
    opened: paper(old, { openedAt: NOW - old * DAY }),
    tagged: paper(old, { tags: ['graphs'] }),
    noted: paper(old, { note: 'read the appendix' }),
    dismissed: paper(old, { dismissed: ['graphs'] }),
    listed: paper(old),
  };
  const oldSeen = paper(old);
  // First seen long ago, seen again last week: its last sighting counts.
  const seenAgain = { ...paper(old), lastSeenAt: NOW - 7 * DAY };
  const recentSeen = paper(10);
  await putPapers(db, [...Object.values(kept), oldSeen, seenAgain, recentSeen]);
  const list = await createList(db, 'Reading group', NOW);
  await setListMembership(db, list.id, kept.listed.id, true, NOW);
  return { kept, oldSeen, seenAgain, recentSeen };
}

const ids = async (db: PapershelfDb) => (await db.papers.toCollection().primaryKeys()).sort();

describe('papers only seen', () => {
  it('counts every kind of user state, a list included', () => {
    const p = paper(1);
    expect(hasUserState(p, false)).toBe(false);
    expect(hasUserState({ ...p, note: '  ' }, false)).toBe(false);
    expect(hasUserState({ ...p, tags: [] }, false)).toBe(false);
    for (const extra of [
      { readAt: 1 },
      { savedAt: 1 },
      { openedAt: 1 },
      { tags: ['x'] },
      { note: 'x' },
      { dismissed: ['x'] },
    ])
      expect(hasUserState({ ...p, ...extra }, false)).toBe(true);
    expect(hasUserState(p, true)).toBe(true);
  });

  it('prunes papers only seen whose last sighting is older than the setting keeps, and nothing else', async () => {
    const db = freshDb();
    const { kept, oldSeen, seenAgain, recentSeen } = await library(db);
    expect(await pruneSeen(db, 'year', NOW)).toBe(1);
    expect(await ids(db)).toEqual([...Object.values(kept).map((p) => p.id), seenAgain.id, recentSeen.id].sort());
    // Its search rows went with it.
    expect(await db.paperWords.get(oldSeen.id)).toBeUndefined();
    expect((await searchCards(db, 'spectral', { limit: 100 })).map((h) => h.paper.id)).not.toContain(oldSeen.id);
    // A month: the paper seen again last week stays, the one seen 10 days ago goes.
    expect(await pruneSeen(db, 'month', NOW)).toBe(0);
    expect(await pruneSeen(db, 'quarter', NOW + 90 * DAY)).toBe(2);
    expect(await ids(db)).toEqual(
      Object.values(kept)
        .map((p) => p.id)
        .sort(),
    );
  });

  it('keeps everything forever by default', async () => {
    const db = freshDb();
    await library(db);
    const before = await ids(db);
    expect(await pruneSeen(db, 'forever', NOW)).toBe(0);
    expect(await ids(db)).toEqual(before);
  });

  it('prunes at most once a day', async () => {
    const db = freshDb();
    expect(await pruneDue(db, NOW)).toBe(true);
    await pruneSeen(db, 'year', NOW);
    expect(await pruneDue(db, NOW + DAY - 1)).toBe(false);
    expect(await pruneDue(db, NOW + DAY)).toBe(true);
  });

  it('clears every paper only seen, and an undo puts them back, searchable again', async () => {
    const db = freshDb();
    const { kept, oldSeen, seenAgain, recentSeen } = await library(db);
    const before = await ids(db);
    expect(await clearSeen(db, NOW)).toBe(3);
    expect(await ids(db)).toEqual(
      Object.values(kept)
        .map((p) => p.id)
        .sort(),
    );
    expect(await clearedCount(db)).toBe(3);
    // Seen again after the clear (a feed recorded it afresh, and the user read it): the undo keeps that.
    await putPapers(db, [{ ...recentSeen, firstSeenAt: NOW, lastSeenAt: NOW, readAt: NOW, updatedAt: NOW }]);
    const restored = await undoClear(db);
    expect(restored.map((p) => p.id).sort()).toEqual([oldSeen.id, seenAgain.id, recentSeen.id].sort());
    expect(await ids(db)).toEqual(before);
    const merged = await db.papers.get(recentSeen.id);
    expect(merged).toMatchObject({ readAt: NOW, firstSeenAt: recentSeen.firstSeenAt, lastSeenAt: NOW });
    // Listed for indexing, as an import's papers are; nothing is left to undo.
    expect((await db.toIndex.toCollection().primaryKeys()).sort()).toEqual(
      [oldSeen.id, seenAgain.id, recentSeen.id].sort(),
    );
    expect(await clearedCount(db)).toBe(0);
    expect(await undoClear(db)).toEqual([]);
  });

  it('has nothing to undo once the page let the cleared papers go, or after another clear', async () => {
    const db = freshDb();
    await library(db);
    expect(await clearSeen(db, NOW)).toBe(3);
    await forgetCleared(db);
    expect(await undoClear(db)).toEqual([]);
    await putPapers(db, [paper(1)]);
    expect(await clearSeen(db, NOW)).toBe(1);
    expect((await undoClear(db)).length).toBe(1);
  });

  it('a worker start a day after a clear lets the cleared papers go (a page that closed without saying)', async () => {
    const db = freshDb();
    await library(db);
    expect(await clearSeen(db, NOW)).toBe(3);
    await forgetStaleCleared(db, NOW + DAY - 1);
    expect(await clearedCount(db)).toBe(3);
    await forgetStaleCleared(db, NOW + DAY);
    expect(await clearedCount(db)).toBe(0);
  });
});
