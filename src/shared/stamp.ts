/**
 * When the user acted, as a number that orders every action: microseconds since the epoch, with
 * actions in the same millisecond counted apart, so two clicks in one millisecond keep their
 * order. Made where the user acted (a tab, the popup), sent with the write, and compared by the
 * worker per paper and field: a write older than the last one applied is ignored, so a click
 * retried after a worker restart never undoes a newer one. One counter per page context; the
 * pages of one machine share its clock.
 */
export const stamp = stamper();

/** A counter of its own: the worker stamps its reads (PaperState.asOf) apart from any page's actions. */
export function stamper(): (now?: number) => number {
  let last = 0;
  return (now = Date.now()) => (last = Math.max(Math.floor(now) * 1000, last + 1));
}

/** How far ahead of the worker's clock a stamp may be: 60 s, in stamp units (µs). */
export const MAX_STAMP_AHEAD = 60_000_000;

/**
 * The stamp the worker applies: a page's clock (or a forged stamp) more than 60 s ahead is taken
 * as 60 s ahead, so it cannot lock a field against the user's later actions for longer; a write
 * without a stamp counts as made when it reached the worker.
 */
export function stampAt(at: number | undefined, nowMs: number): number {
  const now = Math.floor(nowMs) * 1000;
  return at === undefined ? now : Math.min(at, now + MAX_STAMP_AHEAD);
}
