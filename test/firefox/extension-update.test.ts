// An update or reload of the extension while a page is open. Firefox, unlike Chrome, runs the new
// version's content script in pages already open: it replaces the old controls (never doubling
// them), and the page works on without a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_E2E_DIST } from '../../scripts/firefox.mjs';
import { answeredCount, attribute, card, click, control, launch, storedPaper, type FirefoxSession } from './harness';

// The demo feed (see persistence.test.ts for why not the 2024-08-01 capture).
const FEED = 'https://huggingface.co/papers/date/2025-08-05';
let s: FirefoxSession;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

describe('an extension update under an open page', () => {
  it('gives the open page one working set of controls from the new version', async () => {
    const page = await s.open(FEED);
    await expect.poll(() => answeredCount(page)).toBe(57);
    const controls = () =>
      page.$$eval('[data-papershelf-id]', (cards) =>
        cards.map((c) => c.querySelectorAll('papershelf-controls').length),
      );

    // Old controls carry a mark the new version's cannot have.
    await page.$$eval('papershelf-controls', (hosts) => hosts.forEach((h) => h.setAttribute('data-old', '')));
    // Installing the same add-on again is how Firefox updates a temporary add-on in place.
    await s.browser.installExtension(FIREFOX_E2E_DIST);

    await expect
      .poll(
        async () =>
          (await controls()).every((n) => n === 1) &&
          (await page.$$('papershelf-controls[data-old]')).length === 0 &&
          (await answeredCount(page)) === 57,
        {
          timeout: 60_000,
        },
      )
      .toBe(true);
    await click(page, control('2305.11997', 'Mark read'));
    await expect.poll(() => attribute(page, '2305.11997', 'data-papershelf-read')).toBe('true');
    expect(await storedPaper(s, '2305.11997')).toMatchObject({ readAt: expect.any(Number) });
    expect((await controls()).length).toBe(57);
    expect(await page.$$(`${card('2305.11997')} papershelf-controls`)).toHaveLength(1);
    await page.close();
  });
});
