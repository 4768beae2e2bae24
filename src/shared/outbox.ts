/**
 * The durable outbox (issue 20, point 3): a stamped write is put in the extension's storage before
 * it is sent, so a write made just before its tab closes, while the worker is asleep, is still
 * applied — by the worker, which drains the outbox when it starts and when the outbox changes.
 * This module is the format both sides agree on; it imports nothing.
 */

/** Every outbox entry's key starts with this; nothing else uses `storage.local`. */
export const OUTBOX_PREFIX = 'outbox:';

/**
 * The writes that may go through the outbox: the stamped writes of one paper's field, all of them
 * requests a content script may send. The stamp makes a repeat harmless (the worker applies a
 * field's write only if it is newer than the last), which is what lets both the message and the
 * outbox deliver the same write.
 */
export const OUTBOX_TYPES: ReadonlySet<string> = new Set([
  'paper/setRead',
  'paper/setSaved',
  'paper/setNote',
  'paper/tag',
  'paper/dismiss',
  'lists/member',
]);

/** What is stored under a key: the request as sent, and the address of the page that wrote it. */
export interface OutboxEntry {
  message: unknown;
  from: string;
}

export interface StampedWrite {
  type: string;
  at: number;
  id?: string;
  paperId?: string;
}

/** Whether a request is one the outbox keeps: a stamped write of one paper's field. */
export function isStampedWrite(message: { type: string }): message is StampedWrite {
  return OUTBOX_TYPES.has(message.type) && typeof (message as { at?: unknown }).at === 'number';
}

/**
 * The key of a write: its stamp, type and paper. The same write always gets the same key, so
 * putting it again (a note saved after it was typed) replaces it; two pages stamping the same
 * microsecond for the same field would share a key, and the worker would apply only one of two
 * equal stamps anyway.
 */
export function outboxKey(message: StampedWrite): string {
  return `${OUTBOX_PREFIX}${message.at}:${message.type}:${message.id ?? message.paperId ?? ''}`;
}
