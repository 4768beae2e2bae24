/**
 * Sizes background transactions by how long the last one took, so each takes about `targetMs`:
 * a click waits for the transaction under way, so that is how long it may wait. One fixed size
 * cannot do it: the same 200 sync documents took ~150 ms in Chromium (a click waited 172 ms, median,
 * 2026-12-03), and a paper's cost depends on its abstract, the machine and its load. The size
 * shrinks at once and grows at most twofold a step, so one fast transaction does not overshoot.
 */
export interface BatchSizer {
  /** Items for the next transaction. */
  size(): number;
  /** Runs one transaction of `size()` items and learns from its duration. */
  time<T>(work: () => Promise<T>): Promise<T>;
}

export function batchSizer(options: {
  targetMs: number;
  start: number;
  min: number;
  max: number;
  now?: () => number;
}): BatchSizer {
  const now = options.now ?? (() => performance.now());
  let size = options.start;
  return {
    size: () => size,
    async time(work) {
      const t = now();
      const result = await work();
      const took = Math.max(now() - t, 1);
      const next = Math.round(size * Math.min(2, options.targetMs / took));
      size = Math.min(options.max, Math.max(options.min, next));
      return result;
    },
  };
}
