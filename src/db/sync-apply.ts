/**
 * Other devices' changes into this device's library. Per row (a paper, a list, a rule, a
 * setting) the changes are merged into the stored registers by the core (src/sync/merge.ts), and
 * the record the library shows is rewritten from the core's view of the merged row
 * (src/sync/view.ts): equal registers on two devices give equal libraries.
 *
 * Each batch is one small transaction that includes `syncDocs`, which marks it as sync's own: the
 * capture middleware records nothing for it, so a change from another device is never sent back as
 * this device's. A batch re-reads its rows inside its transaction: a click that landed between two
 * batches is merged, not overwritten.
 */
import type { ListEntry, Paper, PaperList, SettingRecord, TagRule } from '../shared/model';
import type { Change } from '../sync/changes';
import { applyChanges } from '../sync/merge';
import { libraryView, listView, paperView, type PaperView } from '../sync/view';
import { blankPaper, hasOwnState, paperTables, putPapers } from './papers';
import { byDoc, docsOf, stateOf } from './sync-docs';
import { metaDrafts, stamped, type Draft } from './sync-diff';
import { LOCAL_KEY, type LocalRow } from './sync-capture';
import { HybridClock } from '../sync/hlc';
import { stamper } from '../shared/stamp';
import type { SyncState } from '../sync/state';
import type { PapershelfDb, SyncDoc } from './schema';
import { batchSizer } from './batch-size';
import { readMany } from './read-many';

/** Rows per read of the guard's plan (reads only: quick, and a click's write waits for one at most). */
const PLAN_BATCH = 200;
/** How long one transaction applying changes should take (batch-size.ts): a click waits for one. */
const APPLY_MS = 16;

export interface RemotePlan {
  /** Papers with the user's marks here that the changes would remove. */
  deletes: number;
  /** Papers read here that the changes would mark unread. */
  unreads: number;
  /** The synced library's size: papers with a sync row. */
  library: number;
}

const viewOfPaper = (id: string, doc: SyncDoc | undefined): PaperView | undefined =>
  doc ? paperView(id, stateOf([doc]).papers.get(id)!) : undefined;

/** What the changes would take away here, without writing anything (the 10 % guard). */
export async function planRemote(db: PapershelfDb, changes: readonly Change[]): Promise<RemotePlan> {
  const groups = [...byDoc(changes)].filter(([k]) => k.startsWith('p:'));
  let deletes = 0;
  let unreads = 0;
  for (let i = 0; i < groups.length; i += PLAN_BATCH) {
    // Only papers with the user's marks here can lose them: their docs alone are read.
    const batch = groups.slice(i, i + PLAN_BATCH);
    const papers = await readMany(
      db.papers,
      batch.map(([k]) => k.slice(2)),
    );
    const marked = batch.flatMap(([key, incoming], j) => {
      const local = papers[j];
      return local && hasOwnState(local) ? [{ key, incoming, local }] : [];
    });
    const docs = await readMany(
      db.syncDocs,
      marked.map((m) => m.key),
    );
    marked.forEach(({ key, incoming, local }, j) => {
      const id = key.slice(2);
      const merged = applyChanges(stateOf([docs[j]]), incoming);
      const view = paperView(id, merged.papers.get(id)!);
      if (!view) deletes++;
      else if (local.readAt !== undefined && view.readAt === undefined) unreads++;
    });
  }
  const library = await db.syncDocs.where('k').startsWith('p:').count();
  return { deletes, unreads, library };
}

/** The paper record that shows `view`; undefined when nothing changes. */
function paperFrom(local: Paper | undefined, view: PaperView, id: string, now: number): Paper | undefined {
  const next: Paper = { ...(local ?? blankPaper(id, now, '')) };
  for (const [field, value] of Object.entries(view.meta)) Object.assign(next, { [field]: value });
  for (const f of ['readAt', 'savedAt', 'openedAt', 'note'] as const) {
    if (view[f] === undefined) delete next[f];
    else Object.assign(next, { [f]: view[f] });
  }
  if (view.tags.length) next.tags = view.tags;
  else delete next.tags;
  const same = local && JSON.stringify({ ...local, updatedAt: 0 }) === JSON.stringify({ ...next, updatedAt: 0 });
  if (same) return undefined;
  next.updatedAt = Math.max(next.updatedAt, now);
  return next;
}

async function applyPapers(
  db: PapershelfDb,
  keys: string[],
  locals: readonly (Paper | undefined)[],
  merged: Map<string, SyncDoc>,
  now: number,
): Promise<{ id: string; record?: Paper }[]> {
  const ids = keys.map((k) => k.slice(2));
  const writes: Paper[] = [];
  const before: (Paper | undefined)[] = [];
  const gone: string[] = [];
  ids.forEach((id, i) => {
    const local = locals[i];
    const view = viewOfPaper(id, merged.get(keys[i]!));
    if (!view) {
      // Removed elsewhere: a paper only seen here stays (seen history does not sync).
      if (local && hasOwnState(local)) gone.push(id);
      return;
    }
    const next = paperFrom(local, view, id, now);
    if (next) {
      writes.push(next);
      before.push(local);
    }
  });
  const stored = await putPapers(db, writes, before);
  if (gone.length) {
    await Promise.all([
      db.papers.bulkDelete(gone),
      db.paperWords.bulkDelete(gone),
      db.searchCards.bulkDelete(gone),
      db.fieldStamps.bulkDelete(gone),
      // As a deletion here would: the paper leaves its lists too.
      db.listEntries.where('paperId').anyOf(gone).delete(),
    ]);
  }
  return [...stored.map((record) => ({ id: record.id, record })), ...gone.map((id) => ({ id }))];
}

async function applyList(db: PapershelfDb, id: string, doc: SyncDoc | undefined, now: number): Promise<void> {
  const state = doc ? stateOf([doc]) : undefined;
  const view = state?.lists.get(id) && listView(id, state.lists.get(id)!, () => true);
  const [list, entries] = await Promise.all([
    db.lists.get(id),
    db.listEntries.where('[listId+position]').between([id, -Infinity], [id, Infinity]).toArray(),
  ]);
  if (!view) {
    if (list)
      await Promise.all([db.lists.delete(id), db.listEntries.bulkDelete(entries.map((e) => [e.listId, e.paperId]))]);
    return;
  }
  if (list?.name !== view.name) {
    const next: PaperList = { id, name: view.name, createdAt: list?.createdAt ?? now, updatedAt: now };
    await db.lists.put(next);
  }
  const old = new Map(entries.map((e) => [e.paperId, e]));
  const keep = new Set(view.papers);
  const puts: ListEntry[] = [];
  view.papers.forEach((paperId, position) => {
    const e = old.get(paperId);
    if (!e || e.position !== position)
      puts.push({ listId: id, paperId, position, addedAt: e?.addedAt ?? now, updatedAt: now });
  });
  const missing = (await db.papers.bulkGet(view.papers)).flatMap((p, i) => (p ? [] : [view.papers[i]!]));
  await Promise.all([
    db.listEntries.bulkDelete(entries.filter((e) => !keep.has(e.paperId)).map((e) => [e.listId, e.paperId])),
    db.listEntries.bulkPut(puts),
    putPapers(
      db,
      missing.map((p) => blankPaper(p, now, '')),
    ),
  ]);
}

async function applySettings(db: PapershelfDb, keys: string[], merged: Map<string, SyncDoc>, now: number) {
  const view = libraryView(stateOf(keys.map((k) => merged.get(k))));
  const records: SettingRecord[] = [];
  for (const [key, value] of Object.entries(view.settings)) {
    records.push({ key, value, updatedAt: now } as SettingRecord);
  }
  const ruleKeys = keys.filter((k) => k.startsWith('r:'));
  if (ruleKeys.length) {
    const stored = ((await db.settings.get('rules'))?.value ?? []) as TagRule[];
    const byTag = new Map(stored.map((r) => [r.tag.toLowerCase(), r]));
    for (const k of ruleKeys) byTag.delete(k.slice(2));
    for (const r of view.rules) byTag.set(r.tag.toLowerCase(), r);
    records.push({ key: 'rules', value: [...byTag.values()], updatedAt: now });
  }
  await db.settings.bulkPut(records);
  return records.length > 0;
}

/**
 * A paper only seen here that another device's change makes the user's (tagged there, say) may
 * lack its title there: this device knows it from a page, so it sends it, as its own change.
 */
async function metadataKnownHere(
  db: PapershelfDb,
  state: SyncState,
  locals: ReadonlyMap<string, Paper>,
  now: number,
): Promise<Change[]> {
  const drafts: Draft[] = [];
  [...state.papers.keys()].forEach((id) => {
    const local = locals.get(id);
    const view = paperView(id, state.papers.get(id)!);
    if (!local || hasOwnState(local) || !view || !ownState(view)) return;
    drafts.push(
      ...metaDrafts(local).filter((d) => d.kind === 'meta' && Object.keys(d.value).every((f) => !(f in view.meta))),
    );
  });
  if (!drafts.length) return [];
  const local = (await db.sync.get(LOCAL_KEY))!.value as LocalRow;
  const clock = new HybridClock(local.device, local.clock || undefined, () => now);
  const changes = drafts.map((d) => stamped(d, clock.tick())).filter((c): c is Change => c !== undefined);
  await db.syncPending.bulkAdd(changes.map((change) => ({ change })));
  await db.sync.put({ key: LOCAL_KEY, value: { ...local, clock: clock.last } });
  return changes;
}

const ownState = (v: PaperView) =>
  v.readAt !== undefined ||
  v.savedAt !== undefined ||
  v.openedAt !== undefined ||
  v.note !== undefined ||
  v.tags.length > 0;

export interface Applied {
  /**
   * Papers whose record changed (`record`, as written) or went (none), each with a stamp taken
   * before the transaction that wrote it (PaperState.asOf): what open tabs are told, without
   * reading thousands of records again.
   */
  papers: { id: string; record?: Paper; asOf: number }[];
  settings: boolean;
}

/**
 * Merges `changes` into the stored rows and the library, in transactions of about APPLY_MS; `turn`
 * resolves when the next transaction may start (the worker's priority gate).
 */
export async function applyRemote(
  db: PapershelfDb,
  changes: readonly Change[],
  now: number,
  turn: () => Promise<void> = async () => undefined,
  stamp: () => number = stamper(),
): Promise<Applied> {
  const groups = [...byDoc(changes)];
  const applied: Applied = { papers: [], settings: false };
  // Papers before lists, so a list's new members find their records; in key order within a kind,
  // so a transaction's keys are neighbours and read as one range (read-many.ts).
  const rank = (k: string) => (k[0] === 'p' ? 0 : 1);
  groups.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const sizer = batchSizer({ targetMs: APPLY_MS, start: 50, min: 5, max: 500 });
  for (let i = 0; i < groups.length;) {
    const part = groups.slice(i, i + sizer.size());
    i += part.length;
    await turn();
    const asOf = stamp();
    const tables = [...paperTables(db), db.lists, db.listEntries, db.settings, db.fieldStamps, db.syncDocs];
    await sizer.time(() =>
      db.transaction('rw', [...tables, db.sync, db.syncPending], async () => {
        const keys = part.map(([k]) => k);
        const paperKeys = keys.filter((k) => k.startsWith('p:'));
        const [docs, locals] = await Promise.all([
          readMany(db.syncDocs, keys),
          readMany(
            db.papers,
            paperKeys.map((k) => k.slice(2)),
          ),
        ]);
        const state = applyChanges(
          stateOf(docs),
          part.flatMap(([, c]) => c),
        );
        const known = new Map(locals.flatMap((p) => (p ? [[p.id, p] as const] : [])));
        applyChanges(state, await metadataKnownHere(db, state, known, now));
        const merged = docsOf(state);
        await db.syncDocs.bulkPut(keys.map((k) => merged.get(k) ?? { k, changes: [] }));
        for (const p of await applyPapers(db, paperKeys, locals, merged, now)) applied.papers.push({ ...p, asOf });
        for (const k of keys.filter((k) => k.startsWith('l:'))) await applyList(db, k.slice(2), merged.get(k), now);
        const settingKeys = keys.filter((k) => k.startsWith('s:') || k.startsWith('r:'));
        if (settingKeys.length && (await applySettings(db, settingKeys, merged, now))) applied.settings = true;
      }),
    );
  }
  return applied;
}
