/** A fresh Dexie database on fake-indexeddb for each test. */
import 'fake-indexeddb/auto';
import { openRecordingDatabase } from '../../src/db/recording';
import type { PapershelfDb } from '../../src/db/schema';

let n = 0;
export function freshDb(): PapershelfDb {
  return openRecordingDatabase(`papershelf-test-${process.pid}-${++n}`);
}
