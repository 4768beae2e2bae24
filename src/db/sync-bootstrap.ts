/**
 * The library as it is when sync is turned on, written into the sync rows (`syncDocs`) so it
 * goes to the server in this device's first snapshot. Changes are recorded only while sync is on
 * (sync-capture.ts), so what the user did before needs this one pass.
 *
 * Each field is stamped with the time of the record it comes from (a paper's `updatedAt`, the
 * time of the user's last action on it), not with now: a device that joins late must not win
 * every field against changes the other devices made after its own. Only what is present is
 * written (marks, tags, notes, members): an absence here says nothing, so it cannot erase what
 * another device has. In batches, each its own transaction, with `turn()` before each.
 */
import { formatHlc } from '../sync/hlc';
import type { Change } from '../sync/changes';
import { applyChanges } from '../sync/merge';
import { docsOf, byDoc, stateOf } from './sync-docs';
import { entryDrafts, listDrafts, paperDrafts, settingDrafts, stamped, type Draft } from './sync-diff';
import type { ListEntry, Paper, PaperList, SettingRecord } from '../shared/model';
import type { PapershelfDb } from './schema';

const BATCH = 500;

function stampAll(drafts: Draft[], at: number, device: string, now: number): Change[] {
  const hlc = formatHlc({ wall: Math.max(0, Math.min(Math.floor(at), now)), counter: 0, device });
  return drafts.map((d) => stamped(d, hlc)).filter((c): c is Change => c !== undefined);
}

async function mergeDocs(db: PapershelfDb, changes: Change[]): Promise<void> {
  if (!changes.length) return;
  await db.transaction('rw', db.syncDocs, async () => {
    const keys = [...byDoc(changes).keys()];
    const merged = docsOf(applyChanges(stateOf(await db.syncDocs.bulkGet(keys)), changes));
    await db.syncDocs.bulkPut([...merged.values()]);
  });
}

export async function bootstrapDocs(
  db: PapershelfDb,
  device: string,
  now: number,
  turn: () => Promise<void> = async () => undefined,
): Promise<number> {
  let count = 0;
  let after: string | undefined;
  for (;;) {
    await turn();
    const batch: Paper[] = await (after === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(after))
      .limit(BATCH)
      .toArray();
    if (!batch.length) break;
    after = batch[batch.length - 1]!.id;
    const changes = batch.flatMap((p) => stampAll(paperDrafts(undefined, p), p.updatedAt, device, now));
    await mergeDocs(db, changes);
    count += changes.length;
  }
  await turn();
  const [lists, entries, settings] = await Promise.all([
    db.lists.toArray(),
    db.listEntries.toArray(),
    db.settings.toArray(),
  ]);
  const rest = [
    ...lists.flatMap((l: PaperList) => stampAll(listDrafts(undefined, l), l.updatedAt, device, now)),
    ...entries.flatMap((e: ListEntry) => stampAll(entryDrafts(undefined, e), e.updatedAt, device, now)),
    ...settings.flatMap((s: SettingRecord) => stampAll(settingDrafts(undefined, s), s.updatedAt, device, now)),
  ];
  await mergeDocs(db, rest);
  return count + rest.length;
}
