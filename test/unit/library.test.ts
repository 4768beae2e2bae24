import { describe, expect, it } from 'vitest';
import { handle as handleAny, type HandlerContext } from '../../src/background/handlers';
import {
  deletePapers,
  libraryRows,
  restorePapers,
  setReadMany,
  tagMany,
  type LibraryQuery,
} from '../../src/db/library';
import { addManyToList, createList, listPapers, setListMembership } from '../../src/db/lists';
import { hasOwnState, putPapers, withDerived } from '../../src/db/papers';
import type { PapershelfDb } from '../../src/db/schema';
import { exportText } from '../../src/export/formats';
import type { Paper } from '../../src/shared/model';
import type { RequestOf, RequestType, ResponseMap } from '../../src/shared/protocol';
import { parseRequest } from '../../src/shared/requests';
import type { TagChange } from '../../src/db/tag-models';
import { freshDb } from './db';
import { seedPapers } from './seed';
import { workerContext } from './worker-context';

const NOW = new Date('2026-11-25T12:00:00Z');
const ids = (papers: { id: string }[]) => papers.map((p) => p.id);

/** Five papers with distinct dates, titles in mixed case, some tags and read marks. */
function paper(id: string, title: string, seen: number, extra: Partial<Paper> = {}): Paper {
  return withDerived({
    id,
    title,
    authors: ['Ada Lovelace'],
    firstSeenAt: seen,
    firstSeenUrl: 'https://huggingface.co/papers',
    lastSeenAt: seen,
    updatedAt: seen,
    ...extra,
  });
}
const SMALL = [
  paper('2401.00001', 'banana models', 100, { readAt: 500, tags: ['zoo', 'Beta'] }),
  paper('2401.00002', 'Apple attention', 200, { tags: ['alpha'] }),
  paper('2401.00003', 'cherry diffusion', 300, { readAt: 400 }),
  paper('2401.00004', 'Äpfel und Birnen', 400),
  paper('2401.00005', 'date graphs', 500, { readAt: 600, tags: ['beta'] }),
];

async function small(): Promise<PapershelfDb> {
  const db = freshDb();
  await putPapers(db, SMALL);
  return db;
}

const rows = async (db: PapershelfDb, q: Partial<LibraryQuery>) => {
  const page = await libraryRows(db, { sort: 'seen', descending: true, filter: '', limit: 100, ...q });
  return { ids: ids(page.papers), total: page.total };
};

describe('library table rows', () => {
  it('sorts by seen date, read date (unread last either way), title and first tag (untagged last)', async () => {
    const db = await small();
    expect(await rows(db, { sort: 'seen' })).toEqual({
      ids: ['2401.00005', '2401.00004', '2401.00003', '2401.00002', '2401.00001'],
      total: 5,
    });
    expect((await rows(db, { sort: 'seen', descending: false })).ids).toEqual([
      '2401.00001',
      '2401.00002',
      '2401.00003',
      '2401.00004',
      '2401.00005',
    ]);
    expect((await rows(db, { sort: 'read' })).ids).toEqual([
      '2401.00005',
      '2401.00001',
      '2401.00003',
      '2401.00004',
      '2401.00002',
    ]);
    expect((await rows(db, { sort: 'read', descending: false })).ids).toEqual([
      '2401.00003',
      '2401.00001',
      '2401.00005',
      '2401.00004',
      '2401.00002',
    ]);
    // Case does not matter, and "Äpfel" sorts with the A's.
    expect((await rows(db, { sort: 'title', descending: false })).ids).toEqual([
      '2401.00004',
      '2401.00002',
      '2401.00001',
      '2401.00003',
      '2401.00005',
    ]);
    expect((await rows(db, { sort: 'title' })).ids).toEqual([
      '2401.00005',
      '2401.00003',
      '2401.00001',
      '2401.00002',
      '2401.00004',
    ]);
    // First tags: 00001 → Beta, 00002 → alpha, 00005 → beta (ties with Beta: newer first).
    expect((await rows(db, { sort: 'tag', descending: false })).ids).toEqual([
      '2401.00002',
      '2401.00005',
      '2401.00001',
      '2401.00004',
      '2401.00003',
    ]);
    expect((await rows(db, { sort: 'tag' })).ids).toEqual([
      '2401.00005',
      '2401.00001',
      '2401.00002',
      '2401.00004',
      '2401.00003',
    ]);
  });

  it('returns only `limit` rows but counts them all, and a larger limit extends the same order', async () => {
    const db = await small();
    for (const sort of ['seen', 'read', 'title', 'tag'] as const) {
      for (const descending of [true, false]) {
        const all = await rows(db, { sort, descending });
        for (const limit of [1, 2, 3, 4])
          expect(await rows(db, { sort, descending, limit }), `${sort} ${descending} ${limit}`).toEqual({
            ids: all.ids.slice(0, limit),
            total: 5,
          });
        // The filtered path sorts in memory: it must agree with the index path.
        expect((await rows(db, { sort, descending, filter: 'ada' })).ids, `${sort} ${descending} filtered`).toEqual(
          all.ids,
        );
      }
    }
  });

  it('filters with the popup’s search syntax, then sorts', async () => {
    const db = await small();
    expect(await rows(db, { filter: 'is:read', sort: 'title', descending: false })).toEqual({
      ids: ['2401.00001', '2401.00003', '2401.00005'],
      total: 3,
    });
    expect(await rows(db, { filter: 'tag:beta', limit: 1 })).toEqual({ ids: ['2401.00005'], total: 2 });
    expect(await rows(db, { filter: 'diffusion' })).toEqual({ ids: ['2401.00003'], total: 1 });
    expect(await rows(db, { filter: 'nothing-like-this' })).toEqual({ ids: [], total: 0 });
    expect((await rows(db, { filter: '   ' })).total).toBe(5);
  });

  it('pages through 10,000 papers', { timeout: 60_000 }, async () => {
    const db = freshDb();
    const many = Array.from({ length: 10_000 }, (_, i) =>
      paper(
        `2402.${String(i).padStart(5, '0')}`,
        `Paper ${String(10_000 - i).padStart(5, '0')}`,
        1000 + i,
        i % 2 ? { readAt: 50_000 + i } : { tags: [`t${i % 7}`] },
      ),
    );
    await putPapers(db, many);
    const seen = await rows(db, { sort: 'seen' });
    expect(seen.total).toBe(10_000);
    expect(seen.ids).toHaveLength(100);
    expect(seen.ids[0]).toBe('2402.09999');
    expect((await rows(db, { sort: 'title', descending: false, limit: 2 })).ids).toEqual(['2402.09999', '2402.09998']);
    expect((await rows(db, { sort: 'read', limit: 1 })).ids).toEqual(['2402.09999']);
    const tag = await rows(db, { sort: 'tag', descending: false, limit: 100 });
    expect(tag.ids).toHaveLength(100);
    expect(tag.ids[0]).toBe('2402.09996'); // t0, newest first
  });
});

describe('bulk changes', () => {
  it('marks many read in one go, keeping earlier read dates and writing only what changes', async () => {
    const db = await small();
    const changed = await setReadMany(db, ['2401.00001', '2401.00002', '2401.00002', '2499.99999'], true, 9000);
    expect(ids(changed)).toEqual(['2401.00002']);
    expect(await db.papers.get('2401.00001')).toMatchObject({ readAt: 500, updatedAt: 100 });
    expect(await db.papers.get('2401.00002')).toMatchObject({ readAt: 9000, updatedAt: 9000 });
    expect(await db.papers.get('2499.99999')).toBeUndefined();
    expect(ids(await setReadMany(db, ['2401.00001', '2401.00004'], false, 9001))).toEqual(['2401.00001']);
    expect((await db.papers.get('2401.00001'))?.readAt).toBeUndefined();
  });

  it('tags many: same tag in any case is the same tag, the library’s spelling wins, search finds them', async () => {
    const db = await small();
    const changed = await tagMany(db, ['2401.00001', '2401.00003', '2401.00004'], '  BETA ', 9000);
    expect(ids(changed)).toEqual(['2401.00003', '2401.00004']); // 00001 has "Beta" already
    expect((await db.papers.get('2401.00003'))?.tags).toEqual(['Beta']);
    expect((await db.papers.get('2401.00001'))?.tags).toEqual(['zoo', 'Beta']);
    expect((await rows(db, { filter: 'tag:beta' })).total).toBe(4);
    await tagMany(db, ['2401.00004'], 'fresh tag', 9001);
    expect((await db.papers.get('2401.00004'))?.tags).toEqual(['Beta', 'fresh tag']);
    await expect(tagMany(db, ['2401.00004'], ' , ', 9002)).rejects.toThrow(/empty/);
  });

  it('adds many to a list in the given order, skipping members and unknown papers', async () => {
    const db = await small();
    const list = await createList(db, 'Thesis', 1);
    await setListMembership(db, list.id, '2401.00003', true, 2);
    expect(
      await addManyToList(db, list.id, ['2401.00005', '2401.00003', '2499.99999', '2401.00001', '2401.00005'], 3),
    ).toBe(2);
    expect(ids(await listPapers(db, list.id))).toEqual(['2401.00003', '2401.00005', '2401.00001']);
    await expect(addManyToList(db, 'list-gone', ['2401.00001'], 4)).rejects.toThrow(/no longer exists/);
  });

  it('deletes papers with their list entries, and restoring gives back the identical backup', async () => {
    const db = freshDb();
    await putPapers(db, seedPapers());
    const victims = ids(seedPapers().slice(0, 5));
    await tagMany(db, victims.slice(0, 2), 'keep me', 5);
    const list = await createList(db, 'Reading group', 6);
    await addManyToList(db, list.id, [victims[1]!, seedPapers()[9]!.id, victims[3]!], 7);
    const before = await exportText(db, 'backup', 'all', NOW);

    const snapshot = await deletePapers(db, [...victims, '2499.99999']);
    expect(ids(snapshot.papers).sort()).toEqual([...victims].sort());
    expect(snapshot.papers.every((p) => p.unindexed === undefined)).toBe(true);
    expect(snapshot.entries.map((e) => e.paperId)).toEqual(expect.arrayContaining([victims[1], victims[3]]));
    expect(await db.papers.bulkGet(victims)).toEqual(victims.map(() => undefined));
    // Their search words go with them: a search no longer finds them, an undo finds them again.
    expect(await db.paperWords.bulkGet(victims)).toEqual(victims.map(() => undefined));
    expect(await db.searchCards.bulkGet(victims)).toEqual(victims.map(() => undefined));
    expect(ids(await listPapers(db, list.id))).toEqual([seedPapers()[9]!.id]);

    // The snapshot crosses the message boundary as JSON and through the worker's validation.
    const sent = parseRequest(JSON.parse(JSON.stringify({ type: 'papers/restore', ...snapshot })));
    expect(sent.ok).toBe(true);
    await restorePapers(db, snapshot);
    expect(await exportText(db, 'backup', 'all', NOW)).toBe(before);
    expect((await rows(db, { filter: 'tag:"keep me"' })).total).toBe(2);
    expect((await db.searchCards.bulkGet(victims)).every((c) => c !== undefined)).toBe(true);
    // Abstract words, for the papers the user did something with (a paper only seen has none).
    const kept = snapshot.papers.filter((p) => hasOwnState(p) && p.abstract).map((p) => p.id);
    expect(kept.length).toBeGreaterThan(0);
    expect((await db.paperWords.bulkGet(kept)).every((w) => w !== undefined && w.words.length > 0)).toBe(true);
  });
});

/** The handler's answer, typed by the request. */
const handle = <T extends RequestType>(msg: RequestOf<T>, ctx: HandlerContext) =>
  handleAny(msg, ctx) as Promise<ResponseMap[T]>;

function context() {
  const retrained: TagChange[] = [];
  const { ctx, pushed } = workerContext({
    learnt: {
      active: async () => false,
      suggest: async () => new Map(),
      tagsChanged: (c) => retrained.push(c),
      settled: async () => undefined,
    },
  });
  return { ctx, pushed: pushed.states, retrained };
}

describe('library handlers', () => {
  it('bulk read and tag push the changed states and retrain after tagging', async () => {
    const { ctx, pushed, retrained } = context();
    await putPapers(ctx.db, SMALL);
    expect(await handle({ type: 'papers/setReadMany', ids: ['2401.00001', '2401.00002'], read: true }, ctx)).toEqual({
      changed: 1,
    });
    expect(pushed).toEqual([[expect.objectContaining({ id: '2401.00002', read: true })]]);
    expect(await handle({ type: 'papers/tagMany', ids: ['2401.00002', '2401.00004'], tag: 'ml' }, ctx)).toEqual({
      changed: 2,
    });
    expect(pushed[1]!.map((s) => [s.id, s.tags])).toEqual([
      ['2401.00002', ['alpha', 'ml']],
      ['2401.00004', ['ml']],
    ]);
    expect(retrained).toEqual(['all']);
    const list = await handle({ type: 'lists/create', name: 'Later' }, ctx);
    expect(await handle({ type: 'lists/addMany', listId: list.id, ids: ['2401.00004', '2401.00002'] }, ctx)).toEqual({
      added: 2,
    });
    expect(ids(await listPapers(ctx.db, list.id))).toEqual(['2401.00004', '2401.00002']);
  });

  it('delete answers with a snapshot that restore puts back; tabs hear both', async () => {
    const { ctx, pushed, retrained } = context();
    await putPapers(ctx.db, SMALL);
    const before = await exportText(ctx.db, 'backup', 'all', NOW);
    const snapshot = await handle({ type: 'papers/delete', ids: ['2401.00001', '2401.00003'] }, ctx);
    expect(ids(snapshot.papers)).toEqual(['2401.00001', '2401.00003']);
    expect(pushed[0]).toEqual([
      { id: '2401.00001', read: false, saved: false, tags: [], note: '', suggestions: [], asOf: expect.any(Number) },
      { id: '2401.00003', read: false, saved: false, tags: [], note: '', suggestions: [], asOf: expect.any(Number) },
    ]);
    expect(await handle({ type: 'papers/restore', ...snapshot }, ctx)).toEqual({ restored: 2 });
    expect(pushed[1]!.map((s) => [s.id, s.read])).toEqual([
      ['2401.00001', true],
      ['2401.00003', true],
    ]);
    expect(await exportText(ctx.db, 'backup', 'all', NOW)).toBe(before);
    expect(retrained).toEqual(['all', 'all']);
  });

  it('refuses malformed bulk requests before anything is written', () => {
    expect(parseRequest({ type: 'papers/tagMany', ids: ['2401.00001'], tag: '' }).ok).toBe(false);
    expect(parseRequest({ type: 'papers/setReadMany', ids: ['not an id'], read: true }).ok).toBe(false);
    expect(parseRequest({ type: 'papers/delete', ids: Array(200_001).fill('2401.00001') }).ok).toBe(false);
    expect(parseRequest({ type: 'papers/restore', papers: [{ id: '2401.00001', title: 'x' }], entries: [] }).ok).toBe(
      false,
    );
    expect(parseRequest({ type: 'lists/addMany', listId: 'nope', ids: [] }).ok).toBe(false);
  });
});
