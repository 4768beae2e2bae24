/**
 * The one Dexie database. Each schema change is a new `version()` below, never an edit of an
 * old one, and comes with a test that upgrades a database made by the previous version.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { ListEntry, Paper, PaperList, ReadDisplay, SettingRecord } from '../shared/model';
import { SEARCH_MIGRATION } from './papers';
import type { Findable } from './search-query';
import type { Change } from '../sync/changes';

export const DB_NAME = 'papershelf';

export type PapershelfDb = Dexie & {
  papers: EntityTable<Paper, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  lists: EntityTable<PaperList, 'id'>;
  /** Keyed by [listId+paperId]: a paper is in a list at most once. */
  listEntries: Table<ListEntry, [string, string]>;
  derived: EntityTable<DerivedRecord, 'key'>;
  paperWords: EntityTable<PaperWords, 'id'>;
  searchCards: EntityTable<SearchCard, 'id'>;
  /** Papers written without their search rows (an import), which the worker indexes next. */
  toIndex: EntityTable<{ id: string }, 'id'>;
  /** Per paper, the stamp of the last user write applied to each field (field-stamps.ts). */
  fieldStamps: EntityTable<FieldStamps, 'id'>;
  /** Sync's own small records: device id and clock, config, read marks, status (sync-store.ts). */
  sync: EntityTable<SyncRow, 'key'>;
  /** Changes recorded here and not yet uploaded, in the order they were made. */
  syncPending: EntityTable<PendingChange, 'seq'>;
  /** Per paper, list, rule and setting: the winning change of each of its fields (sync-docs.ts). */
  syncDocs: EntityTable<SyncDoc, 'k'>;
};

/** One record of the `sync` table: never backed up, exported or read by a page. */
export interface SyncRow {
  key: string;
  value: unknown;
}

export interface PendingChange {
  seq?: number;
  change: Change;
}

/** `k`: `p:<paper id>`, `l:<list id>`, `r:<tag in lower case>` or `s:<setting key>`. */
export interface SyncDoc {
  k: string;
  /** One change per register (state.ts `stateToChanges`): the winner of each field. */
  changes: Change[];
}

/**
 * The stamps (shared/stamp.ts) of the last writes applied to one paper, by field: `read`, `saved`,
 * `note`, `tag:<name in lower case>`, `dismiss:<name>`, `list:<list id>`. Kept apart from the paper
 * record, which stays as small as it was: only papers the user changed have a row.
 */
export interface FieldStamps {
  id: string;
  at: Record<string, number>;
}

/**
 * The words of a paper's abstract that its search card's key words lack, for a paper the user did
 * something with (since version 13; before, every paper's words of every field). A paper only seen
 * has no row.
 */
export interface PaperWords {
  id: string;
  words: string[];
}

/**
 * What a search ranks and shows of a paper (no abstract), with the words of the fields a match
 * ranks highest in (title, tags, authors, note). A keystroke reads these small records straight
 * from their index, in one request, instead of finding keys and then reading whole papers.
 */
export type SearchCard = Findable & { keyWords: string[] };

/** Data the worker computes from the library and keeps so a restarted worker need not recompute it. */
export interface DerivedRecord {
  key: string;
  value: unknown;
  updatedAt: number;
}

/** Version 1's stores, kept verbatim: Dexie needs every version to upgrade old databases. */
export const V1_STORES = {
  // Optional fields (readAt, savedAt, toReadSince) are indexed on purpose: IndexedDB leaves a
  // record out of an index whose key it lacks, so each index is exactly one queue.
  papers: 'id, firstSeenAt, lastSeenAt, readAt, savedAt, toReadSince, updatedAt',
  settings: 'key',
};

/**
 * Version 2: papers opened on their own page (the Opened queue), and per-site display of read
 * papers, which replaces version 1's single "dim read cards" switch.
 */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const settings = tx.table<{ key: string; value: unknown; updatedAt: number }, string>('settings');
  const old = await settings.get('dimRead');
  if (!old) return;
  const display: ReadDisplay = old.value === false ? 'show' : 'dim';
  await settings.put({
    key: 'readDisplay',
    // The sites of version 2, as a literal: an upgrade uses only what was true when it shipped.
    value: { huggingface: display, arxiv: 'dim' },
    updatedAt: old.updatedAt,
  });
  await settings.delete('dimRead');
}

/** Version 2's stores, kept verbatim for the same reason. */
export const V2_STORES = { ...V1_STORES, papers: `${V1_STORES.papers}, openedAt` };

/** Version 3's stores. */
export const V3_STORES = { ...V2_STORES, papers: `${V2_STORES.papers}, *tags` };

/** Version 4's stores. */
export const V4_STORES = { ...V3_STORES, papers: `${V3_STORES.papers}, *words` };

/** Version 5's stores. */
export const V5_STORES = { ...V4_STORES, papers: `${V4_STORES.papers}, unindexed` };

/** Version 6's stores. */
export const V6_STORES = {
  ...V5_STORES,
  lists: 'id, name',
  listEntries: '[listId+paperId], [listId+position], paperId',
  // What the worker derives and keeps (the tag models): never backed up, rebuilt when missing.
  derived: 'key',
};

/**
 * Version 7: search words move out of the paper records, where they were half of every read
 * (exports, queues, search candidates) for a field only the index needs: all of a paper's words to
 * `paperWords`, and a small search card per paper, indexed by the words of its title, tags,
 * authors and note, to `searchCards`. A search reads the cards that will rank first before any
 * paper that only matches in its abstract.
 *
 * The papers' `*words` index stays declared: dropping it, or rewriting the records, inside the
 * upgrade took 12–35 s for 10,000 papers, with every page waiting for its states. The worker
 * moves the papers over in the background instead (`indexPending`, from the `searchMigration`
 * mark on), which empties that index as it goes; a later version can drop it for nothing.
 */
export const V7_STORES = {
  ...V6_STORES,
  paperWords: 'id, *words',
  searchCards: 'id, *keyWords',
};

async function upgradeToV7(tx: Transaction): Promise<void> {
  await tx.table<DerivedRecord, string>('derived').put({ key: SEARCH_MIGRATION, value: '', updatedAt: 0 });
}

/**
 * Version 8: the papers' `lastSeenAt`, `savedAt` and `updatedAt` indexes go. No query ever read
 * them (the queues are To read, Read, Seen and Opened; merges compare records, not index keys),
 * yet every paper written kept up to three entries in them: writing 10,000 papers took ~1.29 s
 * with them and ~1.13 s without (medians of 4, IndexedDB alone in Chromium), and each feed visit
 * rewrites its papers' `lastSeenAt`. Dropping them from a 10,000-paper library takes 44–82 ms, once.
 */
export const V8_STORES = {
  ...V7_STORES,
  papers: 'id, firstSeenAt, readAt, toReadSince, openedAt, *tags, *words, unindexed',
};

/**
 * Version 9: the papers' `*words` index goes, and with it the read every search made of papers the
 * version-7 move had not reached yet. For a library whose move finished (every library opened
 * since version 7 shipped, after a minute of background work) the index is empty and dropping it
 * costs nothing. A library upgraded straight from version 6 or older drops it with its entries
 * once; the move then goes on in the background from its mark, and until it reaches a paper, a
 * search does not find that paper (as for a paper just imported).
 */
export const V9_STORES = {
  ...V8_STORES,
  papers: 'id, firstSeenAt, readAt, toReadSince, openedAt, *tags, unindexed',
};

/**
 * Version 11 (10 is the per-field write stamps): papers an import wrote without their search rows
 * are listed in `toIndex` instead of carrying an `unindexed` mark. Indexing then writes only the
 * search tables and this list, never the papers: a write to papers of 50 records or more makes
 * every live query over papers run again (Dexie cannot tell which ranges changed), so each
 * indexing batch re-ran the popup's counts and queues. Papers marked `unindexed` by an earlier
 * version are indexed as before, from their index; the upgrade writes nothing.
 */
export const V11_STORES = { ...V9_STORES, toIndex: 'id' };

/**
 * Version 12: `fieldStamps`, one row per paper the user changed, so a write older than the last
 * one applied to the same field is ignored (a click retried after a worker restart must not undo a
 * newer click). Version 10 was set aside for this by an earlier branch never merged; the upgrade
 * writes nothing: a library without stamps applies the next write to each field, as before.
 */
export const V12_STORES = { ...V11_STORES, fieldStamps: 'id' };

/**
 * Version 13: `paperWords` holds only the abstract words a paper's card lacks, and only for papers
 * the user did something with (read, saved, opened, tagged, noted, a suggestion dismissed); a paper
 * only seen has no row. Its ~190 index entries a paper were most of a library's bytes,
 * and most papers are only seen. The stores are unchanged; the upgrade leaves a mark from which the
 * worker rewrites the rows in the background (`indexPending`), in id order. Until then the old rows
 * hold more words than needed, which search reads the same way.
 */
async function upgradeToV13(tx: Transaction): Promise<void> {
  // A literal, not WORDS_MIGRATION: an upgrade uses only what was true when it shipped.
  await tx.table<DerivedRecord, string>('derived').put({ key: 'wordsMigration', value: '', updatedAt: 0 });
}

/**
 * Version 14: sync (docs/sync.md). `sync` holds the device's id and clock, the server settings
 * and read marks; `syncPending` the changes not uploaded yet; `syncDocs` the winning change of
 * every synced field. None of them is backed up or exported. The upgrade writes nothing.
 */
export const V14_STORES = { ...V12_STORES, sync: 'key', syncPending: '++seq', syncDocs: 'k' };

/** The database as pages open it, to read. The worker opens it through recording.ts. */
export function openDatabase(name: string = DB_NAME): PapershelfDb {
  const db = new Dexie(name) as PapershelfDb;
  db.version(1).stores(V1_STORES);
  db.version(2).stores(V2_STORES).upgrade(upgradeToV2);
  // Version 3: tags and notes on papers; a multi-entry index finds the papers of a tag.
  db.version(3).stores(V3_STORES);
  // Version 4: search, by the words each paper carried under a multi-entry index. Its upgrade
  // wrote those words with the search code of the day; since version 7 the worker computes every
  // paper's words from its fields (the searchMigration mark below), and version 9 drops the
  // index, so the upgrade writes nothing: no upgrade calls into today's code.
  db.version(4).stores(V4_STORES);
  // Version 5: imports write first and compute search words after; this index finds the rest.
  db.version(5).stores(V5_STORES);
  // Version 6: custom lists. Entries are found by list (in order) and by paper (the card's menu).
  db.version(6).stores(V6_STORES);
  db.version(7).stores(V7_STORES).upgrade(upgradeToV7);
  db.version(8).stores(V8_STORES);
  db.version(9).stores(V9_STORES);
  db.version(11).stores(V11_STORES);
  db.version(12).stores(V12_STORES);
  db.version(13).stores(V12_STORES).upgrade(upgradeToV13);
  db.version(14).stores(V14_STORES);
  return db;
}
