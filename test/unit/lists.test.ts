import { describe, expect, it } from 'vitest';
import { applyImport } from '../../src/db/import';
import {
  addToNamedList,
  createList,
  deleteList,
  listByName,
  listPapers,
  listsOfPaper,
  listSummaries,
  renameList,
  reorderList,
  setListMembership,
} from '../../src/db/lists';
import type { PapershelfDb } from '../../src/db/schema';
import { exportText } from '../../src/export/formats';
import { readIdList } from '../../src/import/ids-reader';
import { previewImport } from '../../src/import/preview';
import { readImportText } from '../../src/import/read-file';
import { freshDb } from './db';
import { seedPapers } from './seed';

const NOW = new Date('2026-11-25T12:00:00Z');
const ids = (papers: { id: string }[]) => papers.map((p) => p.id);

async function libraryWithList(): Promise<{ db: PapershelfDb; listId: string; papers: string[] }> {
  const db = freshDb();
  const seed = seedPapers();
  await db.papers.bulkPut(seed);
  const list = await createList(db, '  Reading   group ', 1);
  const papers = ids(seed.slice(0, 4));
  for (const [i, id] of papers.entries()) await setListMembership(db, list.id, id, true, 10 + i);
  return { db, listId: list.id, papers };
}

describe('custom lists', () => {
  it('keeps papers in the order they were added, and a paper in several lists', async () => {
    const { db, listId, papers } = await libraryWithList();
    const other = await createList(db, 'Thesis', 2);
    await setListMembership(db, other.id, papers[2]!, true, 20);
    expect(ids(await listPapers(db, listId))).toEqual(papers);
    expect((await listsOfPaper(db, papers[2]!)).sort()).toEqual([listId, other.id].sort());
    expect(await listSummaries(db)).toEqual([
      { id: listId, name: 'Reading group', count: 4 },
      { id: other.id, name: 'Thesis', count: 1 },
    ]);
  });

  it('adding a paper twice keeps one entry; removing takes it out and keeps the paper', async () => {
    const { db, listId, papers } = await libraryWithList();
    await setListMembership(db, listId, papers[0]!, true, 30);
    expect(ids(await listPapers(db, listId))).toEqual(papers);
    await setListMembership(db, listId, papers[0]!, false, 31);
    expect(ids(await listPapers(db, listId))).toEqual(papers.slice(1));
    expect(await db.papers.get(papers[0]!)).toBeDefined();
  });

  it('stores a new order, and refuses an order that does not name exactly the list’s papers', async () => {
    const { db, listId, papers } = await libraryWithList();
    const order = [papers[3]!, papers[0]!, papers[2]!, papers[1]!];
    await reorderList(db, listId, order, 40);
    expect(ids(await listPapers(db, listId))).toEqual(order);
    await expect(reorderList(db, listId, order.slice(1), 41)).rejects.toThrow(/changed meanwhile/);
    await expect(reorderList(db, listId, [...order.slice(1), order[1]!], 41)).rejects.toThrow(/changed meanwhile/);
    expect(ids(await listPapers(db, listId))).toEqual(order);
    // An added paper goes to the end of the stored order.
    const extra = seedPapers()[10]!.id;
    await setListMembership(db, listId, extra, true, 42);
    expect(ids(await listPapers(db, listId))).toEqual([...order, extra]);
  });

  it('refuses a second list of the same name in any case, and renames', async () => {
    const { db, listId } = await libraryWithList();
    await expect(createList(db, 'reading GROUP', 3)).rejects.toThrow(/already a list called “reading GROUP”/);
    await expect(createList(db, '   ', 3)).rejects.toThrow(/needs a name/);
    await renameList(db, listId, 'Journal club', 4);
    expect((await listByName(db, 'journal CLUB'))?.id).toBe(listId);
  });

  it('a card’s new list with its paper, sent again after a lost answer, makes one list with the paper once', async () => {
    const db = freshDb();
    const [paper] = ids(seedPapers());
    const made = await addToNamedList(db, ' Reading  group', paper!, 1);
    // The worker stopped after storing, before answering: the content script sends it again.
    const again = await addToNamedList(db, 'Reading group', paper!, 2);
    expect(again.id).toBe(made.id);
    expect(await listSummaries(db)).toEqual([{ id: made.id, name: 'Reading group', count: 1 }]);
    // A name already in use, in another case, puts the paper in that list rather than failing.
    const [, other] = ids(seedPapers());
    expect((await addToNamedList(db, 'READING GROUP', other!, 3)).id).toBe(made.id);
    expect(ids(await listPapers(db, made.id))).toEqual([paper, other]);
    await expect(addToNamedList(db, '   ', paper!, 4)).rejects.toThrow('A list needs a name.');
  });

  it('deleting a list removes its entries and keeps the papers', async () => {
    const { db, listId, papers } = await libraryWithList();
    await deleteList(db, listId);
    expect(await listSummaries(db)).toEqual([]);
    expect(await db.listEntries.count()).toBe(0);
    expect(await db.papers.bulkGet(papers)).not.toContain(undefined);
  });

  it('a paper added to a list before any page reported it is created with its id', async () => {
    const db = freshDb();
    const list = await createList(db, 'Later', 1);
    await setListMembership(db, list.id, '1706.03762', true, 2, 'https://arxiv.org/abs/1706.03762');
    expect(await db.papers.get('1706.03762')).toMatchObject({
      id: '1706.03762',
      firstSeenUrl: 'https://arxiv.org/abs/1706.03762',
    });
    await expect(setListMembership(db, 'list-gone', '1706.03762', true, 3)).rejects.toThrow(/no longer exists/);
  });
});

describe('lists in backups and imports', () => {
  it('a backup restores lists and their order exactly into a fresh library', async () => {
    const { db, listId, papers } = await libraryWithList();
    await reorderList(db, listId, [...papers].reverse(), 50);
    const first = await exportText(db, 'backup', 'all', NOW);
    expect(JSON.parse(first)).toMatchObject({ version: 2, tables: { lists: [{ id: listId, name: 'Reading group' }] } });
    const target = freshDb();
    const plan = readImportText(first);
    expect(await previewImport(target, plan, NOW.getTime())).toMatchObject({ created: 57, listed: 4, newLists: 1 });
    await applyImport(target, plan.batch, NOW.getTime());
    expect(ids(await listPapers(target, listId))).toEqual([...papers].reverse());
    expect(await exportText(target, 'backup', 'all', NOW)).toBe(first);
    // Twice: nothing changes.
    expect(await previewImport(target, readImportText(first), NOW.getTime())).toMatchObject({
      created: 0,
      updated: 0,
      listed: 0,
      newLists: 0,
    });
  });

  it('unites memberships: the same list made on two machines becomes one, the library’s order first', async () => {
    const { db: other, papers } = await libraryWithList();
    const seed = seedPapers();
    const otherList = (await listByName(other, 'Reading group'))!;
    await setListMembership(other, otherList.id, seed[20]!.id, true, 60);
    const theirs = await exportText(other, 'backup', 'all', NOW);

    const db = freshDb();
    await db.papers.bulkPut(seed);
    const mine = await createList(db, 'reading group', 5);
    await setListMembership(db, mine.id, papers[3]!, true, 6);
    await applyImport(db, readImportText(theirs).batch, NOW.getTime());
    expect(await listSummaries(db)).toEqual([{ id: mine.id, name: 'reading group', count: 5 }]);
    expect(ids(await listPapers(db, mine.id))).toEqual([papers[3]!, papers[0]!, papers[1]!, papers[2]!, seed[20]!.id]);
  });

  it('pasted ids go to the end of a chosen list', async () => {
    const { db, listId, papers } = await libraryWithList();
    const plan = readIdList(`${papers[1]} https://arxiv.org/abs/1706.03762v5`, { listId }, NOW.getTime());
    expect(await previewImport(db, plan, NOW.getTime())).toMatchObject({ created: 1, listed: 1 });
    await applyImport(db, plan.batch, NOW.getTime());
    expect(ids(await listPapers(db, listId))).toEqual([...papers, '1706.03762']);
  });

  it('refuses backups whose entries name a list or paper the backup lacks, and changes nothing', async () => {
    const { db, listId, papers } = await libraryWithList();
    const backup = JSON.parse(await exportText(db, 'backup', 'all', NOW));
    const before = await exportText(db, 'backup', 'all', NOW);
    const badList = structuredClone(backup);
    badList.tables.listEntries[0].listId = 'list-missing';
    expect(() => readImportText(JSON.stringify(badList))).toThrow(
      /^Entry 1 of listEntries names the list "list-missing", which the backup does not have\.$/,
    );
    const badPaper = structuredClone(backup);
    badPaper.tables.listEntries[1].paperId = '1706.03762';
    expect(() => readImportText(JSON.stringify(badPaper))).toThrow(
      /^Entry 2 of listEntries names the paper "1706\.03762", which the backup does not have\.$/,
    );
    const twice = structuredClone(backup);
    twice.tables.listEntries.push({ ...twice.tables.listEntries[0], position: 9 });
    expect(() => readImportText(JSON.stringify(twice))).toThrow(/puts .* in the same list twice/);
    expect(await exportText(db, 'backup', 'all', NOW)).toBe(before);
    expect(ids(await listPapers(db, listId))).toEqual(papers);
  });

  it('Markdown of a list follows the list’s order; of everything, has a section per list', async () => {
    const { db, listId, papers } = await libraryWithList();
    await reorderList(db, listId, [papers[2]!, papers[0]!, papers[1]!, papers[3]!], 70);
    const seed = new Map(seedPapers().map((p) => [p.id, p.title]));
    const md = await exportText(db, 'markdown', { list: listId, name: 'Reading group' }, NOW);
    const titles = [...md.matchAll(/^- \[.\] \[([^\]]+)\]/gm)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
    expect(titles).toEqual([papers[2]!, papers[0]!, papers[1]!, papers[3]!].map((id) => seed.get(id)));
    expect(await exportText(db, 'markdown', 'all', NOW)).toMatch(/^## List: Reading group \(4\)$/m);
  });
});
