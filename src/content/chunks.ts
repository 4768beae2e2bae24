/**
 * Runs work over many items without blocking input: slices of at most `budgetMs`, then yields.
 * How long a slice should be depends on what a yield costs, measured on the 1,000-card bench:
 * - controls inserted into a laid-out page make it lay out its whole grid again after each yield
 *   (60–150 ms there): 30 ms slices, as 8 ms ones doubled the total for no gain;
 * - with the controls' room reserved (room.ts) a yield costs only the new controls' style and the
 *   browser's per-frame work: 8 ms slices keep each frame shorter (longest frame 61–92 ms in the
 *   last three benches, 96 ms with 15 ms slices). Yielding to the next frame instead of the next
 *   task measured no better.
 */
export const SLICE_MS = 30;
export const SLICE_MS_IN_RESERVED_ROOM = 8;

export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    // A message-channel task runs before timers and is not clamped like nested setTimeout.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

/**
 * `startedAt`: when the task that calls this began its work, so the first slice includes it.
 * The first slice is never longer than a reserved-room slice: items come in page order, so it
 * holds the first screen's cards, which then reach the page without waiting for a 30 ms slice of
 * cards below it (the first screen's controls came 28 ms after DOMContentLoaded on an arXiv
 * listing, its 50 entries mounted in one slice).
 */
export async function inChunks<T>(
  items: readonly T[],
  work: (item: T) => void,
  budgetMs = SLICE_MS,
  startedAt = performance.now(),
): Promise<void> {
  let sliceStart = startedAt;
  let budget = SLICE_MS_IN_RESERVED_ROOM;
  for (const item of items) {
    work(item);
    if (performance.now() - sliceStart > budget) {
      await nextTask();
      sliceStart = performance.now();
      budget = budgetMs;
    }
  }
}
