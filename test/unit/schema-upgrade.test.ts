import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  openDatabase,
  V1_STORES,
  V2_STORES,
  V3_STORES,
  V4_STORES,
  V5_STORES,
  V6_STORES,
  V7_STORES,
  V11_STORES,
  V12_STORES,
} from '../../src/db/schema';
import { openRecordingDatabase } from '../../src/db/recording';
import { setRecording } from '../../src/db/sync-store';
import { setPaperState } from '../../src/db/papers';
import { createList, listSummaries, setListMembership } from '../../src/db/lists';
import { indexPending } from '../../src/db/papers';
import { searchCards, searchPapers } from '../../src/db/search';
import { setTag, tagCounts } from '../../src/db/annotations';
import { queuePage } from '../../src/db/papers';
import { readSettings } from '../../src/db/settings';
import { exportText } from '../../src/export/formats';
import { handle } from '../../src/background/handlers';
import { workerContext } from './worker-context';

let n = 0;

/** Papers whose record still carries the words versions 4 to 6 kept in it. */
const withWordsInRecord = async (db: ReturnType<typeof openDatabase>) =>
  (await db.papers.toArray()).filter((p) => 'words' in p).length;

/** A database as version 1 of Papershelf left it, with data in it. */
async function makeV1(name: string, dimRead: boolean | undefined) {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.table('papers').bulkPut([
    {
      id: '2407.21783',
      title: 'The Llama 3 Herd of Models',
      authors: ['A'],
      firstSeenAt: 1,
      firstSeenUrl: 'https://huggingface.co/papers',
      lastSeenAt: 1,
      savedAt: 5,
      toReadSince: 5,
      updatedAt: 5,
    },
    {
      id: '2404.01300',
      title: 'Other',
      authors: [],
      firstSeenAt: 2,
      firstSeenUrl: 'https://huggingface.co/papers',
      lastSeenAt: 2,
      readAt: 6,
      updatedAt: 6,
    },
  ]);
  if (dimRead !== undefined) await v1.table('settings').put({ key: 'dimRead', value: dimRead, updatedAt: 7 });
  v1.close();
}

describe('schema upgrade 1 → 2', () => {
  it('keeps every paper and queue, and adds the Opened index', async () => {
    const name = `upgrade-${++n}`;
    await makeV1(name, undefined);
    const db = openDatabase(name);
    expect(await db.papers.count()).toBe(2);
    expect((await queuePage(db, 'toRead', 10)).map((p) => p.id)).toEqual(['2407.21783']);
    expect((await queuePage(db, 'read', 10)).map((p) => p.id)).toEqual(['2404.01300']);
    expect(await queuePage(db, 'opened', 10)).toEqual([]);
    expect(await db.papers.get('2407.21783')).toMatchObject({
      title: 'The Llama 3 Herd of Models',
      savedAt: 5,
      updatedAt: 5,
    });
    expect(db.verno).toBeGreaterThanOrEqual(2);
  });

  it('turns "dim read cards: off" into showing read papers as usual on Hugging Face', async () => {
    const name = `upgrade-${++n}`;
    await makeV1(name, false);
    const db = openDatabase(name);
    expect(await readSettings(db)).toEqual({
      readDisplay: { huggingface: 'show', arxiv: 'dim' },
      keyboard: true,
      rules: [],
      tagColors: {},
      keepSeen: 'forever',
    });
    expect(await db.settings.get('dimRead' as never)).toBeUndefined();
  });

  it('keeps dimming where it was on', async () => {
    const name = `upgrade-${++n}`;
    await makeV1(name, true);
    expect(await readSettings(openDatabase(name))).toEqual({
      readDisplay: { huggingface: 'dim', arxiv: 'dim' },
      keyboard: true,
      rules: [],
      tagColors: {},
      keepSeen: 'forever',
    });
  });
});

describe('schema upgrade 2 → 3', () => {
  it('keeps every paper and setting, and makes tags findable', async () => {
    const name = `upgrade-${++n}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(V2_STORES);
    await v2.table('papers').bulkPut([
      {
        id: '1706.03762',
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani'],
        firstSeenAt: 1,
        firstSeenUrl: 'https://arxiv.org/abs/1706.03762',
        lastSeenAt: 1,
        openedAt: 1,
        readAt: 2,
        updatedAt: 2,
      },
    ]);
    await v2.table('settings').put({ key: 'readDisplay', value: { huggingface: 'hide', arxiv: 'dim' }, updatedAt: 3 });
    v2.close();
    const db = openDatabase(name);
    expect(await db.papers.get('1706.03762')).toMatchObject({
      title: 'Attention Is All You Need',
      openedAt: 1,
      readAt: 2,
    });
    expect(await readSettings(db)).toEqual({
      readDisplay: { huggingface: 'hide', arxiv: 'dim' },
      keyboard: true,
      rules: [],
      tagColors: {},
      keepSeen: 'forever',
    });
    await setTag(db, '1706.03762', 'transformers', true, 10);
    expect(await tagCounts(db)).toEqual([{ name: 'transformers', count: 1 }]);
    expect(db.verno).toBeGreaterThanOrEqual(3);
  });
});

describe('schema upgrade 3 → 4', () => {
  it('gives every existing paper its search words', async () => {
    const name = `upgrade-${++n}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(V3_STORES);
    await v3.table('papers').put({
      id: '1706.03762',
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani'],
      tags: ['Transformers'],
      note: 'Read §3',
      firstSeenAt: 1,
      firstSeenUrl: 'x',
      lastSeenAt: 1,
      updatedAt: 2,
    });
    v3.close();
    const db = openDatabase(name);
    expect(db.verno).toBeGreaterThanOrEqual(4);
    // Since version 7 the worker indexes upgraded papers in the background.
    await indexPending(db);
    const found = async (q: string) => (await searchPapers(db, q)).map((h) => h.paper.id);
    expect(await found('vaswan')).toEqual(['1706.03762']);
    expect(await found('transformers')).toEqual(['1706.03762']);
    expect(await db.papers.get('1706.03762')).toMatchObject({
      title: 'Attention Is All You Need',
      note: 'Read §3',
      updatedAt: 2,
    });
  });
});

describe('schema upgrade 4 → 5', () => {
  it('keeps papers and their words, and finds papers still to index', async () => {
    const name = `upgrade-${++n}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(V4_STORES);
    await v4.table('papers').put({
      id: '1706.03762',
      title: 'Attention Is All You Need',
      authors: [],
      words: ['attention', 'need'],
      firstSeenAt: 1,
      firstSeenUrl: 'x',
      lastSeenAt: 1,
      updatedAt: 2,
    });
    v4.close();
    const db = openDatabase(name);
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await indexPending(db)).toBe(1);
    expect((await searchPapers(db, 'atten')).map((h) => h.paper.id)).toEqual(['1706.03762']);
    expect(await db.papers.where('unindexed').equals(1).count()).toBe(0);
  });
});

describe('schema upgrade 5 → 6', () => {
  it('keeps every paper and setting, and starts with no custom lists', async () => {
    const name = `upgrade-${++n}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(V5_STORES);
    await v5.table('papers').put({
      id: '1706.03762',
      title: 'Attention Is All You Need',
      authors: [],
      tags: ['nlp'],
      note: 'key paper',
      savedAt: 3,
      toReadSince: 3,
      words: ['attention', 'need'],
      firstSeenAt: 1,
      firstSeenUrl: 'x',
      lastSeenAt: 1,
      updatedAt: 3,
    });
    await v5.table('settings').put({ key: 'keyboard', value: false, updatedAt: 2 });
    v5.close();
    const db = openDatabase(name);
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await db.papers.get('1706.03762')).toMatchObject({ tags: ['nlp'], note: 'key paper', toReadSince: 3 });
    expect(await db.settings.get('keyboard')).toEqual({ key: 'keyboard', value: false, updatedAt: 2 });
    expect(await listSummaries(db)).toEqual([]);
    const list = await createList(db, 'Reading group', 10);
    await setListMembership(db, list.id, '1706.03762', true, 11);
    expect(await listSummaries(db)).toEqual([{ id: list.id, name: 'Reading group', count: 1 }]);
  });
});

describe('schema upgrade 6 → 7', () => {
  it('moves search words out of the paper records; the worker then indexes every paper', async () => {
    const name = `upgrade-${++n}`;
    const v6 = new Dexie(name);
    v6.version(6).stores(V6_STORES);
    const paper = {
      id: '1706.03762',
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani'],
      tags: ['nlp'],
      note: 'key paper',
      savedAt: 3,
      toReadSince: 3,
      firstSeenAt: 1,
      firstSeenUrl: 'x',
      lastSeenAt: 1,
      updatedAt: 3,
    };
    await v6.table('papers').bulkPut([
      { ...paper, words: ['attention', 'need', 'vaswani', 'nlp', 'key', 'paper'] },
      {
        id: '2312.00752',
        title: 'Mamba: Linear-Time Sequence Modeling',
        authors: [],
        firstSeenAt: 2,
        firstSeenUrl: 'import:backup',
        lastSeenAt: 2,
        updatedAt: 2,
        unindexed: 1,
      },
    ]);
    await v6.table('lists').put({ id: 'l1', name: 'Reading group', createdAt: 1, updatedAt: 1 });
    await v6.table('listEntries').put({ listId: 'l1', paperId: '1706.03762', position: 0, addedAt: 1, updatedAt: 1 });
    v6.close();
    const db = openDatabase(name);
    expect(db.verno).toBeGreaterThanOrEqual(7);
    // The upgrade itself touches no paper (it must stay quick with 10,000 of them): every field the
    // user made is there, lists and queues work; search waits for the worker's migration.
    expect(await db.papers.get('1706.03762')).toEqual({
      ...paper,
      words: ['attention', 'need', 'vaswani', 'nlp', 'key', 'paper'],
    });
    expect(await listSummaries(db)).toEqual([{ id: 'l1', name: 'Reading group', count: 1 }]);
    expect((await queuePage(db, 'toRead', 10)).map((p) => p.id)).toEqual(['1706.03762']);
    // Until the worker has moved a paper over, search does not find it (since version 9, which
    // dropped the index of the words the record still holds), as a paper just imported.
    expect(await searchPapers(db, 'vaswani')).toEqual([]);
    expect(await searchPapers(db, 'mamba')).toEqual([]);
    // A backup taken meanwhile has no words in it.
    expect(await exportText(db, 'backup', 'all', new Date(0))).not.toMatch(/"words"/);

    expect(await indexPending(db)).toBe(2);
    expect(await indexPending(db)).toBe(0);
    expect(await db.papers.get('1706.03762')).toEqual(paper);
    // No abstract: every word it is found by is in its search card, and it has no word row (version 13).
    expect(await db.paperWords.get('1706.03762')).toBeUndefined();
    // Its search card: what a result shows and filters by, and the words that rank first.
    const { id, title, authors, tags, note, savedAt, toReadSince, firstSeenAt } = paper;
    expect(await db.searchCards.get('1706.03762')).toEqual({
      id,
      title,
      authors,
      tags,
      note,
      savedAt,
      toReadSince,
      firstSeenAt,
      keyWords: expect.arrayContaining(['attention', 'vaswani', 'nlp', 'key']),
    });
    expect((await searchPapers(db, 'vaswani')).map((h) => h.paper.id)).toEqual(['1706.03762']);
    expect((await searchCards(db, 'attention nlp')).map((h) => h.paper.id)).toEqual(['1706.03762']);
    expect((await searchPapers(db, 'mamba linear')).map((h) => h.paper.id)).toEqual(['2312.00752']);
  });
});

describe('schema upgrade 7 → 8 (→ 9)', () => {
  it('drops the paper indexes no query reads (three in 8, the words in 9), and keeps every paper, queue and count', async () => {
    const name = `upgrade-${++n}`;
    const v7 = new Dexie(name);
    v7.version(7).stores(V7_STORES);
    const saved = {
      id: '1706.03762',
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani'],
      tags: ['nlp'],
      savedAt: 3,
      toReadSince: 3,
      firstSeenAt: 1,
      firstSeenUrl: 'x',
      lastSeenAt: 4,
      updatedAt: 3,
    };
    const read = {
      id: '2312.00752',
      title: 'Mamba',
      authors: [],
      readAt: 5,
      openedAt: 5,
      firstSeenAt: 2,
      firstSeenUrl: 'x',
      lastSeenAt: 5,
      updatedAt: 5,
    };
    await v7.table('papers').bulkPut([saved, read]);
    v7.close();
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(14);
    const indexes = db.papers.schema.indexes.map((i) => i.name).sort();
    expect(indexes).toEqual(['firstSeenAt', 'openedAt', 'readAt', 'tags', 'toReadSince', 'unindexed']);
    // IndexedDB itself, not only Dexie's idea of it.
    expect([...db.backendDB().transaction('papers').objectStore('papers').indexNames].sort()).toEqual(indexes);
    expect(await db.papers.get('1706.03762')).toEqual(saved);
    expect(await db.papers.get('2312.00752')).toEqual(read);
    expect((await queuePage(db, 'toRead', 10)).map((p) => p.id)).toEqual(['1706.03762']);
    expect((await queuePage(db, 'read', 10)).map((p) => p.id)).toEqual(['2312.00752']);
    expect((await queuePage(db, 'opened', 10)).map((p) => p.id)).toEqual(['2312.00752']);
    expect((await queuePage(db, 'seen', 10)).map((p) => p.id)).toEqual(['2312.00752', '1706.03762']);
    expect(await tagCounts(db)).toEqual([{ name: 'nlp', count: 1 }]);
  });
});

describe('schema upgrade 11 → 12', () => {
  it('keeps every paper and the papers still to index, and starts with no write stamps', async () => {
    const name = `upgrade-${++n}`;
    const v11 = new Dexie(name);
    v11.version(11).stores(V11_STORES);
    const read = {
      id: '2312.00752',
      title: 'Mamba',
      authors: [],
      readAt: 5,
      firstSeenAt: 2,
      firstSeenUrl: 'x',
      lastSeenAt: 5,
      updatedAt: 5,
    };
    await v11.table('papers').put(read);
    await v11.table('toIndex').put({ id: '2312.00752' });
    v11.close();
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(14);
    expect(await db.papers.get('2312.00752')).toEqual(read);
    expect(await db.toIndex.toArray()).toEqual([{ id: '2312.00752' }]);
    expect(await db.fieldStamps.count()).toBe(0);
    // A paper without stamps takes the next write to any field, then orders the ones after it.
    const { ctx } = workerContext({ db });
    await handle({ type: 'paper/setRead', id: '2312.00752', read: false, at: 200 }, ctx);
    await handle({ type: 'paper/setRead', id: '2312.00752', read: true, at: 100 }, ctx);
    expect((await db.papers.get('2312.00752'))?.readAt).toBeUndefined();
    expect(await db.fieldStamps.get('2312.00752')).toEqual({ id: '2312.00752', at: { read: 200 } });
  });
});

describe('schema upgrade 12 → 13', () => {
  it('keeps every paper and finds it as before; the worker then keeps abstract words only for papers the user acted on', async () => {
    const name = `upgrade-${++n}`;
    const v12 = new Dexie(name);
    v12.version(12).stores(V12_STORES);
    const paper = (id: string, more: object) => ({
      id,
      title: 'Mamba linear time',
      authors: ['Albert Gu'],
      abstract: 'Selective state spaces.',
      firstSeenAt: 2,
      firstSeenUrl: 'x',
      lastSeenAt: 5,
      updatedAt: 5,
      ...more,
    });
    const read = paper('2312.00752', { readAt: 5 });
    const seen = paper('2312.00753', {});
    await v12.table('papers').bulkPut([read, seen]);
    // As version 12 wrote them: every field's words in the row.
    const all = ['2312.00752', 'mamba', 'linear', 'time', 'albert', 'selective', 'state', 'spaces'];
    await v12.table('paperWords').bulkPut([
      { id: read.id, words: all },
      { id: seen.id, words: ['2312.00753', ...all.slice(1)] },
    ]);
    for (const p of [read, seen])
      await v12.table('searchCards').put({
        id: p.id,
        title: p.title,
        authors: p.authors,
        firstSeenAt: 2,
        ...(p === read ? { readAt: 5 } : {}),
        keyWords: [p.id, 'mamba', 'linear', 'time', 'albert'],
      });
    v12.close();
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(14);
    const found = async (q: string) => (await searchPapers(db, q)).map((h) => h.paper.id).sort();
    // The upgrade rewrites nothing: search reads the old rows as before.
    expect(await db.derived.get('wordsMigration')).toMatchObject({ value: '' });
    expect(await found('selective')).toEqual([read.id, seen.id]);
    expect(await indexPending(db)).toBe(0);
    expect(await db.derived.get('wordsMigration')).toBeUndefined();
    expect(await db.papers.toArray()).toEqual([read, seen]);
    expect(await db.paperWords.toArray()).toEqual([{ id: read.id, words: ['selective', 'state', 'spaces'] }]);
    expect(await found('selective')).toEqual([read.id]);
    expect(await found('mamba albert')).toEqual([read.id, seen.id]);
    expect(await found('albert spaces')).toEqual([read.id]);
  });
});

describe('schema upgrade 13 → 14', () => {
  it('keeps every record, adds the empty sync tables, and a write after it records its sync change', async () => {
    const name = `upgrade-${++n}`;
    const v13 = new Dexie(name);
    v13.version(13).stores(V12_STORES);
    const papers = [
      {
        id: '2312.00752',
        title: 'Mamba',
        authors: ['Albert Gu'],
        firstSeenAt: 2,
        firstSeenUrl: 'x',
        lastSeenAt: 5,
        readAt: 5,
        tags: ['ssm'],
        note: 'n',
        updatedAt: 5,
      },
      { id: '2312.00753', title: 'Seen', authors: [], firstSeenAt: 3, firstSeenUrl: 'x', lastSeenAt: 3, updatedAt: 3 },
    ];
    const list = { id: 'list-1', name: 'Group', createdAt: 1, updatedAt: 1 };
    const entry = { listId: 'list-1', paperId: '2312.00752', position: 0, addedAt: 1, updatedAt: 1 };
    const setting = { key: 'keyboard', value: false, updatedAt: 4 };
    await v13.table('papers').bulkPut(papers);
    await v13.table('lists').put(list);
    await v13.table('listEntries').put(entry);
    await v13.table('settings').put(setting);
    await v13.table('fieldStamps').put({ id: '2312.00752', at: { read: 5 } });
    v13.close();
    const db = openRecordingDatabase(name);
    await db.open();
    expect(db.verno).toBe(14);
    expect(await db.papers.toArray()).toEqual(papers);
    expect(await db.lists.toArray()).toEqual([list]);
    expect(await db.listEntries.toArray()).toEqual([entry]);
    expect(await db.settings.toArray()).toEqual([setting]);
    expect(await db.fieldStamps.count()).toBe(1);
    expect([await db.sync.count(), await db.syncPending.count(), await db.syncDocs.count()]).toEqual([0, 0, 0]);
    await setRecording(db, true);
    await setPaperState(db, '2312.00753', { saved: true }, 10);
    expect((await db.syncPending.toArray()).map((r) => r.change.kind)).toContain('saved');
  });
});

describe('the version 7 migration', () => {
  it('moves a large library over in batches, after which the mark is gone', { timeout: 60_000 }, async () => {
    const name = `upgrade-${++n}`;
    const v6 = new Dexie(name);
    v6.version(6).stores(V6_STORES);
    await v6.table('papers').bulkPut(
      Array.from({ length: 1_200 }, (_, i) => ({
        id: `2401.${String(10000 + i)}`,
        title: `Spectral methods part ${i}`,
        authors: ['Ada Lovelace'],
        words: ['spectral', 'methods', 'part'],
        firstSeenAt: i,
        firstSeenUrl: 'x',
        lastSeenAt: i,
        updatedAt: i,
      })),
    );
    v6.close();
    const db = openDatabase(name);
    expect(await db.derived.get('searchMigration')).toMatchObject({ value: '' });
    let batches = 0;
    expect(await indexPending(db, () => batches++)).toBe(1_200);
    // The worker's hook (which keeps it awake) runs after every batch of 100.
    expect(batches).toBeGreaterThanOrEqual(12);
    expect(await db.derived.get('searchMigration')).toBeUndefined();
    expect(await withWordsInRecord(db)).toBe(0);
    expect(await db.searchCards.count()).toBe(1_200);
    expect((await searchPapers(db, 'spectral lovelace', { limit: Infinity, everything: true })).length).toBe(1_200);
  });

  it('keeps what the user changes on a paper not moved over yet', async () => {
    const name = `upgrade-${++n}`;
    const v6 = new Dexie(name);
    v6.version(6).stores(V6_STORES);
    await v6.table('papers').bulkPut(
      ['2401.10001', '2401.10002', '2401.10003'].map((id, i) => ({
        id,
        title: `Paper ${i}`,
        authors: ['Ada Lovelace'],
        words: ['paper'],
        firstSeenAt: i,
        firstSeenUrl: 'x',
        lastSeenAt: i,
        updatedAt: i,
      })),
    );
    v6.close();
    const db = openDatabase(name);
    await setTag(db, '2401.10002', 'diffusion', true, 50);
    expect(await indexPending(db)).toBe(3);
    expect(await db.papers.get('2401.10002')).toMatchObject({ tags: ['diffusion'], updatedAt: 50 });
    expect(await db.papers.get('2401.10002')).not.toHaveProperty('words');
    expect((await searchCards(db, 'diffusion')).map((h) => h.paper.id)).toEqual(['2401.10002']);
  });

  it('is not started in a library created at version 7', async () => {
    const db = openDatabase(`fresh-${++n}`);
    await db.open();
    expect(await db.derived.get('searchMigration')).toBeUndefined();
    expect(await indexPending(db)).toBe(0);
  });

  it('goes on from where a stopped worker left it, losing and repeating nothing', async () => {
    const name = `upgrade-${++n}`;
    const v6 = new Dexie(name);
    v6.version(6).stores(V6_STORES);
    await v6.table('papers').bulkPut(
      Array.from({ length: 450 }, (_, i) => ({
        id: `2401.${String(10000 + i)}`,
        title: `Paper ${i}`,
        authors: ['Ada Lovelace'],
        words: ['paper'],
        firstSeenAt: i,
        firstSeenUrl: 'x',
        lastSeenAt: i,
        updatedAt: i,
      })),
    );
    v6.close();
    const db = openDatabase(name);
    // The worker dies during the batch that holds paper 250: that batch's transaction never commits.
    const stop = (id: string) => {
      if (id === '2401.10250') throw new Error('worker stopped');
    };
    db.searchCards.hook('creating', stop);
    await expect(indexPending(db)).rejects.toThrow('worker stopped');
    db.searchCards.hook('creating').unsubscribe(stop);
    const done = await db.searchCards.count();
    expect(done % 100).toBe(0);
    expect(done).toBeLessThan(450);
    expect(await db.derived.get('searchMigration')).toMatchObject({ value: `2401.${10000 + done - 1}` });
    // The next start does the rest.
    expect(await indexPending(db)).toBe(450 - done);
    expect(await db.searchCards.count()).toBe(450);
    expect(await withWordsInRecord(db)).toBe(0);
    expect(await db.derived.get('searchMigration')).toBeUndefined();
  });
});

describe('indexing after an import', () => {
  it('gives imported papers their search words in the background, in batches', async () => {
    const db = openDatabase(`index-${++n}`);
    await db.papers.bulkPut(
      Array.from({ length: 1_200 }, (_, i) => ({
        id: `2401.${String(10000 + i)}`,
        title: `Spectral methods part ${i}`,
        authors: ['Ada Lovelace'],
        firstSeenAt: i,
        firstSeenUrl: 'import:backup',
        lastSeenAt: i,
        updatedAt: i,
        unindexed: 1 as const,
      })),
    );
    expect(await searchPapers(db, 'spectral')).toEqual([]);
    expect(await indexPending(db)).toBe(1_200);
    expect(await db.papers.where('unindexed').equals(1).count()).toBe(0);
    expect((await searchPapers(db, 'spectral lovelace')).length).toBe(50);
    expect(await indexPending(db)).toBe(0);
  });
});
