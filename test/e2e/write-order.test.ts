// The last thing the user did wins: a click whose request a worker restart cut off, and which is
// therefore sent again, must not undo the click the user made after it (issue 20, point 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, launch, type Session } from './harness';
import { readStoredPaper } from './in-page';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const PAPERS = ['2407.21783', '2407.21705', '2407.21770', '2407.21646', '2407.21772'];
const TRIALS = 50;
/**
 * When the worker is stopped after click A, in ms since the previous stop: each stop fails A's
 * request again and doubles the wait before A is sent again, so click B, made after the last
 * stop, reaches the worker first. This is the scenario's timing, not a wait for a result: with
 * any timing the stored state must be B's.
 */
const STOPS_AFTER_MS = [150, 150, 200, 300];

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

/**
 * Holds a write transaction on the papers from an extension page, so the worker's write of A
 * waits (as behind a long import) and a stop of the worker cuts it off. Returns the release.
 */
async function holdPapers(reader: Page): Promise<() => Promise<void>> {
  await reader.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as { holding: boolean };
        w.holding = true;
        const open = indexedDB.open('papershelf');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('papers', 'readwrite').objectStore('papers');
          // A transaction lives while it has requests: one after another until released.
          const next = () => {
            if (w.holding) store.get('held').onsuccess = next;
            else db.close();
          };
          store.get('held').onsuccess = () => (resolve(), next());
        };
      }),
  );
  return () => reader.evaluate(() => void ((window as unknown as { holding: boolean }).holding = false));
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a click sent again after a worker restart, and a newer one', () => {
  it(`keeps the newer one, ${TRIALS} times over`, { timeout: 600_000 }, async () => {
    const page = await s.open(FEED);
    await page.locator('[data-papershelf-read]').first().waitFor();
    // One extension page holds the papers and reads them back throughout.
    const reader = await s.openExtensionPage('src/options/index.html');
    // In front: a background tab's animation frames are throttled, and clicks wait for them.
    await page.bringToFront();
    const wrong: string[] = [];
    // What the content script reports (a failed save), to say why a trial went wrong.
    let reported: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('Papershelf')) reported.push(m.text());
    });
    for (let trial = 0; trial < TRIALS; trial++) {
      const id = PAPERS[trial % PAPERS.length]!;
      const button = card(page, id).getByRole('button', { name: 'Mark read' });
      const bar = card(page, id).locator('.bar');
      await expect.poll(() => bar.getAttribute('aria-busy')).toBe('false');
      await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
      reported = [];
      const release = await holdPapers(reader);
      await button.click(); // A: mark read
      await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
      for (const ms of STOPS_AFTER_MS) {
        await pause(ms);
        await s.stopWorker();
      }
      await release();
      // B must be an unmark: A still pending (had A given up after RETRY_FOR_MS, the card would
      // show it unsaved, and a click would mean "mark read" again).
      expect(await card(page, id).locator('.err').count(), `trial ${trial}: A gave up: ${reported}`).toBe(0);
      await button.click(); // B: unmark
      await expect.poll(() => bar.getAttribute('aria-busy')).toBe('false');

      const stored = await reader.evaluate(readStoredPaper, id);
      const shown = await card(page, id).getAttribute('data-papershelf-read');
      if (stored?.readAt !== undefined || shown !== 'false') {
        const error = await card(page, id).locator('.err').allTextContents();
        wrong.push(
          `trial ${trial} (${id}): stored read ${stored?.readAt !== undefined}, card read ${shown} ${error} ${reported}`,
        );
        await button.click();
        await expect.poll(() => card(page, id).getAttribute('data-papershelf-read')).toBe('false');
      }
    }
    expect(wrong).toEqual([]);
    await reader.close();
    await page.close();
  });
});
