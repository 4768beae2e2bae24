/**
 * The one Dexie database. Each schema change is a new `version()` below, never an edit of an
 * old one, and comes with a test that upgrades a database made by the previous version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Paper, SettingRecord } from '../shared/model';

export const DB_NAME = 'papershelf';

export type PapershelfDb = Dexie & {
  papers: EntityTable<Paper, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
};

export function openDatabase(name: string = DB_NAME): PapershelfDb {
  const db = new Dexie(name) as PapershelfDb;
  db.version(1).stores({
    // Optional fields (readAt, savedAt, toReadSince) are indexed on purpose: IndexedDB leaves a
    // record out of an index whose key it lacks, so each index is exactly one queue.
    papers: 'id, firstSeenAt, lastSeenAt, readAt, savedAt, toReadSince, updatedAt',
    settings: 'key',
  });
  return db;
}
