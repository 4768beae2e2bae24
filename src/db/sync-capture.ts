/**
 * The one place local changes are recorded for sync: a Dexie middleware under every write to the
 * synced tables (papers, lists, listEntries, settings). It compares each record before and after
 * the write (sync-diff.ts), stamps the changes with the device's hybrid logical clock, and adds them
 * to `syncPending` and `syncDocs` in the same IndexedDB transaction as the write: a change is
 * never stored without its sync record, nor the other way round.
 *
 * Why a middleware and not a call in each writer: the library has a dozen writers (clicks, bulk
 * edits, tag renames, imports, restores, list moves) and will get more; a writer that forgot to
 * record would lose its changes silently. Here a new writer is covered by being a writer. Dexie
 * fixes a transaction's tables when it opens, so the middleware adds the sync tables to every
 * read-write transaction that touches a synced table.
 *
 * Recording runs only while sync is configured (`recording` in the `local` row): for everyone
 * else a write costs one read of that small row. When sync is turned on, the library as it is
 * becomes the first snapshot (sync-bootstrap.ts).
 *
 * Transactions that include `syncDocs` themselves are sync's own (applying other devices'
 * changes, the first snapshot): they write their docs themselves and record nothing, so a change
 * from another device is never sent back as this device's.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { ListEntry, Paper, PaperList, SettingRecord } from '../shared/model';
import { HybridClock } from '../sync/hlc';
import { applyChanges } from '../sync/merge';
import type { Change } from '../sync/changes';
import { byDoc, docsOf, stateOf } from './sync-docs';
import { entryDrafts, listDrafts, metaDrafts, paperDrafts, settingDrafts, stamped, type Draft } from './sync-diff';
import { hasOwnState } from './papers';
import type { SyncDoc } from './schema';

export interface CaptureOptions {
  /** The wall clock (tests move it). */
  now?: () => number;
  /** Called after changes were recorded (the worker schedules a sync a few seconds later). */
  onRecorded?: () => void;
}

export const SYNCED_TABLES: ReadonlySet<string> = new Set(['papers', 'lists', 'listEntries', 'settings']);
export const SYNC_TABLES = ['sync', 'syncPending', 'syncDocs'] as const;
export const LOCAL_KEY = 'local';

/** The device's id and the last HLC it issued or received; `recording` while sync is configured. */
export interface LocalRow {
  device: string;
  clock: string;
  recording: boolean;
}

const own = new WeakSet<DBCoreTransaction>();

function draftsFor(table: string, old: unknown, next: unknown): Draft[] {
  switch (table) {
    case 'papers':
      return paperDrafts(old as Paper | undefined, next as Paper | undefined);
    case 'lists':
      return listDrafts(old as PaperList | undefined, next as PaperList | undefined);
    case 'listEntries':
      return entryDrafts(old as ListEntry | undefined, next as ListEntry | undefined);
    default:
      return settingDrafts(old as SettingRecord | undefined, next as SettingRecord | undefined);
  }
}

/** Stamps and stores drafts in the transaction `trans` (the one of the write they describe). */
export async function record(
  core: DBCore,
  trans: DBCoreTransaction,
  local: LocalRow,
  drafts: readonly Draft[],
  now: () => number,
): Promise<LocalRow | undefined> {
  if (!drafts.length) return undefined;
  const clock = new HybridClock(local.device, local.clock, now);
  const changes = drafts.map((d) => stamped(d, clock.tick())).filter((c): c is Change => c !== undefined);
  const groups = byDoc(changes);
  const keys = [...groups.keys()];
  const docs = core.table('syncDocs');
  const rows = (await docs.getMany({ trans, keys })) as (SyncDoc | undefined)[];
  const merged = docsOf(applyChanges(stateOf(rows), changes));
  const next = { ...local, clock: clock.last };
  await Promise.all([
    docs.mutate({ trans, type: 'put', values: keys.map((k) => merged.get(k) ?? { k, changes: [] }) }),
    core.table('syncPending').mutate({ trans, type: 'add', values: changes.map((change) => ({ change })) }),
    core.table('sync').mutate({ trans, type: 'put', values: [{ key: LOCAL_KEY, value: next }] }),
  ]);
  return next;
}

function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] | undefined {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return undefined;
  const extract = table.schema.primaryKey.extractKey;
  return req.keys ?? (extract ? req.values.map((v) => extract(v)) : undefined);
}

/**
 * The `local` row as last written, kept in memory so a write while sync is off costs nothing: the
 * worker is the database's only writer, and every write of the row passes through here.
 */
export interface CaptureCache {
  primed: boolean;
  local?: LocalRow | undefined;
}

export function syncCapture(options: CaptureOptions = {}, cache: CaptureCache = { primed: false }): Middleware<DBCore> {
  const now = options.now ?? Date.now;
  return {
    stack: 'dbcore',
    name: 'syncCapture',
    // Next to IndexedDB, under Dexie's own layers (hooks, live queries): those read Dexie's zone,
    // which an await here would lose; below them, only IndexedDB requests follow.
    level: -2,
    create(down) {
      const hasSync = down.schema.tables.some((t) => t.name === 'sync');
      const localOf = async (trans: DBCoreTransaction): Promise<LocalRow | undefined> => {
        if (cache.primed) return cache.local;
        const row = (await down.table('sync').get({ trans, key: LOCAL_KEY })) as { value: LocalRow } | undefined;
        return row?.value;
      };
      return {
        ...down,
        transaction(stores, mode, opts) {
          if (mode !== 'readwrite' || !hasSync || !stores.some((s) => SYNCED_TABLES.has(s))) {
            return down.transaction(stores, mode, opts);
          }
          const trans = down.transaction([...new Set([...stores, ...SYNC_TABLES])], mode, opts);
          if (stores.includes('syncDocs')) own.add(trans);
          return trans;
        },
        table(name) {
          const table = down.table(name);
          if (name === 'sync') {
            return {
              ...table,
              mutate(req) {
                if (req.type === 'put' || req.type === 'add') {
                  for (const v of req.values as { key: string; value: LocalRow }[]) {
                    if (v.key === LOCAL_KEY) Object.assign(cache, { primed: true, local: v.value });
                  }
                } else if (req.type === 'deleteRange' || req.keys.includes(LOCAL_KEY)) cache.primed = false;
                return table.mutate(req);
              },
            };
          }
          if (!hasSync || !SYNCED_TABLES.has(name)) return table;
          return {
            ...table,
            mutate(req) {
              // The common case without a single await: sync off, or sync's own transaction.
              if (own.has(req.trans) || (cache.primed && !cache.local?.recording)) return table.mutate(req);
              return recorded(down, table, req, localOf, now, (local) => {
                if (cache.primed) cache.local = local;
                options.onRecorded?.();
              });
            },
          };
        },
      };
    },
  };
}

async function recorded(
  down: DBCore,
  table: DBCoreTable,
  req: DBCoreMutateRequest,
  localOf: (trans: DBCoreTransaction) => Promise<LocalRow | undefined>,
  now: () => number,
  onRecorded: (local: LocalRow) => void,
) {
  let local: LocalRow | undefined;
  try {
    local = await localOf(req.trans);
  } catch {
    // A schema upgrade's writes, before version 14 made the sync tables.
    return table.mutate(req);
  }
  if (!local?.recording) return table.mutate(req);
  let keys = keysOf(table, req);
  let olds: unknown[];
  if (keys === undefined) {
    const range = req.type === 'deleteRange' ? req.range : undefined;
    const found = await table.query({
      trans: req.trans,
      values: true,
      query: { index: table.schema.primaryKey, range: range! },
    });
    olds = found.result;
    keys = olds.map((v) => table.schema.primaryKey.extractKey!(v));
  } else {
    olds = await table.getMany({ trans: req.trans, keys });
  }
  const result = await table.mutate(req);
  const nexts = req.type === 'put' || req.type === 'add' ? req.values : [];
  const drafts: Draft[] = [];
  for (let i = 0; i < keys.length; i++) {
    if (result.failures[i]) continue;
    // An add that found the key taken changed nothing.
    if (req.type === 'add' && olds[i] !== undefined) continue;
    drafts.push(...draftsFor(table.name, olds[i], nexts[i]));
  }
  if (table.name === 'listEntries') await withListedMeta(down, req.trans, drafts);
  const next = await record(down, req.trans, local, drafts, now);
  if (next) onRecorded(next);
  return result;
}

/** A paper put in a list is one the user did something with: its metadata syncs from then on. */
async function withListedMeta(core: DBCore, trans: DBCoreTransaction, drafts: Draft[]): Promise<void> {
  const joined = drafts.flatMap((d) => (d.kind === 'member' && d.present ? [d.paper] : []));
  if (!joined.length) return;
  const papers = (await core.table('papers').getMany({ trans, keys: joined })) as (Paper | undefined)[];
  for (const p of papers) if (p && !hasOwnState(p)) drafts.push(...metaDrafts(p));
}
