/**
 * Writes applied in the order the user made them, per paper and field. Each write carries the
 * stamp of the user's action (shared/stamp.ts); the last applied stamp of each field is kept in
 * `fieldStamps`. A write older than that is not applied: a click retried after a worker restart
 * lands after the newer click that superseded it, and must not undo it.
 */
import type { Table } from 'dexie';
import type { PapershelfDb } from './schema';

/** The field a write changes: a tag and a list membership are each a field of their own. */
export type StampedField = 'read' | 'saved' | 'note' | `tag:${string}` | `dismiss:${string}` | `list:${string}`;

/**
 * Runs `write` if `at` is not older than the last write applied to `field` of the paper, and
 * records `at`; otherwise runs `current` (what the page should show instead). One transaction, so
 * two writes cannot both pass the check. `tables`: every table `write` and `current` use.
 */
export function inOrder<T>(
  db: PapershelfDb,
  paperId: string,
  field: StampedField,
  at: number,
  tables: readonly Table[],
  write: () => Promise<T>,
  current: () => Promise<T>,
): Promise<T> {
  return db.transaction('rw', [db.fieldStamps, ...tables], async () => {
    const row = await db.fieldStamps.get(paperId);
    // Equal stamps: the same action sent again (its answer was lost); applying it again is harmless.
    if ((row?.at[field] ?? -Infinity) > at) return current();
    // Not awaited before the write: its requests follow in the same transaction without waiting
    // for this one's answer (a round trip to IndexedDB's backend a click need not wait for).
    const [, result] = await Promise.all([
      db.fieldStamps.put({ id: paperId, at: { ...row?.at, [field]: at } }),
      write(),
    ]);
    return result;
  });
}
