// An update or reload of the extension while a page is open (Chrome keeps the old content script
// running, cut off from the new worker): the next click must say what happened, not fail forever
// with "try again", and the page reloaded must work again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, launch, storedPaper, type Session } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const UPDATED = 'Papershelf was updated — reload this page to use it';

let s: Session;
beforeAll(async () => {
  s = await launch({ reloadable: true });
});
afterAll(() => s?.close());

/** The status line shown in a card's controls (inside their shadow root), or '' without one. */
const status = (page: Page, id: string) =>
  card(page, id)
    .locator('[role="status"]')
    .textContent({ timeout: 1_000 })
    .catch(() => '');

describe('an extension update under an open page', () => {
  it('says on the next click that the page needs a reload, stores nothing, and works again once reloaded', async () => {
    const page = await s.open(FEED);
    await expect.poll(() => card(page, '2407.21783').getAttribute('data-papershelf-read')).toBe('false');

    await s.reloadExtension();

    const read = card(page, '2407.21783').getByRole('button', { name: 'Mark read' });
    await read.click();
    // The clicked card says its change was not saved and why; every other card says the page
    // needs a reload, so no button looks as if it still works.
    await expect.poll(() => status(page, '2407.21783')).toBe(`Not saved: ${UPDATED}`);
    await expect.poll(() => status(page, '2407.21705')).toBe(UPDATED);
    expect(await read.getAttribute('aria-pressed')).toBe('false');
    expect(await card(page, '2407.21783').getAttribute('data-papershelf-read')).toBe('false');
    expect(await storedPaper(s, '2407.21783')).not.toMatchObject({ readAt: expect.any(Number) });

    // A second click gets the same answer at once: the old script asks nothing any more.
    await card(page, '2407.21705').getByRole('button', { name: 'Save for later' }).click();
    await expect.poll(() => status(page, '2407.21705')).toBe(`Not saved: ${UPDATED}`);

    await page.reload();
    await expect.poll(() => card(page, '2407.21783').getAttribute('data-papershelf-read')).toBe('false');
    expect(await card(page, '2407.21783').locator('papershelf-controls').count()).toBe(1);
    await card(page, '2407.21783').getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(() => card(page, '2407.21783').getAttribute('data-papershelf-read')).toBe('true');
    expect(await status(page, '2407.21783')).toBe('');
    expect(await storedPaper(s, '2407.21783')).toMatchObject({ readAt: expect.any(Number) });
    await page.close();
  });
});
