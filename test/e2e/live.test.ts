// A change in one place shows everywhere at once: other tabs, the popup, the badge, and settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, card, launch, type Session } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const DEMO = 'https://huggingface.co/papers/date/2025-08-05';
let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

describe('live updates', () => {
  it('opens on an empty To read queue that says what to do', async () => {
    const popup = await s.openExtensionPage('src/popup/index.html');
    await expect.poll(() => popup.getByRole('tab', { selected: true }).textContent()).toMatch(/^To read/);
    await popup.getByText(/Nothing waiting\. Press “Save” on a paper/).waitFor();
    expect(await badgeText(s)).toBe('');
    await popup.close();
  });

  it('shows a save made in one tab in the other tab and in the popup, without reload', async () => {
    const a = await s.open(FEED);
    const b = await s.open(FEED);
    await b.locator('[data-papershelf-read]').first().waitFor();
    const popup = await s.openExtensionPage('src/popup/index.html');

    await card(a, '2407.21783').getByRole('button', { name: 'Save for later' }).click();
    await expect.poll(() => card(b, '2407.21783').getAttribute('data-papershelf-saved')).toBe('true');
    expect(
      await card(b, '2407.21783').getByRole('button', { name: 'Save for later' }).getAttribute('aria-pressed'),
    ).toBe('true');

    const item = popup.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'The Llama 3 Herd of Models' });
    await item.waitFor();
    await expect.poll(() => popup.getByRole('tab', { name: /To read/ }).textContent()).toBe('To read 1');
    expect(await item.textContent()).toMatch(/Abhimanyu Dubey, Abhinav Jauhri, Abhinav Pandey et al\./);
    expect(await item.getByRole('link').getAttribute('href')).toBe('https://arxiv.org/abs/2407.21783');
    await expect.poll(() => badgeText(s)).toBe('1');

    // Reading it in tab b moves it out of To read in the popup, live.
    await card(b, '2407.21783').getByRole('button', { name: 'Mark read' }).click();
    await item.waitFor({ state: 'detached' });
    await expect.poll(() => popup.getByRole('tab', { name: /To read/ }).textContent()).toBe('To read 0');
    await expect.poll(() => card(a, '2407.21783').getAttribute('data-papershelf-read')).toBe('true');
    await expect.poll(() => badgeText(s)).toBe('');

    await popup.getByRole('tab', { name: /^Read/ }).click();
    await popup.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'The Llama 3 Herd of Models' }).waitFor();

    // The popup's own toggles write through the worker and reach the tabs.
    await popup.getByRole('tabpanel').getByRole('button', { name: 'Mark read' }).first().click();
    await expect.poll(() => card(a, '2407.21783').getAttribute('data-papershelf-read')).toBe('false');
    await Promise.all([a.close(), b.close(), popup.close()]);
  });

  it('applies the display of read papers to open tabs at once', async () => {
    const page = await s.open(DEMO);
    const first = card(page, '2406.04344');
    await first.getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(() => first.getAttribute('data-papershelf-read')).toBe('true');
    // Marked: a bar beside the card; its text keeps full strength (contrast).
    const bar = () => first.evaluate((el) => getComputedStyle(el).boxShadow);
    await expect.poll(bar).toMatch(/-7px 0px 0px -3px/);
    expect(await first.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');

    const options = await s.openExtensionPage('src/options/index.html#settings');
    const display = options.getByRole('combobox', { name: 'Read papers on Hugging Face' });
    expect(await display.inputValue()).toBe('dim');
    await display.selectOption({ label: 'Shown as usual' });
    await expect.poll(bar).toBe('none');
    await display.selectOption({ label: 'Marked' });
    await expect.poll(bar).toMatch(/-7px 0px 0px -3px/);
    await display.selectOption({ label: 'Hidden' });
    await expect.poll(() => first.isVisible()).toBe(false);
    await display.selectOption({ label: 'Marked' });
    await options.close();
    await page.close();
  });
});
