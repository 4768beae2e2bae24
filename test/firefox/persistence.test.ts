// Everything a user does is in IndexedDB, not in the background's memory: Firefox unloads the
// event page when it is idle, and a reload must show the same state.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answeredCount,
  attribute,
  click,
  control,
  launch,
  opener,
  storedPaper,
  typeInEditor,
  type FirefoxSession,
} from './harness';

// The demo feed: the 2024-08-01 capture relies on its missing stylesheet to size avatars that it
// marks content-visibility: auto, and Firefox then lays a changed card out millions of pixels tall.
const FEED = 'https://huggingface.co/papers/date/2025-08-05';
let s: FirefoxSession;
beforeAll(async () => {
  s = await launch({ idleBackground: true });
});
afterAll(() => s?.close());

const noteTitle = (page: Page, id: string) => page.$eval(opener(id, 'Note'), (el) => el.getAttribute('title'));
const hasTagChip = (page: Page, id: string, tag: string) =>
  page.$(control(id, `Remove tag ${tag}`)).then((h) => h !== null);

async function ready(page: Page) {
  await expect.poll(() => answeredCount(page)).toBe(57);
}

describe('persistence', () => {
  it('keeps read, saved, a tag and a note across a reload and a background unload', async () => {
    const page = await s.open(FEED);
    await ready(page);
    await click(page, opener('2305.11997', 'Note'));
    await typeInEditor(page, '2305.11997', 'textarea[aria-label="Note"]', 'Compare with the MoE baseline');
    await click(page, opener('1708.03246', 'Tags'));
    await typeInEditor(page, '1708.03246', 'input[aria-label="Add a tag"]', 'llm');
    await page.keyboard.press('Enter');
    await click(page, control('2405.14739', 'Save for later'));
    await click(page, control('2406.04344', 'Mark read'));
    await expect.poll(async () => (await storedPaper(s, '2305.11997'))?.note).toBe('Compare with the MoE baseline');
    await expect.poll(async () => (await storedPaper(s, '1708.03246'))?.tags).toEqual(['llm']);
    expect(await storedPaper(s, '2406.04344')).toMatchObject({ readAt: expect.any(Number) });
    expect(await storedPaper(s, '2405.14739')).toMatchObject({
      savedAt: expect.any(Number),
      toReadSince: expect.any(Number),
    });

    await page.reload({ waitUntil: 'domcontentloaded' });
    await ready(page);
    await expect.poll(() => attribute(page, '2406.04344', 'data-papershelf-read')).toBe('true');
    expect(await attribute(page, '2405.14739', 'data-papershelf-saved')).toBe('true');
    await expect.poll(() => hasTagChip(page, '1708.03246', 'llm')).toBe(true);
    await expect.poll(() => noteTitle(page, '2305.11997')).toBe('Note (n) — has a note');

    // A click after the background was unloaded wakes it, and is stored.
    await s.unloadBackground();
    await click(page, control('2011.14522', 'Save for later'));
    await expect.poll(() => attribute(page, '2011.14522', 'data-papershelf-saved')).toBe('true');
    expect(await storedPaper(s, '2011.14522')).toMatchObject({ savedAt: expect.any(Number) });

    await s.unloadBackground();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await ready(page);
    await expect.poll(() => attribute(page, '2406.04344', 'data-papershelf-read')).toBe('true');
    expect(await attribute(page, '2405.14739', 'data-papershelf-saved')).toBe('true');
    expect(await attribute(page, '2011.14522', 'data-papershelf-saved')).toBe('true');
    expect(await attribute(page, '2405.14739', 'data-papershelf-read')).toBe('false');
    await expect.poll(() => hasTagChip(page, '1708.03246', 'llm')).toBe(true);
    await expect.poll(() => noteTitle(page, '2305.11997')).toBe('Note (n) — has a note');
    await page.close();
  });
});
