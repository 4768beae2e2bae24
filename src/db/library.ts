/**
 * The options page's library table: one sorted, filtered page of papers, and the bulk changes
 * made from it. Each bulk change is one transaction, so a failure leaves the library as it was.
 */
import type { Paper } from '../shared/model';
import type { DeletedPapers } from '../shared/protocol';
import { normaliseTag, sameTag, withoutIndexing } from '../shared/model';
import { tagSpellings } from './annotations';
import { paperTables, putPapers } from './papers';
import type { PapershelfDb } from './schema';
import { isEmptyQuery, parseQuery, searchPapers } from './search';

export type LibrarySort = 'seen' | 'read' | 'title' | 'tag';

export interface LibraryQuery {
  sort: LibrarySort;
  descending: boolean;
  /** The popup's search syntax (words, `tag:`, `is:`, `list:`); empty for every paper. */
  filter: string;
  /** How many rows to return. */
  limit: number;
}

export interface LibraryPage {
  papers: Paper[];
  /** How many papers the filter matches (every paper without one). */
  total: number;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'accent' });

/** The tag a paper sorts by: its first tag alphabetically. */
export function firstTag(tags: readonly string[] | undefined): string | undefined {
  return tags?.length ? [...tags].sort(collator.compare)[0] : undefined;
}

type Keyed = Pick<Paper, 'id' | 'firstSeenAt' | 'readAt' | 'title' | 'tags'>;

const byId = (a: Keyed, b: Keyed) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Oldest seen first, then by id: the order of the firstSeenAt index, so both agree on ties. */
const bySeen = (a: Keyed, b: Keyed) => a.firstSeenAt - b.firstSeenAt || byId(a, b);

/**
 * Orders papers for the table. The direction applies to the key; papers without one (unread,
 * untagged, untitled) always come last, newest seen first, whichever the direction. Dates tie by
 * id as their index does; titles and tags tie newest seen first.
 */
export function compareRows(sort: LibrarySort, descending: boolean): (a: Keyed, b: Keyed) => number {
  const key = (p: Keyed): number | string | undefined =>
    sort === 'seen'
      ? p.firstSeenAt
      : sort === 'read'
        ? p.readAt
        : sort === 'title'
          ? p.title || undefined
          : firstTag(p.tags);
  const sign = descending ? -1 : 1;
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === undefined || kb === undefined) return ka === kb ? -bySeen(a, b) : ka === undefined ? 1 : -1;
    if (typeof ka === 'number') return sign * (ka - (kb as number) || byId(a, b));
    return sign * collator.compare(ka, kb as string) || -bySeen(a, b);
  };
}

/** Papers without a key (never read, untagged) in seen order, after those that have one. */
async function without(db: PapershelfDb, lacks: (p: Paper) => boolean, limit: number): Promise<Paper[]> {
  if (limit <= 0) return [];
  return db.papers.orderBy('firstSeenAt').reverse().filter(lacks).limit(limit).toArray();
}

/** One page of the whole library, read through an index where one gives the order. */
async function unfiltered(db: PapershelfDb, q: LibraryQuery): Promise<Paper[]> {
  const order = compareRows(q.sort, q.descending);
  if (q.sort === 'seen') {
    const seen = db.papers.orderBy('firstSeenAt');
    return (q.descending ? seen.reverse() : seen).limit(q.limit).toArray();
  }
  if (q.sort === 'read') {
    const read = db.papers.orderBy('readAt');
    const first = await (q.descending ? read.reverse() : read).limit(q.limit).toArray();
    return [...first, ...(await without(db, (p) => p.readAt === undefined, q.limit - first.length))];
  }
  if (q.sort === 'tag') {
    // The indexes give each paper's tags and seen date without reading the records.
    const keyed = new Map<string, Keyed>();
    await db.papers.orderBy('tags').eachKey((tag, cursor) => {
      const id = String(cursor.primaryKey);
      const row = keyed.get(id);
      if (row) row.tags!.push(String(tag));
      else keyed.set(id, { id, title: '', firstSeenAt: 0, tags: [String(tag)] });
    });
    await db.papers.orderBy('firstSeenAt').eachKey((seen, cursor) => {
      const row = keyed.get(String(cursor.primaryKey));
      if (row) row.firstSeenAt = Number(seen);
    });
    const ids = [...keyed.values()]
      .sort(order)
      .slice(0, q.limit)
      .map((r) => r.id);
    const first = (await db.papers.bulkGet(ids)).filter((p): p is Paper => p !== undefined);
    return [...first, ...(await without(db, (p) => !p.tags?.length, q.limit - first.length))];
  }
  // No index orders titles: every record is read once, and only the page is kept.
  return (await db.papers.toArray()).sort(order).slice(0, q.limit);
}

/** The rows the library table shows, and how many the filter matches. */
export async function libraryRows(db: PapershelfDb, q: LibraryQuery): Promise<LibraryPage> {
  if (isEmptyQuery(parseQuery(q.filter))) {
    const [papers, total] = await Promise.all([unfiltered(db, q), db.papers.orderBy('firstSeenAt').count()]);
    return { papers, total };
  }
  const hits = await searchPapers(db, q.filter, { limit: Infinity, everything: true });
  const papers = hits.map((h) => h.paper).sort(compareRows(q.sort, q.descending));
  return { papers: papers.slice(0, q.limit), total: papers.length };
}

/** The stored papers among `ids`, each once. */
async function existing(db: PapershelfDb, ids: readonly string[]): Promise<Paper[]> {
  return (await db.papers.bulkGet([...new Set(ids)])).filter((p): p is Paper => p !== undefined);
}

/**
 * Marks papers read (keeping an earlier read date) or unread. Only papers whose state changes are
 * written, so their `updatedAt` (which decides backup merges) stays true. Returns those papers.
 */
export function setReadMany(db: PapershelfDb, ids: readonly string[], read: boolean, now: number): Promise<Paper[]> {
  return db.transaction('rw', paperTables(db), async () => {
    const changed = (await existing(db, ids))
      .filter((p) => (p.readAt !== undefined) !== read)
      .map((p) => {
        const next: Paper = { ...p, updatedAt: now };
        if (read) next.readAt = now;
        else delete next.readAt;
        return next;
      });
    return putPapers(db, changed);
  });
}

/**
 * Gives papers a tag. As with one paper, a tag differing only in case is the same tag: papers
 * that have it are left alone, and a tag already in use keeps the library's spelling.
 */
export function tagMany(db: PapershelfDb, ids: readonly string[], tag: string, now: number): Promise<Paper[]> {
  const typed = normaliseTag(tag);
  if (!typed) return Promise.reject(new Error('A tag cannot be empty.'));
  return db.transaction('rw', paperTables(db), async () => {
    const name = (await tagSpellings(db, [typed]))[0] ?? typed;
    const changed = (await existing(db, ids))
      .filter((p) => !p.tags?.some((t) => sameTag(t, name)))
      .map((p) => ({ ...p, tags: [...(p.tags ?? []), name], updatedAt: now }));
    return putPapers(db, changed);
  });
}

/** Deletes papers and their places in lists; returns them, without derived fields, for an undo. */
export function deletePapers(db: PapershelfDb, ids: readonly string[]): Promise<DeletedPapers> {
  return db.transaction('rw', [...paperTables(db), db.listEntries, db.fieldStamps], async () => {
    const papers = await existing(db, ids);
    const keys = papers.map((p) => p.id);
    const entries = await db.listEntries.where('paperId').anyOf(keys).toArray();
    await db.listEntries.bulkDelete(entries.map((e): [string, string] => [e.listId, e.paperId]));
    await Promise.all([
      db.papers.bulkDelete(keys),
      db.paperWords.bulkDelete(keys),
      db.searchCards.bulkDelete(keys),
      db.fieldStamps.bulkDelete(keys),
    ]);
    return { papers: papers.map(withoutIndexing), entries };
  });
}

/**
 * Puts deleted papers back as they were, with their list places. An entry whose list was deleted
 * meanwhile is left out. Returns the papers written.
 */
export function restorePapers(db: PapershelfDb, snapshot: DeletedPapers): Promise<Paper[]> {
  return db.transaction('rw', [...paperTables(db), db.lists, db.listEntries], async () => {
    const listIds = [...new Set(snapshot.entries.map((e) => e.listId))];
    const lists = new Set((await db.lists.bulkGet(listIds)).filter((l) => l !== undefined).map((l) => l.id));
    const papers = await putPapers(db, snapshot.papers);
    const restored = new Set(papers.map((p) => p.id));
    await db.listEntries.bulkPut(snapshot.entries.filter((e) => lists.has(e.listId) && restored.has(e.paperId)));
    return papers;
  });
}
