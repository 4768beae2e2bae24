/**
 * The user owns the history: papers only *seen* (never read, saved, tagged, noted, listed, opened,
 * nor a suggestion dismissed) can be kept for a chosen time, or cleared at once with an undo.
 *
 * Candidates are found from keys alone: every paper, or those first seen before the cutoff (an
 * index), minus the ids in the indexes that hold user state (read, To read, opened, tags, list
 * entries). Only the rest is read, in batches, to check what no index holds (a note, a dismissed
 * suggestion, the last sighting), so the cost follows the seen papers, not the whole library twice.
 *
 * Cleared papers are kept for an undo in the `derived` table, CLEARED_BATCH to a record, written in
 * the same transaction that deletes them; they go when the page that cleared them says so (it is
 * closed), at the next clear, or at a worker start a day later (a page that closed without saying).
 */
import type { KeepSeen, Paper } from '../shared/model';
import { mergeComplete } from './import';
import { hasOwnState, paperTables } from './papers';
import type { PapershelfDb } from './schema';

const DAY = 24 * 3600 * 1000;

/** How long each choice keeps a paper that was only seen, after its last sighting. */
export const KEEP_SEEN_MS: Record<KeepSeen, number> = {
  forever: Infinity,
  month: 30 * DAY,
  quarter: 91 * DAY,
  year: 365 * DAY,
};

/** Papers read (checked and deleted) per transaction: background work takes turns between them. */
export const HISTORY_BATCH = 500;

const CLEARED = 'clearedSeen:';
/** When the last automatic pruning ran: it runs at most once a day, at a worker start. */
export const PRUNED_AT = 'seenPrunedAt';

/** Whether the user did anything with the paper: such a paper is never pruned nor cleared. */
export function hasUserState(p: Paper, listed: boolean): boolean {
  return listed || hasOwnState(p);
}

/** Ids that may be only seen: those first seen before `before`, less every id an index gives user state. */
async function candidates(db: PapershelfDb, before: number): Promise<string[]> {
  return db.transaction('r', [db.papers, db.listEntries], async () => {
    const range = Number.isFinite(before) ? db.papers.where('firstSeenAt').below(before) : db.papers.toCollection();
    const [ids, read, toRead, opened, tagged, listed] = await Promise.all([
      range.primaryKeys(),
      db.papers.orderBy('readAt').primaryKeys(),
      db.papers.orderBy('toReadSince').primaryKeys(),
      db.papers.orderBy('openedAt').primaryKeys(),
      db.papers.orderBy('tags').primaryKeys(),
      db.listEntries.orderBy('paperId').keys(),
    ]);
    const kept = new Set<string>([...read, ...toRead, ...opened, ...tagged, ...(listed as string[])]);
    return ids.filter((id) => !kept.has(id));
  });
}

/**
 * Deletes the papers only seen and last seen before `before` (all of them: Infinity), in batches,
 * each awaiting `turn()` first. With `keptAt`, the deleted papers are kept for `undoClear`. Returns
 * how many were deleted.
 */
async function removeSeen(
  db: PapershelfDb,
  before: number,
  turn: () => Promise<void>,
  /** When the papers are cleared (kept for an undo); undefined when they are pruned for good. */
  keptAt: number | undefined,
): Promise<number> {
  const ids = await candidates(db, before);
  let removed = 0;
  for (let at = 0, chunk = 0; at < ids.length; at += HISTORY_BATCH, chunk++) {
    await turn();
    removed += await db.transaction('rw', [...paperTables(db), db.toIndex, db.listEntries, db.derived], async () => {
      const slice = ids.slice(at, at + HISTORY_BATCH);
      const [papers, entries] = await Promise.all([
        db.papers.bulkGet(slice),
        db.listEntries.where('paperId').anyOf(slice).primaryKeys(),
      ]);
      // Read again inside the transaction: a paper marked since the candidates were listed stays.
      const listed = new Set(entries.map(([, paperId]) => paperId));
      const gone = papers.filter(
        (p): p is Paper => p !== undefined && p.lastSeenAt < before && !hasUserState(p, listed.has(p.id)),
      );
      const keys = gone.map((p) => p.id);
      await Promise.all([
        db.papers.bulkDelete(keys),
        db.paperWords.bulkDelete(keys),
        db.searchCards.bulkDelete(keys),
        db.toIndex.bulkDelete(keys),
      ]);
      if (keptAt !== undefined && gone.length)
        await db.derived.put({ key: `${CLEARED}${chunk}`, value: gone, updatedAt: keptAt });
      return gone.length;
    });
  }
  return removed;
}

/** Automatic pruning: papers only seen whose last sighting is older than the setting keeps. */
export async function pruneSeen(
  db: PapershelfDb,
  keep: KeepSeen,
  now: number,
  turn: () => Promise<void> = async () => undefined,
): Promise<number> {
  if (!Number.isFinite(KEEP_SEEN_MS[keep])) return 0;
  const removed = await removeSeen(db, now - KEEP_SEEN_MS[keep], turn, undefined);
  await db.derived.put({ key: PRUNED_AT, value: now, updatedAt: now });
  return removed;
}

/** Whether a day has passed since the last pruning (the worker prunes at a start after that). */
export async function pruneDue(db: PapershelfDb, now: number): Promise<boolean> {
  const last = await db.derived.get(PRUNED_AT);
  return !last || now - Number(last.value) >= DAY;
}

/** "Clear seen history": every paper only seen, kept for `undoClear` (an earlier clear's undo is dropped). */
export async function clearSeen(
  db: PapershelfDb,
  now: number,
  turn: () => Promise<void> = async () => undefined,
): Promise<number> {
  await forgetCleared(db);
  return removeSeen(db, Infinity, turn, now);
}

/**
 * Puts the cleared papers back. A paper seen again since it was cleared is merged with the new
 * record (the later changes win, the first sighting is the earlier one). Returns the papers
 * written, listed in toIndex for their search rows.
 */
export async function undoClear(db: PapershelfDb): Promise<Paper[]> {
  const keys = await db.derived.where('key').startsWith(CLEARED).primaryKeys();
  const written: Paper[] = [];
  for (const key of keys) {
    written.push(
      ...(await db.transaction('rw', [db.papers, db.toIndex, db.derived], async () => {
        const record = await db.derived.get(key);
        if (!record) return [];
        const cleared = record.value as Paper[];
        const now = await db.papers.bulkGet(cleared.map((p) => p.id));
        const papers = cleared.map((p, i) => mergeComplete(now[i], p));
        await Promise.all([
          db.papers.bulkPut(papers),
          db.toIndex.bulkPut(papers.map((p) => ({ id: p.id }))),
          db.derived.delete(key),
        ]);
        return papers;
      })),
    );
  }
  return written;
}

/** How many cleared papers an undo would put back. */
export async function clearedCount(db: PapershelfDb): Promise<number> {
  let n = 0;
  await db.derived
    .where('key')
    .startsWith(CLEARED)
    .each((r) => (n += (r.value as Paper[]).length));
  return n;
}

/** Drops the papers kept for an undo; with `olderThan`, only those cleared at or before it. */
export async function forgetCleared(db: PapershelfDb, olderThan = Infinity): Promise<void> {
  // Read first: at most worker starts there is nothing to drop, and no write transaction is needed.
  const stale = await db.derived
    .where('key')
    .startsWith(CLEARED)
    .filter((r) => r.updatedAt <= olderThan)
    .primaryKeys();
  if (stale.length) await db.derived.bulkDelete(stale);
}

/** A day after a clear, a worker start drops what no page will undo any more. */
export const forgetStaleCleared = (db: PapershelfDb, now: number) => forgetCleared(db, now - DAY);
