// User actions first: a request issued while indexing or an import runs is answered before the
// background batch after the current one.
import { describe, expect, it } from 'vitest';
import { importQuiet } from '../../src/background/import-quiet';
import { priorityGate } from '../../src/background/priority';
import { requestRunner } from '../../src/background/request-lanes';
import { applyImport, batchOf } from '../../src/db/import';
import { indexPending, setPaperState } from '../../src/db/papers';
import type { PapershelfDb } from '../../src/db/schema';
import { readSettings } from '../../src/db/settings';
import type { Paper } from '../../src/shared/model';
import { freshDb } from './db';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const papers = (n: number, from = 0): Paper[] =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      id: `2401.${10_000 + i}`,
      title: `Paper ${i}`,
      authors: ['Ada Lovelace'],
      abstract: 'graph attention '.repeat(40),
      firstSeenAt: i,
      firstSeenUrl: 'https://arxiv.org/list/cs.LG/new',
      lastSeenAt: i,
      updatedAt: i,
    };
  });

/**
 * A click as the worker answers it: the settings (for the rules), the write, then the stored paper
 * read again (for its learnt suggestions): three transactions, as in changeOne.
 */
async function click(db: PapershelfDb, id: string, events: string[]) {
  await readSettings(db);
  await setPaperState(db, id, { read: true }, NOW);
  const paper = await db.papers.get(id);
  events.push('click answered');
  return paper;
}

describe('priority gate', () => {
  it('answers a click made during indexing before the batch after the current one', { timeout: 60_000 }, async () => {
    const db = freshDb();
    await applyImport(db, batchOf('import:backup', { complete: papers(600) }), NOW);
    const gate = priorityGate();
    const events: string[] = [];
    let batches = 0;
    let clicked: Promise<unknown> | undefined;
    const indexing = indexPending(
      db,
      () => {
        events.push(`batch ${++batches}`);
        // Right after the first batch, while the second is about to start, a click arrives.
        if (batches === 1) clicked = gate.user(() => click(db, '2401.10500', events));
      },
      gate.turn,
    );
    // Every listed paper indexed once, the clicked one with its new state.
    expect(await indexing).toBe(600);
    expect(await clicked).toMatchObject({ id: '2401.10500', readAt: NOW });
    // Issued after batch 1: answered before batch 3 (without the gate, its last read waits behind batch 3).
    expect(events.indexOf('click answered')).toBeGreaterThan(events.indexOf('batch 1'));
    expect(events.indexOf('click answered')).toBeLessThan(events.indexOf('batch 3'));
  });

  it('answers a click made while an import writes before the import batch after the current one', async () => {
    const db = freshDb();
    const gate = priorityGate();
    const events: string[] = [];
    let clicked: Promise<unknown> | undefined;
    // The import: 5 batches, each taking its turn, as the worker runs import/apply.
    const importing = (async () => {
      for (let b = 0; b < 5; b++) {
        await gate.turn();
        const write = applyImport(db, batchOf('import:backup', { complete: papers(200, b * 200) }), NOW);
        // A click issued while the first batch is being written.
        if (b === 0) clicked = gate.user(() => click(db, '2401.10001', events));
        await write;
        events.push(`import batch ${b + 1}`);
      }
    })();
    await importing;
    await clicked;
    const answered = events.indexOf('click answered');
    expect(answered).toBeGreaterThanOrEqual(0);
    // Only the batch under way finished before it.
    expect(events.slice(0, answered)).toEqual(['import batch 1']);
    expect((await db.papers.get('2401.10001'))?.readAt).toBe(NOW);
  });

  it('lets background work go on once user requests are answered', async () => {
    const gate = priorityGate();
    let release!: () => void;
    const slow = gate.user(() => new Promise<void>((r) => (release = r)));
    let turned = false;
    const turn = gate.turn().then(() => (turned = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(turned).toBe(false);
    release();
    await slow;
    await turn;
    expect(turned).toBe(true);
  });

  it('answers "Sync now" though the sync run it waits for takes background turns, and a click still goes first', async () => {
    const gate = priorityGate();
    const runRequest = requestRunner(gate, importQuiet(0));
    const order: string[] = [];
    // A sync run as the worker's: a background turn before each of its transactions.
    const syncRun = async () => {
      for (let i = 0; i < 3; i++) {
        await gate.turn();
        order.push(`sync ${i}`);
      }
      return 'synced';
    };
    const syncNow = runRequest('sync/now', syncRun);
    const click = runRequest('paper/setRead', async () => void order.push('click'));
    const answered = await Promise.race([
      syncNow,
      new Promise((resolve) => setTimeout(() => resolve('never answered'), 5_000)),
    ]);
    await click;
    expect(answered).toBe('synced');
    expect(order[0]).toBe('click');
  });
});
