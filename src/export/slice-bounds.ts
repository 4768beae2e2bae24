/**
 * Where whole-library exports cut the papers into slices: every SLICE-th id, remembered per
 * database. Reading all ids first costs ~35 ms with 10,000 papers, on the export's critical path
 * (no slice can be asked for before it), so the options page learns them while it is idle and
 * every export refreshes them. Sorted boundaries always cut the whole id space into ranges that
 * together hold every id, so boundaries learnt before papers came or went only make slices uneven;
 * they never lose or repeat a paper.
 */
import type { PapershelfDb } from '../db/schema';

/** Papers per slice: small enough that the first is formatted early, large enough to keep request overhead low. */
export const SLICE = 500;

const learnt = new WeakMap<PapershelfDb, { size: number; bounds: string[] }>();

/** The last id of each full slice but the final one: `ids` sorted, as IndexedDB returns them. */
export function boundsOf(ids: readonly string[], size: number): string[] {
  const bounds: string[] = [];
  for (let end = size; end < ids.length; end += size) bounds.push(ids[end - 1]!);
  return bounds;
}

export function remember(db: PapershelfDb, size: number, bounds: string[]): void {
  learnt.set(db, { size, bounds });
}

export function remembered(db: PapershelfDb, size: number): string[] | undefined {
  const known = learnt.get(db);
  return known?.size === size ? known.bounds : undefined;
}

/** Reads the ids now, so that the next export can ask for all its slices at once. */
export async function learnSliceBounds(db: PapershelfDb, size = SLICE): Promise<void> {
  remember(db, size, boundsOf(await db.papers.toCollection().primaryKeys(), size));
}

/** `learnSliceBounds` when the page is next idle (errors ignored: an export reads the ids itself). */
export function learnWhenIdle(db: PapershelfDb): () => void {
  const idle = requestIdleCallback(() => void learnSliceBounds(db).catch(() => undefined));
  return () => cancelIdleCallback(idle);
}
