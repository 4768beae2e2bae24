/**
 * The database as the worker opens it: every write to a synced table records its sync changes in
 * the same transaction (sync-capture.ts). Only the worker writes; pages open the plain database
 * (schema.ts) and so load none of sync's code (26 kB of the pages' shared chunk).
 */
import { DB_NAME, openDatabase, type PapershelfDb } from './schema';
import { syncCapture, type CaptureCache, type CaptureOptions } from './sync-capture';

export function openRecordingDatabase(name: string = DB_NAME, capture: CaptureOptions = {}): PapershelfDb {
  const db = openDatabase(name);
  const cache: CaptureCache = { primed: false };
  db.use(syncCapture(capture, cache));
  // The sync row read once per open, so a write while sync is off never waits for it.
  db.on('ready', async () => {
    if (!db.tables.some((t) => t.name === 'sync')) return;
    const row = await db.table('sync').get('local');
    Object.assign(cache, { primed: true, local: row?.value });
  });
  return db;
}
