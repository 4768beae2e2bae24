// In Firefox as in Chromium: a change in one place shows everywhere at once, in other tabs, the
// popup, the toolbar badge and the display of read papers.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answeredCount,
  attribute,
  card,
  click,
  clickText,
  control,
  launch,
  textOf,
  type FirefoxSession,
} from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const DEMO = 'https://huggingface.co/papers/date/2025-08-05';
let s: FirefoxSession;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

/** The toolbar badge's text, asked of the browser from an extension page. */
const badgeText = (extensionPage: Page) =>
  extensionPage.evaluate(() =>
    (
      globalThis as unknown as { browser: { action: { getBadgeText(d: object): Promise<string> } } }
    ).browser.action.getBadgeText({}),
  );

async function ready(url: string, count: number) {
  const page = await s.open(url);
  await expect.poll(() => answeredCount(page)).toBe(count);
  return page;
}

describe('live updates', () => {
  it('shows a save made in one tab in the other tab, the popup and the badge, without reload', async () => {
    const a = await ready(FEED, 13);
    const b = await ready(FEED, 13);
    const popup = await s.openExtensionPage('src/popup/index.html');
    const item = `[role="tabpanel"] ${card('2407.21783')}`;
    await expect.poll(() => textOf(popup, '#tab-toRead')).toMatch(/^To read/);
    expect(await popup.$(item)).toBeNull();
    expect(await badgeText(popup)).toBe('');

    await click(a, control('2407.21783', 'Save for later'));
    await expect.poll(() => attribute(b, '2407.21783', 'data-papershelf-saved')).toBe('true');
    expect(await b.$eval(control('2407.21783', 'Save for later'), (el) => el.getAttribute('aria-pressed'))).toBe(
      'true',
    );

    await popup.waitForSelector(item, { timeout: 30_000 });
    expect(await textOf(popup, item)).toMatch(/The Llama 3 Herd of Models/);
    expect(await textOf(popup, item)).toMatch(/Abhimanyu Dubey, Abhinav Jauhri, Abhinav Pandey et al\./);
    await expect.poll(() => textOf(popup, '#tab-toRead')).toBe('To read 1');
    await expect.poll(() => badgeText(popup)).toBe('1');

    // Reading it in tab b moves it out of To read in the popup, live.
    await click(b, control('2407.21783', 'Mark read'));
    await popup.waitForSelector(item, { hidden: true, timeout: 30_000 });
    await expect.poll(() => textOf(popup, '#tab-toRead')).toBe('To read 0');
    await expect.poll(() => attribute(a, '2407.21783', 'data-papershelf-read')).toBe('true');
    await expect.poll(() => badgeText(popup)).toBe('');

    // The popup's own toggles write through the background and reach the tabs.
    await clickText(popup, '[role="tab"]', /^Read/);
    await click(popup, `${item} button[aria-label="Mark read"]`);
    await expect.poll(() => attribute(a, '2407.21783', 'data-papershelf-read')).toBe('false');
    await Promise.all([a.close(), b.close(), popup.close()]);
  });

  it('applies the display of read papers to open tabs at once', async () => {
    const page = await ready(DEMO, 57);
    const first = card('2406.04344');
    await click(page, control('2406.04344', 'Mark read'));
    await expect.poll(() => attribute(page, '2406.04344', 'data-papershelf-read')).toBe('true');
    const bar = () => page.$eval(first, (el) => getComputedStyle(el).boxShadow);
    const shown = () => page.$eval(first, (el) => el.checkVisibility());
    await expect.poll(bar).toMatch(/-7px 0px 0px -3px/);

    const options = await s.openExtensionPage('src/options/index.html#settings');
    const display = 'select[aria-label="Read papers on Hugging Face"]';
    await options.waitForSelector(display, { timeout: 30_000 });
    expect(await options.$eval(display, (el) => (el as HTMLSelectElement).value)).toBe('dim');
    await options.select(display, 'show');
    await expect.poll(bar).toBe('none');
    await options.select(display, 'hide');
    await expect.poll(shown).toBe(false);
    await options.select(display, 'dim');
    await expect.poll(shown).toBe(true);
    await expect.poll(bar).toMatch(/-7px 0px 0px -3px/);
    await Promise.all([options.close(), page.close()]);
  });
});
