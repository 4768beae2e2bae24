// Many clicks in many tabs while the worker keeps stopping (issue 20): every paper ends as the
// user's last click on it left it, in the library and on every tab, and no click is lost silently.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, launch, type Session } from './harness';
import { readStoredPaper } from './in-page';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const PAPERS = ['2407.21783', '2407.21705', '2407.21770', '2407.21646', '2407.21772', '2407.21630'];
const TABS = 5;
/**
 * The storm is 300 clicks; it passed twice at 300 here (2026-12-02, 406 and 430 s). The
 * suite runs 150, which keeps CI well under its 30 minutes.
 */
const ACTIONS = 150;

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

/** A small deterministic generator, so a failing storm can be replayed. */
function random(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

type Field = 'read' | 'saved';
const BUTTON: Record<Field, string> = { read: 'Mark read', saved: 'Save for later' };

describe('a storm of clicks while the worker keeps stopping', () => {
  it(`ends as the last of ${ACTIONS} clicks in ${TABS} tabs left each paper`, { timeout: 900_000 }, async () => {
    const tabs: Page[] = [];
    for (let i = 0; i < TABS; i++) {
      const page = await s.open(FEED);
      for (const id of PAPERS) await card(page, id).locator('[aria-busy="false"]').waitFor({ state: 'attached' });
      tabs.push(page);
    }
    const next = random(20_26_12_02);
    // The stops: every 200–500 ms until the clicks are done. Load, not a wait for a result.
    let clicking = true;
    let stops = 0;
    const storm = (async () => {
      while (clicking) {
        await new Promise((r) => setTimeout(r, 200 + next() * 300));
        await s.stopWorker();
        stops++;
      }
    })();

    const intended = new Map<string, boolean>();
    for (let n = 0; n < ACTIONS; n++) {
      const page = tabs[Math.floor(next() * TABS)]!;
      const id = PAPERS[Math.floor(next() * PAPERS.length)]!;
      const field: Field = next() < 0.5 ? 'read' : 'saved';
      const button = card(page, id).getByRole('button', { name: BUTTON[field] });
      // What this click means is what the button showed when it was clicked, in that tab (which
      // may not have heard of a click in another tab yet): a click on a pressed button unpresses.
      // The last click wins. Read in the click's capture phase, before our handler runs: read
      // earlier, a push landing between the read and the click would change what the click meant.
      await button.evaluate((el) =>
        el.getRootNode().addEventListener(
          'click',
          (event) => {
            if (event.target === el)
              el.setAttribute('data-pressed-when-clicked', String(el.getAttribute('aria-pressed')));
          },
          { capture: true, once: true },
        ),
      );
      // The tab in front, as a person's is: a tab behind others runs no animation frames, and
      // Playwright waits for them before it clicks.
      await page.bringToFront();
      await button.click();
      const pressed = await button.evaluate((el) => {
        const was = el.getAttribute('data-pressed-when-clicked');
        el.removeAttribute('data-pressed-when-clicked');
        return was;
      });
      expect(pressed, 'the click reached the button').not.toBeNull();
      intended.set(`${id} ${field}`, pressed !== 'true');
    }
    clicking = false;
    await storm;
    expect(stops).toBeGreaterThan(10);

    // Every change answered in every tab, none failed, and each paper as the last click left it.
    const reader = await s.openExtensionPage('src/options/index.html');
    const wrong: string[] = [];
    for (const id of PAPERS) {
      const stored = await reader.evaluate(readStoredPaper, id);
      for (const field of ['read', 'saved'] as const) {
        const want = intended.get(`${id} ${field}`);
        if (want === undefined) continue;
        const storedValue = (field === 'read' ? stored?.readAt : stored?.savedAt) !== undefined;
        if (storedValue !== want) wrong.push(`${id} ${field}: stored ${storedValue}, last click ${want}`);
        for (const [t, page] of tabs.entries()) {
          await expect
            .poll(() => card(page, id).locator('.bar').getAttribute('aria-busy'), { timeout: 60_000 })
            .toBe('false');
          const shown = await card(page, id).getAttribute(`data-papershelf-${field}`);
          if (shown !== String(want)) wrong.push(`${id} ${field} in tab ${t}: shows ${shown}, last click ${want}`);
          const errors = await card(page, id).locator('.err').allTextContents();
          if (errors.length) wrong.push(`${id} in tab ${t}: ${errors.join(' ')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    await reader.close();
    await Promise.all(tabs.map((page) => page.close()));
  });
});
