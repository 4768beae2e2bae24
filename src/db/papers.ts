/** Paper records: sightings, read and saved state, and the queues the popup shows. */
import type { Paper, PaperSighting, PaperState, TagRule } from '../shared/model';
import { stateOf, withoutIndexing } from '../shared/model';
import { arxivAbstractPageOf } from '../shared/ids';
import type { PaperWords, PapershelfDb, SearchCard } from './schema';
import { wordSet } from '../shared/words';

/**
 * A record as it is written: no indexing fields (its search rows are written with it) and the
 * derived To read index field in step with readAt / savedAt.
 */
export function withDerived(paper: Paper): Paper {
  const next = withoutIndexing(paper);
  if (next.savedAt !== undefined && next.readAt === undefined) next.toReadSince = next.savedAt;
  else delete next.toReadSince;
  return next;
}

/**
 * Writes papers with their search words and search cards, which live in tables of their own: a
 * paper's words are as large as the rest of its record, and exports and queues read papers, never
 * words. Callers' transactions include all three tables (`paperTables`).
 */
export async function putPapers(
  db: PapershelfDb,
  papers: Paper[],
  before: readonly (Paper | undefined)[] = [],
): Promise<Paper[]> {
  const records = papers.map(withDerived);
  // Seeing a feed again changes no paper's words or card: rewriting them (and their index
  // entries, ~200 a paper) on every visit would be most of the write. `before` is what was stored.
  const kept = (i: number, same: (a: Paper, b: Paper) => boolean) => {
    const old = before[i];
    return old !== undefined && !old.unindexed && same(old, records[i]!);
  };
  const words = records.filter((_, i) => !kept(i, sameWords));
  const cards = records.filter((_, i) => !kept(i, sameCard));
  await Promise.all([
    db.papers.bulkPut(records),
    putWordRows(db, words),
    db.searchCards.bulkPut(cards.map(searchCard)),
  ]);
  return records;
}

/**
 * Writes the papers' abstract-word rows; a paper with none (only seen, or no abstract) has no row,
 * and any row it had goes.
 */
export async function putWordRows(db: PapershelfDb, papers: readonly Paper[]): Promise<void> {
  const rows = papers.map(wordsRow);
  await Promise.all([
    db.paperWords.bulkPut(rows.filter((r) => r.words.length > 0)),
    db.paperWords.bulkDelete(rows.filter((r) => r.words.length === 0).map((r) => r.id)),
  ]);
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  (a ?? []).join('\u0001') === (b ?? []).join('\u0001');

/** The same words to search by: what abstractWords reads. */
function sameWords(a: Paper, b: Paper): boolean {
  return (
    hasOwnState(a) === hasOwnState(b) &&
    a.title === b.title &&
    a.note === b.note &&
    a.abstract === b.abstract &&
    sameList(a.authors, b.authors) &&
    sameList(a.tags, b.tags)
  );
}

/** A card's fields a paper may lack; a card has them only when the paper does. */
const OPTIONAL_CARD_FIELDS = ['tags', 'note', 'readAt', 'savedAt', 'openedAt', 'toReadSince'] as const;

/** The same search card: its words, and the state a result shows and filters by. */
function sameCard(a: Paper, b: Paper): boolean {
  return (
    a.title === b.title &&
    a.firstSeenAt === b.firstSeenAt &&
    sameList(a.authors, b.authors) &&
    OPTIONAL_CARD_FIELDS.every((k) => (k === 'tags' ? sameList(a.tags, b.tags) : a[k] === b[k]))
  );
}

/** The tables a write of papers touches. */
export const paperTables = (db: PapershelfDb) => [db.papers, db.paperWords, db.searchCards] as const;

/** The derived record that holds how far the version-7 migration has come (the last id done). */
export const SEARCH_MIGRATION = 'searchMigration';

/** The derived record that holds how far the version-13 rewrite of the word rows has come. */
export const WORDS_MIGRATION = 'wordsMigration';

/**
 * Papers per transaction of the version-13 rewrite: it writes word rows only (fewer and smaller
 * than before, most of them deleted), so a batch costs less than an indexing batch of 100.
 */
const WORDS_BATCH = 200;

/**
 * How many papers one background indexing transaction handles. A click or a page's papers wait for
 * the batch under way: 100 papers take ~0.3 s here (500 took 1.2 s), for 13 % more time in all.
 */
const INDEX_BATCH = 100;

/**
 * Computes the search words and cards of papers written without them: after an import (the
 * `toIndex` list; before schema 11, the papers' `unindexed` mark), the
 * whole library once after the upgrade to version 7 (from the `searchMigration` mark, in id
 * order), and every paper's word row once after the upgrade to version 13 (`wordsMigration`).
 * Each batch reads and writes in one transaction, so a concurrent change is never
 * overwritten; a worker stopped half-way resumes on its next start. `afterBatch` runs after each
 * batch (the worker calls an extension API there: IndexedDB work alone does not keep a Manifest V3
 * worker alive past 30 s); `beforeBatch` resolves when the next batch may start (the worker's
 * priority gate: a user request waiting goes first). Returns how many papers it indexed.
 */
export async function indexPending(
  db: PapershelfDb,
  afterBatch: () => void = () => undefined,
  beforeBatch: () => Promise<void> = async () => undefined,
): Promise<number> {
  // A read first: on most worker starts there is nothing to do, and a write transaction would make
  // the page that woke the worker wait for its states.
  const [listed, waiting, migrating, rewriting] = await Promise.all([
    db.toIndex.count(),
    db.papers.where('unindexed').equals(1).count(),
    db.derived.get(SEARCH_MIGRATION),
    db.derived.get(WORDS_MIGRATION),
  ]);
  const indexed = new Set<string>();
  const put = async (batch: Paper[]) => {
    await putPapers(db, batch);
    for (const p of batch) indexed.add(p.id);
    return batch.length;
  };
  // Papers an import listed: only the search tables and the list are written, never the papers,
  // so the pages' live queries over papers do not run again after every batch.
  for (let more = listed > 0; more; afterBatch()) {
    await beforeBatch();
    more =
      INDEX_BATCH ===
      (await db.transaction('rw', [...paperTables(db), db.toIndex], async () => {
        const ids = await db.toIndex.limit(INDEX_BATCH).primaryKeys();
        const papers = (await db.papers.bulkGet(ids)).filter((p): p is Paper => p !== undefined);
        await Promise.all([
          putWordRows(db, papers),
          db.searchCards.bulkPut(papers.map(searchCard)),
          db.toIndex.bulkDelete(ids),
        ]);
        for (const p of papers) indexed.add(p.id);
        return ids.length;
      }));
  }
  // Papers an import of schema 5 to 9 marked without their search rows.
  for (let more = waiting > 0; more; afterBatch()) {
    await beforeBatch();
    more =
      INDEX_BATCH ===
      (await db.transaction('rw', paperTables(db), async () =>
        put(await db.papers.where('unindexed').equals(1).limit(INDEX_BATCH).toArray()),
      ));
  }
  // The library as version 6 left it, in id order from the mark on.
  for (let more = migrating !== undefined; more; afterBatch()) {
    await beforeBatch();
    more =
      INDEX_BATCH ===
      (await db.transaction('rw', [...paperTables(db), db.derived], async () => {
        const mark = await db.derived.get(SEARCH_MIGRATION);
        if (!mark) return 0;
        const after = String(mark.value);
        const batch = await (after ? db.papers.where(':id').above(after) : db.papers.orderBy(':id'))
          .limit(INDEX_BATCH)
          .toArray();
        await put(batch);
        if (batch.length < INDEX_BATCH) await db.derived.delete(SEARCH_MIGRATION);
        else await db.derived.put({ key: SEARCH_MIGRATION, value: batch[batch.length - 1]!.id, updatedAt: Date.now() });
        return batch.length;
      }));
  }
  // Version 13: abstract words only for papers with user state, rewritten in id order from the mark
  // on. Only the word rows are written: papers and their cards are as they were.
  for (let more = rewriting !== undefined; more; afterBatch()) {
    await beforeBatch();
    more =
      WORDS_BATCH ===
      (await db.transaction('rw', [db.papers, db.paperWords, db.derived], async () => {
        const mark = await db.derived.get(WORDS_MIGRATION);
        if (!mark) return 0;
        const after = String(mark.value);
        const batch = await (after ? db.papers.where(':id').above(after) : db.papers.orderBy(':id'))
          .limit(WORDS_BATCH)
          .toArray();
        await putWordRows(db, batch);
        if (batch.length < WORDS_BATCH) await db.derived.delete(WORDS_MIGRATION);
        else await db.derived.put({ key: WORDS_MIGRATION, value: batch[batch.length - 1]!.id, updatedAt: Date.now() });
        return batch.length;
      }));
  }
  return indexed.size;
}

type Searchable = Pick<Paper, 'title' | 'authors' | 'tags' | 'note' | 'abstract' | 'id'>;

/**
 * Whether the record says the user did anything with the paper: read, saved, opened, tagged,
 * noted it or dismissed a suggestion for it (history.ts adds lists, which the record does not hold).
 */
export function hasOwnState(p: Paper): boolean {
  return (
    p.readAt !== undefined ||
    p.savedAt !== undefined ||
    p.openedAt !== undefined ||
    Boolean(p.tags?.length) ||
    Boolean(p.note?.trim()) ||
    Boolean(p.dismissed?.length)
  );
}

/**
 * The words of the fields a match ranks highest in: title, tags, authors, note. The search card
 * holds them, under its index; every paper is found by them.
 */
export function keyWords(p: Searchable): string[] {
  return wordSet([p.id, p.title, p.tags?.join(' '), p.authors.join(' '), p.note]);
}

/**
 * The words of a paper's abstract that its key words lack, for a paper the user did something
 * with (hasOwnState); none for a paper only seen. Most of a library is only seen, and abstract
 * words were most of its bytes (~190 index entries a paper against ~21 for the card):
 * a paper only seen is found by its title, authors and id, and by its abstract once read, saved,
 * opened, tagged or noted (docs/architecture.md).
 */
export function abstractWords(p: Paper): string[] {
  if (!p.abstract || !hasOwnState(p)) return [];
  const key = new Set(keyWords(p));
  return wordSet([p.abstract]).filter((w) => !key.has(w));
}

export const wordsRow = (p: Paper): PaperWords => ({ id: p.id, words: abstractWords(p) });

export function searchCard(p: Paper): SearchCard {
  const card: SearchCard = {
    id: p.id,
    title: p.title,
    authors: p.authors,
    firstSeenAt: p.firstSeenAt,
    keyWords: keyWords(p),
  };
  // Only what the paper has: absent fields stay absent, as the filters expect.
  for (const k of OPTIONAL_CARD_FIELDS) if (p[k] !== undefined) Object.assign(card, { [k]: p[k] });
  return card;
}

/**
 * Whether the user has kept a paper: read, saved, tagged, noted or listed it (`listed`: it is in
 * one of their lists, which the record itself does not say). A kept paper's metadata is what it
 * was kept with; a page may fill what it lacks, but only the paper's own arXiv abstract page may
 * change it (a feed could be forged: a card that retitles a saved paper would end up in the
 * user's bibliography).
 */
export const isKept = (p: Paper, listed = false) =>
  listed || p.readAt !== undefined || p.savedAt !== undefined || (p.tags?.length ?? 0) > 0 || !!p.note;

/** The record of a paper known only by its id: what a write to a paper never seen before starts from. */
export function blankPaper(id: string, now: number, pageUrl: string): Paper {
  return { id, title: '', authors: [], firstSeenAt: now, firstSeenUrl: pageUrl, lastSeenAt: now, updatedAt: now };
}

/**
 * Merges what a page shows into the stored record; nothing is erased. For a paper not kept, or
 * when `trusted` (the page is the paper's own arXiv abstract page), the richer value wins field by
 * field; for a kept paper on any other page, a value is taken only where the record has none.
 */
export function mergeSighting(
  existing: Paper | undefined,
  seen: PaperSighting,
  pageUrl: string,
  now: number,
  trusted = false,
  listed = false,
): Paper {
  const base: Paper = existing ?? blankPaper(seen.id, now, pageUrl);
  const merged: Paper = { ...base, lastSeenAt: now };
  if (existing && isKept(existing, listed) && !trusted) return fillGaps(merged, seen, now);
  // The richer value wins: the same paper seen on arXiv and Hugging Face is one record with
  // arXiv's abstract and categories and Hugging Face's upvotes. arXiv's own page says what is true.
  if (seen.title && (trusted || seen.title.length >= merged.title.length)) merged.title = seen.title;
  if (seen.authors.length && (trusted || seen.authors.length > merged.authors.length)) merged.authors = seen.authors;
  if (seen.abstract && (trusted || seen.abstract.length > (merged.abstract?.length ?? 0)))
    merged.abstract = seen.abstract;
  if (seen.version !== undefined && seen.version > (merged.version ?? 0)) merged.version = seen.version;
  if (seen.upvotes !== undefined) merged.upvotes = seen.upvotes;
  if (seen.categories?.length && (trusted || seen.categories.length >= (merged.categories?.length ?? 0))) {
    merged.categories = seen.categories;
  }
  if (seen.doi) merged.doi = seen.doi;
  if (seen.journalRef) merged.journalRef = seen.journalRef;
  if (seen.published) merged.published = seen.published;
  if (seen.opened) merged.openedAt = now;
  // Seeing a paper again is not a change the user made: updatedAt, which decides whose read and
  // saved marks win when a backup is merged, moves only with the user's own actions.
  return merged;
}

/** A kept paper seen on an untrusted page: only what the record lacks is taken. */
function fillGaps(merged: Paper, seen: PaperSighting, now: number): Paper {
  if (!merged.title && seen.title) merged.title = seen.title;
  if (!merged.authors.length && seen.authors.length) merged.authors = seen.authors;
  if (merged.abstract === undefined && seen.abstract) merged.abstract = seen.abstract;
  if (merged.version === undefined && seen.version !== undefined) merged.version = seen.version;
  if (!merged.categories?.length && seen.categories?.length) merged.categories = seen.categories;
  if (merged.doi === undefined && seen.doi) merged.doi = seen.doi;
  if (merged.journalRef === undefined && seen.journalRef) merged.journalRef = seen.journalRef;
  if (merged.published === undefined && seen.published) merged.published = seen.published;
  // A popularity count, not part of a citation.
  if (seen.upvotes !== undefined) merged.upvotes = seen.upvotes;
  if (seen.opened) merged.openedAt = now;
  return merged;
}

/**
 * Records the papers a page shows and returns their stored state. `onStates` is called as soon
 * as the states are read, before the write commits, so a page can paint them without waiting.
 */
export async function recordSightings(
  db: PapershelfDb,
  sightings: PaperSighting[],
  pageUrl: string,
  now: number,
  onStates?: (states: PaperState[]) => void,
  rules: readonly TagRule[] = [],
): Promise<PaperState[]> {
  const unique = [...new Map(sightings.map((s) => [s.id, s])).values()];
  return db.transaction('rw', [...paperTables(db), db.listEntries], async () => {
    const ids = unique.map((s) => s.id);
    const [existing, inLists] = await Promise.all([
      db.papers.bulkGet(ids),
      // Index keys only: which of these papers are in a list, without reading an entry.
      db.listEntries.where('paperId').anyOf(ids).keys(),
    ]);
    const listed = new Set(inLists.map(String));
    const ownPage = arxivAbstractPageOf(pageUrl);
    const records = unique.map((s, i) =>
      mergeSighting(existing[i], s, pageUrl, now, s.id === ownPage, listed.has(s.id)),
    );
    // States as stored (read, saved, tags, note) with suggestions from what is now known.
    const states = records.map((r) => stateOf(r, rules));
    onStates?.(states);
    await putPapers(db, records, existing);
    return states;
  });
}

export type StateChange = { read: boolean } | { saved: boolean };

/**
 * Sets read or saved on a paper. A paper the database has not seen yet (a click racing its
 * page's first report) is created with what is known: its id.
 */
export async function setPaperState(
  db: PapershelfDb,
  id: string,
  change: StateChange,
  now: number,
  pageUrl = '',
  rules: readonly TagRule[] = [],
): Promise<PaperState> {
  return db.transaction('rw', paperTables(db), async () => {
    const stored = await db.papers.get(id);
    const existing = stored ?? blankPaper(id, now, pageUrl);
    const next: Paper = { ...existing, updatedAt: now };
    if ('read' in change) {
      if (change.read) next.readAt = existing.readAt ?? now;
      else delete next.readAt;
    } else if (change.saved) {
      next.savedAt = existing.savedAt ?? now;
    } else {
      delete next.savedAt;
    }
    const [record] = await putPapers(db, [next], [stored]);
    return stateOf(record!, rules);
  });
}

export type QueueName = 'toRead' | 'read' | 'seen' | 'opened';

/** The index each queue is read from, newest first. */
const QUEUE_INDEX: Record<QueueName, 'toReadSince' | 'readAt' | 'firstSeenAt' | 'openedAt'> = {
  toRead: 'toReadSince',
  read: 'readAt',
  seen: 'firstSeenAt',
  opened: 'openedAt',
};

/** One page of a queue, newest first: only what the screen shows is loaded. */
export function queuePage(db: PapershelfDb, queue: QueueName, limit: number): Promise<Paper[]> {
  return db.papers.orderBy(QUEUE_INDEX[queue]).reverse().limit(limit).toArray();
}

export async function queueCounts(db: PapershelfDb): Promise<Record<QueueName, number>> {
  // Counted over indexes: counting the table itself walks every full record (~10 ms per
  // thousand here), an index only its keys.
  const [toRead, read, seen, opened] = await Promise.all([
    db.papers.orderBy('toReadSince').count(),
    db.papers.orderBy('readAt').count(),
    db.papers.orderBy('firstSeenAt').count(),
    db.papers.orderBy('openedAt').count(),
  ]);
  return { toRead, read, seen, opened };
}
