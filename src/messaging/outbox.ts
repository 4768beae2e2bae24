/**
 * The sending side of the outbox (shared/outbox.ts), for content scripts and the editor frame.
 * `storage.local` is the extension's: a page script cannot read or write it. The call is
 * dispatched to the browser at once, so an entry put just before the tab closes is kept.
 */
import { outboxKey, type OutboxEntry, type StampedWrite } from '../shared/outbox';

interface NativeStorageArea {
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

/** Native `storage.local` (promise-based in both browsers), without webextension-polyfill's size. */
function local(): NativeStorageArea | undefined {
  const g = globalThis as unknown as {
    browser?: { storage?: { local: NativeStorageArea } };
    chrome?: { storage?: { local: NativeStorageArea } };
  };
  return (g.browser ?? g.chrome)?.storage?.local;
}

/**
 * Calls storage without letting it throw: an orphaned content script (the extension was updated)
 * has no storage, and the write then fails the way its message does.
 */
function call(use: (area: NativeStorageArea) => Promise<void>): void {
  try {
    const area = local();
    if (area) use(area).catch(() => undefined);
  } catch {
    // Extension context invalidated: nothing to keep, and the request reports it.
  }
}

/** Puts a write in the outbox, under its key, with the address of the page or frame that made it. */
export function keep(message: StampedWrite): void {
  const entry: OutboxEntry = { message, from: location.href };
  call((area) => area.set({ [outboxKey(message)]: entry }));
}

/** Takes a write out of the outbox: the worker answered it, or a newer one replaced it. */
export function drop(message: StampedWrite): void {
  call((area) => area.remove(outboxKey(message)));
}
