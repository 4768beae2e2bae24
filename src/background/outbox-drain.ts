/**
 * The receiving side of the outbox (shared/outbox.ts). Pages put each stamped write in
 * `storage.local` before sending it; a write whose tab closed before the worker answered is
 * applied from there when the worker starts, and when the outbox changes (`storage.onChanged`
 * also wakes a stopped worker). Each entry goes through the same checks as a message: validated
 * by `parseRequest`, only a stamped write of one field, and with no more rights than a content
 * script — whoever wrote the entry, since a content script can write `storage.local` too. The
 * page itself cannot reach extension storage, so it can neither add an entry nor read one.
 */
import { OUTBOX_PREFIX, OUTBOX_TYPES } from '../shared/outbox';
import type { Request } from '../shared/protocol';
import { parseRequest } from '../shared/requests';
import { adapterFor } from '../sites/registry';
import { CONTENT_SCRIPT_REQUESTS } from './sender';

/** The part of `storage.local` the drain uses (a fake in tests). */
export interface OutboxStorage {
  getAll(): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/** Runs one request as the message handler would, from a content script on `senderUrl` if given. */
export type Apply = (request: Request, senderUrl: string | undefined) => Promise<unknown>;

/** The request an entry holds, if it is one the outbox may carry; and the page it came from. */
export function entryRequest(value: unknown): { request: Request; senderUrl: string | undefined } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { message, from } = value as { message?: unknown; from?: unknown };
  const parsed = parseRequest(message);
  if (!parsed.ok) return undefined;
  const request = parsed.value;
  if (!OUTBOX_TYPES.has(request.type) || !CONTENT_SCRIPT_REQUESTS.has(request.type)) return undefined;
  if (typeof (request as { at?: unknown }).at !== 'number') return undefined;
  // The page a content script wrote it on, as its message would say; the editor frame (an
  // extension page) or anything unclaimed gives none.
  const senderUrl = typeof from === 'string' && adapterFor(from) ? from : undefined;
  return { request, senderUrl };
}

const stampOf = (key: string) => Number(key.slice(OUTBOX_PREFIX.length).split(':')[0]) || 0;

/**
 * Applies every entry in the outbox, oldest stamp first, and removes each once handled, applied
 * or not: a malformed or forbidden entry is dropped, and one the handler failed on is logged and
 * dropped rather than retried at every start. Returns how many were applied.
 */
export async function drainOutbox(storage: OutboxStorage, apply: Apply): Promise<number> {
  const all = await storage.getAll();
  const keys = Object.keys(all)
    .filter((k) => k.startsWith(OUTBOX_PREFIX))
    .sort((a, b) => stampOf(a) - stampOf(b));
  let applied = 0;
  for (const key of keys) {
    const entry = entryRequest(all[key]);
    if (entry) {
      try {
        await apply(entry.request, entry.senderUrl);
        applied++;
      } catch (err) {
        console.error('Papershelf: a write from the outbox failed', err);
      }
    } else console.warn('Papershelf: dropped an outbox entry that is not an allowed write', key);
    await storage.remove([key]);
  }
  return applied;
}

/**
 * One drain at a time: a call while one runs asks for one more pass after it. `later()` waits
 * `quietMs` after the last call first, so the writes a live page sends and answers itself (and
 * takes out) are usually gone before the worker looks, and typing does not start a drain per key.
 */
export function outboxDrainer(storage: OutboxStorage, apply: Apply, quietMs: number) {
  let running: Promise<void> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = drainOutbox(storage, apply)
      .then(() => undefined)
      .catch((err: unknown) => console.error('Papershelf: could not read the outbox', err))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void now();
        }
      });
    return running;
  };
  return {
    now,
    later() {
      clearTimeout(timer);
      timer = setTimeout(() => void now(), quietMs);
    },
  };
}
