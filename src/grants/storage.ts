/**
 * Where the library lives: the extension's IndexedDB. Browsers may clear an origin's storage
 * under disk pressure unless it is persistent, and Firefox's "Never remember history" mode gives
 * extensions a database that is gone when the browser closes, or none at all.
 */
import browser from 'webextension-polyfill';
import type { PapershelfDb } from '../db/schema';

export type StorageState =
  /** IndexedDB works; `persistent`: the browser will not clear it to free space. */
  | { kind: 'kept'; persistent: boolean }
  /** IndexedDB works, but only until the browser closes (private browsing everywhere). */
  | { kind: 'forgotten' }
  /** IndexedDB cannot be opened here: nothing can be stored. */
  | { kind: 'unusable'; reason: string };

/**
 * Opens the database and, once it works, asks for persistent storage. Extension pages call this
 * on every start: `persist()` is asked only while the storage is not persistent yet (the first use),
 * and the extension's `unlimitedStorage` permission lets the browser grant it without a prompt.
 */
export async function checkStorage(db: PapershelfDb): Promise<StorageState> {
  try {
    await db.open();
  } catch (err) {
    // Dexie's message repeats the inner error's; its name says enough (InvalidStateError in Firefox).
    return {
      kind: 'unusable',
      reason: err instanceof Error ? ((err as Error & { inner?: Error }).inner?.name ?? err.name) : String(err),
    };
  }
  if (browser.extension.inIncognitoContext) return { kind: 'forgotten' };
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.persisted) return { kind: 'kept', persistent: false };
  const persistent = (await storage.persisted()) || (await storage.persist().catch(() => false));
  return { kind: 'kept', persistent };
}
