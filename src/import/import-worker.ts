/**
 * The options page's import worker: reads, checks and previews a file off the page's main thread,
 * then hands the page one batch at a time to send to the background worker. It writes nothing
 * (the background worker is the only writer); terminating it cancels whatever it was doing.
 */
import { openDatabase } from '../db/schema';
import { prepareImport, type Prepared } from './job';
import type { ImportBatch } from '../db/import';
import type { ImportProgress, PreparedCounts } from './job';
import type { Skipped } from './plan';
import type { ImportFile } from './source';

export type ToImportWorker = { type: 'prepare'; file: File; now: number } | { type: 'next' };

/** At most this many skipped entries cross to the page; the count says how many there were. */
export const SKIPPED_SHOWN = 200;

export type FromImportWorker =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'prepared'; kind: string; counts: PreparedCounts; skipped: Skipped[]; skippedCount: number; papers: number }
  | { type: 'batch'; batch: ImportBatch }
  | { type: 'end' }
  | { type: 'error'; message: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToImportWorker>) => void) | null;
  postMessage(m: FromImportWorker): void;
};
const db = openDatabase();
let prepared: Prepared | undefined;
let batches: AsyncGenerator<ImportBatch> | undefined;

const failed = (err: unknown) =>
  scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });

scope.onmessage = ({ data }) => {
  if (data.type === 'prepare') {
    // Progress at most every 100 ms: the page repaints on each message.
    let last = 0;
    prepareImport(db, data.file as ImportFile, data.now, (p) => {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      scope.postMessage({ type: 'progress', ...p });
    }).then((p) => {
      prepared = p;
      scope.postMessage({
        type: 'prepared',
        kind: p.kind,
        counts: p.counts,
        skipped: p.skipped.slice(0, SKIPPED_SHOWN),
        skippedCount: p.skipped.length,
        papers: p.papers,
      });
    }, failed);
  } else if (prepared) {
    batches ??= prepared.batches();
    batches.next().then((r) => scope.postMessage(r.done ? { type: 'end' } : { type: 'batch', batch: r.value }), failed);
  }
};
