// The user owns the history, in real Chromium: the options page's Settings clears the papers only
// seen after a confirmation, keeps the ones marked, and an Undo puts the cleared ones back; the
// popup and Settings say how many papers the library holds and the storage it takes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, launch, storedPaper, type Session } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const [READ, SEEN] = ['2407.21705', '2407.21475'];
const SIZE = /^(\d+) papers?, [\d.]+ (MB|GB) of storage in this browser\.$/;

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

describe('seen history', () => {
  it('clears papers only seen after a confirmation, keeps marked ones, and undoes the clear', async () => {
    const feed = await s.open(FEED);
    await feed.waitForFunction(() => document.querySelectorAll('[data-papershelf-read]').length === 13);
    await card(feed, READ).getByRole('button', { name: 'Mark read' }).click();
    await feed.locator(`[data-papershelf-id="${READ}"][data-papershelf-read="true"]`).waitFor();
    // Closed, so that it does not record its papers again while the test looks.
    await feed.close();

    const popup = await s.openExtensionPage('src/popup/index.html');
    await expect.poll(() => popup.locator('.library-size').textContent()).toMatch(SIZE);
    expect((await popup.locator('.library-size').textContent())?.match(SIZE)?.[1]).toBe('13');
    await popup.close();

    const options = await s.openExtensionPage('src/options/index.html#settings');
    const size = options.locator('.library-size');
    await expect.poll(() => size.textContent()).toMatch(/^13 papers, /);

    // Asked first: Cancel changes nothing.
    await options.getByRole('button', { name: 'Clear seen history…' }).click();
    const question = options.getByRole('group', { name: /Clear every paper you have only seen\?/ });
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => question.count()).toBe(0);
    expect(await storedPaper(s, SEEN)).toBeDefined();

    await options.getByRole('button', { name: 'Clear seen history…' }).click();
    await question.getByRole('button', { name: 'Clear seen history' }).click();
    await options.getByText('Cleared 12 papers you had only seen.').waitFor();
    await expect.poll(() => size.textContent()).toMatch(/^1 paper, /);
    expect(await storedPaper(s, SEEN)).toBeUndefined();
    expect(await storedPaper(s, READ)).toMatchObject({ id: READ, readAt: expect.any(Number) });

    await options.getByRole('button', { name: 'Undo' }).click();
    await options.getByText('Put back 12 papers.').waitFor();
    await expect.poll(() => size.textContent()).toMatch(/^13 papers, /);
    expect(await storedPaper(s, SEEN)).toMatchObject({ id: SEEN, title: 'Fine-gained Zero-shot Video Sampling' });
    expect(await storedPaper(s, READ)).toMatchObject({ id: READ, readAt: expect.any(Number) });
  });

  it('keeps the chosen time for papers only seen', async () => {
    const options = await s.openExtensionPage('src/options/index.html#settings');
    const keep = options.getByRole('combobox', { name: 'Keep papers you have only seen' });
    await expect.poll(() => keep.inputValue()).toBe('forever');
    await keep.selectOption({ label: '3 months' });
    await options.reload();
    await expect.poll(() => keep.inputValue()).toBe('quarter');
    // Nothing here was last seen three months ago: every paper stays.
    await expect.poll(() => options.locator('.library-size').textContent()).toMatch(/^13 papers, /);
  });
});
