// Everything a user does is in IndexedDB, not in the worker's memory: Manifest V3 may stop the
// worker at any moment and a reload must show the same state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, launch, storedPaper, type Session } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

describe('persistence', () => {
  it('keeps read after a reload, and a save made after the worker was stopped', async () => {
    const page = await s.open(FEED);
    await card(page, '2407.21783').getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(() => card(page, '2407.21783').getAttribute('data-papershelf-read')).toBe('true');

    await page.reload();
    await expect.poll(() => card(page, '2407.21783').getAttribute('data-papershelf-read')).toBe('true');
    expect(await card(page, '2407.21783').getByRole('button', { name: 'Mark read' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    await s.stopWorker();
    await card(page, '2407.21705').getByRole('button', { name: 'Save for later' }).click();
    await expect.poll(() => card(page, '2407.21705').getAttribute('data-papershelf-saved')).toBe('true');

    await s.stopWorker();
    await page.reload();
    await expect.poll(() => card(page, '2407.21783').getAttribute('data-papershelf-read')).toBe('true');
    await expect.poll(() => card(page, '2407.21705').getAttribute('data-papershelf-saved')).toBe('true');
    expect(await card(page, '2407.21705').getAttribute('data-papershelf-read')).toBe('false');
    expect(await storedPaper(s, '2407.21705')).toMatchObject({ toReadSince: expect.any(Number) });
    await page.close();
  });

  it('does not lose a click made while the worker is stopped and restarting', async () => {
    const page = await s.open(FEED);
    await page.locator('[data-papershelf-read]').first().waitFor();
    await s.stopWorker();
    // Two clicks in quick succession, both while the worker starts again.
    await card(page, '2407.21770').getByRole('button', { name: 'Mark read' }).click();
    await card(page, '2407.21646').getByRole('button', { name: 'Save for later' }).click();
    await expect.poll(() => card(page, '2407.21770').getAttribute('data-papershelf-read')).toBe('true');
    await expect.poll(() => card(page, '2407.21646').getAttribute('data-papershelf-saved')).toBe('true');
    expect(await storedPaper(s, '2407.21770')).toMatchObject({ readAt: expect.any(Number) });
    expect(await storedPaper(s, '2407.21646')).toMatchObject({ savedAt: expect.any(Number) });
    await page.close();
  });
});
