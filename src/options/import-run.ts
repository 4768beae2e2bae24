/**
 * The page's side of an import: a file is read, checked and previewed in a worker (the page's
 * main thread only paints progress), then written one batch per `import/apply` request, so the
 * background worker answers clicks between batches. Cancel stops reading at once, or writing
 * after the batch under way.
 */
import type { ImportBatch, ImportCounts } from '../db/import';
import type { PapershelfDb } from '../db/schema';
import type { FromImportWorker, ToImportWorker } from '../import/import-worker';
import type { ImportProgress, PreparedCounts } from '../import/job';
import type { ImportPlan, Skipped } from '../import/plan';
import type { WorkerConnection } from '../messaging/client';

export interface PreparedInfo {
  kind: string;
  counts: PreparedCounts;
  skipped: Skipped[];
  skippedCount: number;
  papers: number;
}

export interface ImportRun {
  prepared: Promise<PreparedInfo>;
  batches(): AsyncGenerator<ImportBatch>;
  /** Stops the reading; the worker is let go. */
  cancel(): void;
}

export class Cancelled extends Error {
  override name = 'Cancelled';
}

/** Reads `file` in a worker; `onProgress` hears how far the reading has come. */
export function readInWorker(file: File, now: number, onProgress: (p: ImportProgress) => void): ImportRun {
  const worker = new Worker(new URL('../import/import-worker.ts', import.meta.url), { type: 'module' });
  const post = (m: ToImportWorker) => worker.postMessage(m);
  let waiting: ((m: FromImportWorker) => void) | undefined;
  let fail: (err: Error) => void = () => undefined;
  const prepared = new Promise<PreparedInfo>((resolve, reject) => {
    fail = reject;
    waiting = (m) => {
      if (m.type === 'prepared') resolve(m);
      else if (m.type === 'error') reject(new Error(m.message));
    };
  });
  worker.onmessage = ({ data }: MessageEvent<FromImportWorker>) => {
    if (data.type === 'progress') onProgress(data);
    else waiting?.(data);
  };
  worker.onerror = (e) => fail(new Error(e.message || 'The import worker failed.'));
  post({ type: 'prepare', file, now });
  return {
    prepared,
    async *batches() {
      try {
        for (;;) {
          const next = await new Promise<FromImportWorker>((resolve, reject) => {
            fail = reject;
            waiting = resolve;
            post({ type: 'next' });
          });
          if (next.type === 'error') throw new Error(next.message);
          if (next.type !== 'batch') return;
          yield next.batch;
        }
      } finally {
        worker.terminate();
      }
    },
    cancel() {
      worker.terminate();
      fail(new Cancelled());
    },
  };
}

/** A plan made in the page (pasted ids): small, previewed and written the same way. */
export function runOfPlan(db: PapershelfDb, plan: ImportPlan, now: number): ImportRun {
  const job = import('../import/job');
  const prepared = job.then((j) => j.preparePlan(db, plan, now));
  return {
    prepared: prepared.then((p) => ({
      kind: p.kind,
      counts: p.counts,
      skipped: p.skipped,
      skippedCount: p.skipped.length,
      papers: p.papers,
    })),
    async *batches() {
      yield* (await prepared).batches();
    },
    cancel() {},
  };
}

export interface Written extends ImportCounts {
  listed: number;
  /** Papers (and entries of other tools) sent so far. */
  papers: number;
}

/**
 * Batches sent before the one under way is answered: the next batch's trip to the worker and its
 * checks there (a second or more for 1,000 papers on a loaded machine) overlap the write of the
 * one before. The worker still writes them one at a time, in order.
 */
const IN_FLIGHT = 2;

/**
 * Pass 2: sends each batch to the background worker; once `stop()` says so, sends no more and
 * stops when the batches already sent (at most IN_FLIGHT) are written.
 */
export async function writeAll(
  run: ImportRun,
  worker: WorkerConnection,
  onBatch: (w: Written) => void,
  stop: () => boolean,
): Promise<Written & { stopped: boolean }> {
  const total: Written = { created: 0, updated: 0, unchanged: 0, listed: 0, papers: 0 };
  const batches = run.batches();
  const sent: Promise<void>[] = [];
  const send = (batch: ImportBatch) =>
    worker.request({ type: 'import/apply', ...batch }).then((c) => {
      total.created += c.created;
      total.updated += c.updated;
      total.unchanged += c.unchanged;
      total.listed += c.listed;
      total.papers += batch.complete.length + batch.partial.length;
      onBatch({ ...total });
    });
  try {
    // The next batch is read and checked while the worker writes the ones sent.
    for (let r = await batches.next(); !r.done; r = await batches.next()) {
      if (sent.length === IN_FLIGHT) await sent.shift();
      if (stop()) {
        await Promise.all(sent);
        await batches.return(undefined);
        return { ...total, stopped: true };
      }
      const answer = send(r.value);
      // A failure is seen when its turn to be awaited comes; until then it must not be unhandled.
      answer.catch(() => undefined);
      sent.push(answer);
    }
    await Promise.all(sent);
  } catch (err) {
    // Batches already sent are written, or fail, before the import says it stopped.
    await Promise.allSettled(sent);
    throw err;
  }
  return { ...total, stopped: false };
}
