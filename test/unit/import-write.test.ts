// The page's write pass: the next batch travels while the worker writes the one before (at most
// two sent and unanswered), answers are counted in order, and Stop sends nothing more.
import { describe, expect, it } from 'vitest';
import { batchOf, type ImportBatch } from '../../src/db/import';
import type { WorkerConnection } from '../../src/messaging/client';
import { writeAll, type ImportRun } from '../../src/options/import-run';
import type { Paper } from '../../src/shared/model';
import { numberedPaper } from './seed';

function runOf(n: number, size = 10): ImportRun {
  return {
    prepared: new Promise(() => undefined),
    async *batches(): AsyncGenerator<ImportBatch> {
      for (let b = 0; b < n; b++)
        yield batchOf('import:backup', {
          complete: Array.from({ length: size }, (_, k) => numberedPaper(b * size + k)),
        });
    },
    cancel() {},
  };
}

/** A worker whose answers the test gives, one batch at a time. */
function slowWorker() {
  const pending: { batch: number; answer: () => void }[] = [];
  let sent = 0;
  const worker = {
    async request(message: { type: string; complete: Paper[] }) {
      const batch = ++sent;
      await new Promise<void>((resolve) => pending.push({ batch, answer: resolve }));
      return { created: message.complete.length, updated: 0, unchanged: 0, listed: 0 };
    },
    onPush: () => () => undefined,
  } as unknown as WorkerConnection;
  return { worker, pending, sent: () => sent };
}

describe('writing an import', () => {
  it('sends the next batch before the one under way is answered, never more than two', async () => {
    const w = slowWorker();
    const seen: number[] = [];
    const done = writeAll(
      runOf(5),
      w.worker,
      (c) => seen.push(c.papers),
      () => false,
    );
    await expect.poll(() => w.pending.length).toBe(2);
    // Two sent, none answered: the third waits for the first answer.
    expect(w.sent()).toBe(2);
    for (let answered = 1; answered <= 5; answered++) {
      w.pending.shift()!.answer();
      await expect.poll(() => seen.length).toBe(answered);
      expect(w.sent()).toBe(Math.min(answered + 2, 5));
    }
    expect(await done).toMatchObject({ created: 50, papers: 50, stopped: false });
    expect(seen).toEqual([10, 20, 30, 40, 50]);
  });

  it('sends nothing after Stop, and waits for the batches already sent', async () => {
    const w = slowWorker();
    let stopping = false;
    const done = writeAll(
      runOf(5),
      w.worker,
      () => undefined,
      () => stopping,
    );
    await expect.poll(() => w.pending.length).toBe(2);
    stopping = true;
    w.pending.shift()!.answer();
    await expect.poll(() => w.pending.length).toBe(1);
    let finished = false;
    void done.then(() => (finished = true));
    await new Promise((r) => setTimeout(r, 0));
    // The second batch is still being written: the import has not stopped yet.
    expect(finished).toBe(false);
    w.pending.shift()!.answer();
    expect(await done).toMatchObject({ created: 20, papers: 20, stopped: true });
    expect(w.sent()).toBe(2);
  });
});
