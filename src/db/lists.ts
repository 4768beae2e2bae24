/**
 * Custom lists: the user's own named lists of papers, kept in the order the user gives them.
 * Entries live in their own table so a paper can be in several lists and reordering a list
 * rewrites its entries only, never the papers.
 */
import type { ListEntry, ListSummary, Paper, PaperList } from '../shared/model';
import { blankPaper, paperTables, putPapers } from './papers';
import type { PapershelfDb } from './schema';

/** Names as the user means them: trimmed, inner spaces folded. */
export function normaliseListName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** A list's entries in the user's order. */
export const entriesOf = (db: PapershelfDb, listId: string) =>
  db.listEntries.where('[listId+position]').between([listId, -Infinity], [listId, Infinity]);

function newListId(): string {
  return `list-${crypto.randomUUID()}`;
}

async function nameTaken(db: PapershelfDb, name: string, except?: string): Promise<boolean> {
  const same = await db.lists.where('name').equalsIgnoreCase(name).toArray();
  return same.some((l) => l.id !== except);
}

/** Creates a list; a name already in use (in any case) is refused, so `list:` filters stay unambiguous. */
export async function createList(db: PapershelfDb, name: string, now: number): Promise<PaperList> {
  const clean = normaliseListName(name);
  if (!clean) throw new Error('A list needs a name.');
  return db.transaction('rw', db.lists, async () => {
    if (await nameTaken(db, clean)) throw new Error(`There is already a list called “${clean}”.`);
    const list: PaperList = { id: newListId(), name: clean, createdAt: now, updatedAt: now };
    await db.lists.add(list);
    return list;
  });
}

/**
 * Puts a paper in the list of that name, making the list if there is none (the card's "New list
 * with this paper"). One transaction, and the same outcome when it comes again: a request retried
 * because the worker stopped before answering neither fails on the list it made nor makes another.
 */
export async function addToNamedList(
  db: PapershelfDb,
  name: string,
  paperId: string,
  now: number,
  pageUrl = '',
): Promise<PaperList> {
  const clean = normaliseListName(name);
  if (!clean) throw new Error('A list needs a name.');
  return db.transaction('rw', [db.lists, db.listEntries, ...paperTables(db)], async () => {
    const [found] = await db.lists.where('name').equalsIgnoreCase(clean).toArray();
    const list = found ?? { id: newListId(), name: clean, createdAt: now, updatedAt: now };
    if (!found) await db.lists.add(list);
    await setListMembership(db, list.id, paperId, true, now, pageUrl);
    return list;
  });
}

export async function renameList(db: PapershelfDb, listId: string, name: string, now: number): Promise<PaperList> {
  const clean = normaliseListName(name);
  if (!clean) throw new Error('A list needs a name.');
  return db.transaction('rw', db.lists, async () => {
    const list = await db.lists.get(listId);
    if (!list) throw new Error('That list no longer exists.');
    if (await nameTaken(db, clean, listId)) throw new Error(`There is already a list called “${clean}”.`);
    const next = { ...list, name: clean, updatedAt: now };
    await db.lists.put(next);
    return next;
  });
}

/** Deletes a list and its entries; the papers themselves stay in the library. */
export async function deleteList(db: PapershelfDb, listId: string): Promise<void> {
  await db.transaction('rw', db.lists, db.listEntries, async () => {
    await entriesOf(db, listId).delete();
    await db.lists.delete(listId);
  });
}

/**
 * Puts a paper in a list (at the end) or takes it out. A paper the library has not recorded yet
 * (a click racing its page's first report) is created with what is known: its id.
 */
export async function setListMembership(
  db: PapershelfDb,
  listId: string,
  paperId: string,
  on: boolean,
  now: number,
  pageUrl = '',
): Promise<void> {
  await db.transaction('rw', [db.lists, db.listEntries, ...paperTables(db)], async () => {
    if (!(await db.lists.get(listId))) throw new Error('That list no longer exists.');
    if (!on) {
      await db.listEntries.delete([listId, paperId]);
      return;
    }
    if (await db.listEntries.get([listId, paperId])) return;
    const last = await entriesOf(db, listId).last();
    await db.listEntries.add({ listId, paperId, position: (last?.position ?? -1) + 1, addedAt: now, updatedAt: now });
    if (!(await db.papers.get(paperId))) {
      await putPapers(db, [blankPaper(paperId, now, pageUrl)]);
    }
  });
}

/**
 * Appends papers to a list in the given order, skipping those already in it and those the library
 * does not hold (deleted meanwhile). Returns how many were added.
 */
export async function addManyToList(
  db: PapershelfDb,
  listId: string,
  paperIds: readonly string[],
  now: number,
): Promise<number> {
  return db.transaction('rw', db.lists, db.listEntries, db.papers, async () => {
    if (!(await db.lists.get(listId))) throw new Error('That list no longer exists.');
    const unique = [...new Set(paperIds)];
    const [members, papers] = await Promise.all([
      db.listEntries.bulkGet(unique.map((id): [string, string] => [listId, id])),
      db.papers.bulkGet(unique),
    ]);
    const adding = unique.filter((_, i) => members[i] === undefined && papers[i] !== undefined);
    const start = ((await entriesOf(db, listId).last())?.position ?? -1) + 1;
    await db.listEntries.bulkAdd(
      adding.map((paperId, i) => ({ listId, paperId, position: start + i, addedAt: now, updatedAt: now })),
    );
    return adding.length;
  });
}

/**
 * Stores a new order for a list. The order must name exactly the list's papers: a stale order
 * (another tab added or removed one meanwhile) is refused rather than dropping or duplicating.
 */
export async function reorderList(db: PapershelfDb, listId: string, paperIds: string[], now: number): Promise<void> {
  await db.transaction('rw', db.lists, db.listEntries, async () => {
    if (!(await db.lists.get(listId))) throw new Error('That list no longer exists.');
    const entries = await entriesOf(db, listId).toArray();
    const byPaper = new Map(entries.map((e) => [e.paperId, e]));
    if (
      paperIds.length !== entries.length ||
      new Set(paperIds).size !== paperIds.length ||
      !paperIds.every((id) => byPaper.has(id))
    ) {
      throw new Error('The list changed meanwhile; reopen it and move the paper again.');
    }
    const moved: ListEntry[] = [];
    paperIds.forEach((id, position) => {
      const entry = byPaper.get(id)!;
      if (entry.position !== position) moved.push({ ...entry, position, updatedAt: now });
    });
    await db.listEntries.bulkPut(moved);
  });
}

/** Every list, by name, with its number of papers. */
export async function listSummaries(db: PapershelfDb): Promise<ListSummary[]> {
  const lists = await db.lists.orderBy('name').toArray();
  const counts = await Promise.all(lists.map((l) => entriesOf(db, l.id).count()));
  return lists.map((l, i) => ({ id: l.id, name: l.name, count: counts[i]! }));
}

/** The ids of the lists a paper is in. */
export async function listsOfPaper(db: PapershelfDb, paperId: string): Promise<string[]> {
  return (await db.listEntries.where('paperId').equals(paperId).toArray()).map((e) => e.listId);
}

/** A list's papers in the user's order; `limit` bounds what is read for a first screen. */
export async function listPapers(db: PapershelfDb, listId: string, limit = Infinity): Promise<Paper[]> {
  const range = entriesOf(db, listId);
  const entries = await (Number.isFinite(limit) ? range.limit(limit) : range).toArray();
  const papers = await db.papers.bulkGet(entries.map((e) => e.paperId));
  return papers.filter((p): p is Paper => p !== undefined);
}

/** A list found by its name, in any case (the `list:` search filter). */
export async function listByName(db: PapershelfDb, name: string): Promise<PaperList | undefined> {
  return db.lists.where('name').equalsIgnoreCase(normaliseListName(name)).first();
}
