/** A fresh Dexie database on fake-indexeddb for each test. */
import 'fake-indexeddb/auto';
import { openDatabase, type PapershelfDb } from '../../src/db/schema';

let n = 0;
export function freshDb(): PapershelfDb {
  return openDatabase(`papershelf-test-${process.pid}-${++n}`);
}
