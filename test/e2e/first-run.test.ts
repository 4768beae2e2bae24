// A new user's first minutes: the welcome page on install (once), "Mark all on this page read"
// from the popup, and Undo after Mark read hides a paper.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, launch, openActionPopup, type Session } from './harness';

const DEMO = 'https://huggingface.co/papers/date/2025-08-05';
const LISTING = 'https://arxiv.org/list/cs/2301?skip=0&show=3';
const isWelcome = (p: Page) => p.url().endsWith('/src/welcome/index.html');

describe('first run', () => {
  const profile = mkdtempSync(join(tmpdir(), 'papershelf-first-run-'));
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('opens the welcome page on install, with the supported sites, the keys and the way to import; not again on restart', async () => {
    let s = await launch({ profile });
    const welcome =
      s.context.pages().find(isWelcome) ??
      (await s.context.waitForEvent('page', { predicate: isWelcome, timeout: 30_000 }));
    await welcome.getByRole('heading', { name: 'Welcome to Papershelf' }).waitFor();
    const links = await welcome.getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toEqual(
      expect.arrayContaining([
        'https://huggingface.co/papers',
        'https://arxiv.org/list/cs.LG/new',
        'https://arxiv.org/search/',
      ]),
    );
    expect(links.some((href) => href.endsWith('/src/options/index.html#import-export'))).toBe(true);
    expect(await welcome.getByRole('definition').allTextContents()).toContain('mark read / unread');
    await s.close();

    s = await launch({ profile });
    // The worker has started and answered a page: any welcome tab would have been opened by now.
    const popup = await s.openExtensionPage('src/popup/index.html');
    await popup.getByRole('tab', { selected: true }).waitFor();
    expect(s.context.pages().filter(isWelcome)).toEqual([]);
    await s.close();
  });
});

describe('acting on a whole page, and undoing', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(() => s?.close());

  it('marks every paper of the page read from the popup, and Undo marks unread exactly those', async () => {
    const page = await s.open(LISTING);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(3);
    const ids = await page
      .locator('[data-papershelf-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-papershelf-id')!));
    // One already read stays read after Undo.
    await card(page, ids[0]!).getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(() => card(page, ids[0]!).getAttribute('data-papershelf-read')).toBe('true');

    const popup = await openActionPopup(s, page);
    await popup.waitFor(`document.querySelector('.page-actions')?.textContent.includes('3 papers, 2 unread')`, 30_000);
    await popup.evaluate(
      `[...document.querySelectorAll('.page-actions button')].find((b) => b.textContent === 'Mark all on this page read').click()`,
    );
    for (const id of ids)
      await expect.poll(() => card(page, id).getAttribute('data-papershelf-read'), { message: id }).toBe('true');
    await popup.waitFor(
      `document.querySelector('.page-actions [role=status]')?.textContent.startsWith('Marked 2 papers read.')`,
    );
    await popup.evaluate(
      `[...document.querySelectorAll('.page-actions button')].find((b) => b.textContent === 'Undo').click()`,
    );
    for (const id of ids.slice(1))
      await expect.poll(() => card(page, id).getAttribute('data-papershelf-read'), { message: id }).toBe('false');
    expect(await card(page, ids[0]!).getAttribute('data-papershelf-read')).toBe('true');
    await page.close();
  });

  it('in Hidden mode, moves focus to the next paper and offers Undo when Mark read hides one', async () => {
    const options = await s.openExtensionPage('src/options/index.html#settings');
    await options.getByRole('combobox', { name: 'Read papers on Hugging Face' }).selectOption({ label: 'Hidden' });
    await options.close();
    const page = await s.open(DEMO);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(57);
    await page.keyboard.press('j');
    await page.keyboard.press('r');
    await expect.poll(() => card(page, '2406.04344').isVisible()).toBe(false);
    // Focus is on the next paper's first control, not lost to the page.
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest('[data-papershelf-id]')?.getAttribute('data-papershelf-id'),
      ),
    ).toBe('2405.14739');
    const toast = page.getByRole('status').filter({ hasText: 'Read, so hidden.' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => card(page, '2406.04344').isVisible()).toBe(true);
    expect(await card(page, '2406.04344').getAttribute('data-papershelf-read')).toBe('false');
    await toast.waitFor({ state: 'detached' });
    await page.close();
  });
});
