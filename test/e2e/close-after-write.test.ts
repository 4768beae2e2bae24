// A write survives its tab closing right after it, while the worker is asleep (issue 20, point 3).
// Manifest V3 stops an idle worker after 30 s, so this is the normal state: a note typed then the
// tab closed, or a click then the tab closed, must still be stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, detectedIds, editorOf, launch, storedPaper, type Session } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
/** How long after the last keystroke the tab is closed, in ms: the scenario, not a wait for a result. */
const CLOSE_AFTER_MS = [0, 100, 300];
const ROUNDS = 2;
const CLICKS = 4;

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The stored record of a paper, once the worker has had time to apply what it was left. */
const stored = (id: string) => storedPaper(s, id);

describe('a write, then the tab closed, with the worker stopped first', () => {
  it(
    `keeps a note typed then the tab closed ${CLOSE_AFTER_MS.join(', ')} ms later, ${ROUNDS} times each`,
    {
      timeout: 300_000,
    },
    async () => {
      const probe = await s.open(FEED);
      const ids = await detectedIds(probe);
      await probe.close();
      const trials = Array.from({ length: ROUNDS }, () => CLOSE_AFTER_MS).flat();
      expect(ids.length).toBeGreaterThanOrEqual(trials.length);
      const written: [string, string][] = [];
      for (const [i, delay] of trials.entries()) {
        const id = ids[i]!;
        const page = await s.open(FEED);
        const paper = card(page, id);
        await paper.getByRole('button', { name: 'Note' }).click();
        const box = editorOf(paper).getByRole('textbox', { name: 'Note' });
        await box.waitFor();
        await s.stopWorker();
        const note = `Closed ${delay} ms after typing (${i})`;
        await box.pressSequentially(note, { delay: 5 });
        await pause(delay);
        await page.close();
        written.push([id, note]);
      }
      // All at once, so a failure shows which were kept.
      await expect
        .poll(() => Promise.all(written.map(async ([id]) => [id, (await stored(id))?.note])), { timeout: 15_000 })
        .toEqual(written);
    },
  );

  it(`keeps a Mark read clicked then the tab closed at once, ${CLICKS} times`, { timeout: 120_000 }, async () => {
    const probe = await s.open(FEED);
    const ids = (await detectedIds(probe)).slice(-CLICKS);
    await probe.close();
    for (const id of ids) {
      const page = await s.open(FEED);
      const read = card(page, id).getByRole('button', { name: 'Mark read' });
      await read.waitFor();
      await s.stopWorker();
      await read.click();
      await page.close();
    }
    const readOnes = async () =>
      (await Promise.all(ids.map(async (id) => typeof (await stored(id))?.readAt))).filter((t) => t === 'number');
    await expect.poll(async () => (await readOnes()).length, { timeout: 15_000 }).toBe(ids.length);
  });
});
