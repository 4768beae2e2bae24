/**
 * An import's batches, one transaction at a time. The page sends the next batch before the one
 * under way is answered, so that the next one's copying and checking overlap this one's write; the
 * worker still writes them one after the other, each taking its turn at the priority gate when
 * the one before is done, so a click waits for one import transaction at most.
 *
 * Indexing and retraining wait while an import is sending batches (the page sends the next as
 * soon as one is answered): between them they would make the import as long as the import and
 * the indexing together, and search cannot use a half-indexed library any better. An import is
 * under way while one of its batches is being written, and until `quietMs` after the last one was
 * answered; the page's next batch comes well within that.
 *
 * Counted from a batch's arrival instead, indexing got in whenever a batch took longer than
 * `quietMs` to write (as on a loaded machine), and each indexing transaction then held up the
 * import's next batch.
 */
export interface ImportQuiet {
  /**
   * Runs one import batch's write once the batches before it are written; background work waits
   * while any is queued or running, and `quietMs` after.
   */
  batch<T>(write: () => Promise<T>): Promise<T>;
  /** Resolves once no import batch is being written and none was answered in the last `quietMs`. */
  quiet(): Promise<void>;
}

export function importQuiet(quietMs: number, now: () => number = Date.now): ImportQuiet {
  let writing = 0;
  let lastAnswer = -Infinity;
  let previous: Promise<unknown> = Promise.resolve();
  return {
    async batch(write) {
      writing++;
      const mine = previous.catch(() => undefined).then(write);
      previous = mine;
      try {
        return await mine;
      } finally {
        writing--;
        lastAnswer = now();
      }
    },
    async quiet() {
      for (;;) {
        const wait = writing > 0 ? quietMs : lastAnswer + quietMs - now();
        if (wait <= 0) return;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    },
  };
}
