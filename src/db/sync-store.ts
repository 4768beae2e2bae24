/**
 * Sync's small records in the `sync` table: this device's id and clock, the server settings,
 * what was read from each other device, what this device has uploaded, and the last status.
 * The table is the worker's alone: never backed up or exported, and, unlike storage.local,
 * never readable by a content script, so the password kept here stays in the worker.
 */
import { newDeviceId } from '../sync/device';
import { LOCAL_KEY, type LocalRow } from './sync-capture';
import type { PapershelfDb } from './schema';

export interface SyncConfig {
  /** The folder's address, e.g. https://cloud.example.org/remote.php/dav/files/ada/ */
  url: string;
  user: string;
  password: string;
  /** The sync folder inside it, e.g. `Papershelf`. */
  folder: string;
}

/** What was read from one other device: the highest log chunk and snapshot taken in. */
export interface ReadMark {
  log: number;
  snapshot: number;
}

/** What this device has written to the server. */
export interface OwnFiles {
  /** The last log chunk uploaded. */
  log: number;
  snapshot: number;
  /** A chunk being uploaded: its number and the last pending change it holds (a retry sends the same). */
  inFlight?: { number: number; lastSeq: number };
  /** The size of each file uploaded, by name: a file missing or cut short on the server is noticed. */
  sizes?: Record<string, number>;
  /** The library as it was when sync was turned on has been recorded (sync-bootstrap.ts). */
  bootstrapped: boolean;
}

const get = async <T>(db: PapershelfDb, key: string): Promise<T | undefined> =>
  (await db.sync.get(key))?.value as T | undefined;
const put = (db: PapershelfDb, key: string, value: unknown) => db.sync.put({ key, value });

/** This device's id and clock, made on first use. */
export function localRow(db: PapershelfDb): Promise<LocalRow> {
  return db.transaction('rw', db.sync, async () => {
    const found = await get<LocalRow>(db, LOCAL_KEY);
    if (found) return found;
    const made: LocalRow = { device: newDeviceId(), clock: '', recording: false };
    await put(db, LOCAL_KEY, made);
    return made;
  });
}

export async function setRecording(db: PapershelfDb, recording: boolean): Promise<void> {
  await localRow(db);
  await db.transaction('rw', db.sync, async () => {
    const row = (await get<LocalRow>(db, LOCAL_KEY))!;
    await put(db, LOCAL_KEY, { ...row, recording });
  });
}

/** Saves the clock after receiving stamps; never moves it back (a local change may have moved it meanwhile). */
export async function saveClock(db: PapershelfDb, clock: string): Promise<void> {
  await db.transaction('rw', db.sync, async () => {
    const row = (await get<LocalRow>(db, LOCAL_KEY))!;
    if (clock > row.clock) await put(db, LOCAL_KEY, { ...row, clock });
  });
}

export const readConfig = (db: PapershelfDb) => get<SyncConfig>(db, 'config');
export const writeConfig = (db: PapershelfDb, config: SyncConfig | undefined) =>
  config ? put(db, 'config', config) : db.sync.delete('config');

export const readMark = async (db: PapershelfDb, device: string): Promise<ReadMark> =>
  (await get<ReadMark>(db, `read:${device}`)) ?? { log: 0, snapshot: 0 };
export const writeMark = (db: PapershelfDb, device: string, mark: ReadMark) => put(db, `read:${device}`, mark);

export const readOwn = async (db: PapershelfDb): Promise<OwnFiles> =>
  (await get<OwnFiles>(db, 'own')) ?? { log: 0, snapshot: 0, bootstrapped: false };
export const writeOwn = (db: PapershelfDb, own: OwnFiles) => put(db, 'own', own);

export const readSaved = <T>(db: PapershelfDb, key: string) => get<T>(db, key);
export const writeSaved = (db: PapershelfDb, key: string, value: unknown) => put(db, key, value);
