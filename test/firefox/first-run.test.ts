// A new user's first minutes in Firefox: the welcome page opens on install, and the keys work on
// a feed (j/k move, r read, s save) as in Chromium.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredCount, attribute, launch, type FirefoxSession } from './harness';

const DEMO = 'https://huggingface.co/papers/date/2025-08-05';
let s: FirefoxSession;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

const focusedId = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-papershelf-focus]')?.getAttribute('data-papershelf-id') ?? null);

describe('first run', () => {
  it('opens the welcome page once the add-on is installed', async () => {
    const options = await s.openExtensionPage('src/options/index.html#library');
    // The welcome tab is the extension's own page: Firefox lists it among the add-on's contexts.
    const tabs = () =>
      options.evaluate(() =>
        (
          globalThis as unknown as {
            browser: { runtime: { getContexts(f: object): Promise<{ documentUrl?: string }[]> } };
          }
        ).browser.runtime
          .getContexts({ contextTypes: ['TAB'] })
          .then((c) => c.map((t) => new URL(t.documentUrl ?? '').pathname)),
      );
    await expect.poll(tabs).toContain('/src/welcome/index.html');
    await options.close();
  });
});

describe('keyboard triage', () => {
  it('moves with j/k and toggles read and saved with r/s', async () => {
    const page = await s.open(DEMO);
    await expect.poll(() => answeredCount(page)).toBe(57);
    await page.bringToFront();
    await page.keyboard.press('j');
    await expect.poll(() => focusedId(page)).toBe('2406.04344');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect.poll(() => focusedId(page)).toBe('2405.14739');
    await page.keyboard.press('r');
    await expect.poll(() => attribute(page, '2405.14739', 'data-papershelf-read')).toBe('true');
    await page.keyboard.press('s');
    await expect.poll(() => attribute(page, '2405.14739', 'data-papershelf-saved')).toBe('true');
    await page.keyboard.press('r');
    await expect.poll(() => attribute(page, '2405.14739', 'data-papershelf-read')).toBe('false');
    expect(await attribute(page, '2406.04344', 'data-papershelf-read')).toBe('false');
    await page.close();
  });
});
