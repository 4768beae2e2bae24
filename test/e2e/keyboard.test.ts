// Keyboard triage on a feed: j/k/r/s/t/n/?/Esc, ignored while typing, and switched off in options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, editorOf, escapeEditor, launch, type Session } from './harness';

const DEMO = 'https://huggingface.co/papers/date/2025-08-05';
let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

const focusedId = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.querySelector('[data-papershelf-focus]')?.getAttribute('data-papershelf-id') ?? null);

describe('keyboard triage', () => {
  it('moves with j/k, toggles with r/s, opens tags, note and lists with t/n/l, shows help with ?', async () => {
    const page = await s.open(DEMO);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(57);
    await page.keyboard.press('j');
    expect(await focusedId(page)).toBe('2406.04344');
    // j moves real focus, to the paper's first control, so Enter and a screen reader follow it.
    expect(
      await page.evaluate(() => {
        const host = document.activeElement;
        return [
          host?.closest('[data-papershelf-id]')?.getAttribute('data-papershelf-id'),
          host?.shadowRoot?.activeElement?.getAttribute('aria-label'),
        ];
      }),
    ).toEqual(['2406.04344', 'Mark read']);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await focusedId(page)).toBe('2405.14739');
    await page.keyboard.press('r');
    await expect.poll(() => card(page, '2405.14739').getAttribute('data-papershelf-read')).toBe('true');
    await page.keyboard.press('s');
    await expect.poll(() => card(page, '2405.14739').getAttribute('data-papershelf-saved')).toBe('true');
    await page.keyboard.press('r');
    await expect.poll(() => card(page, '2405.14739').getAttribute('data-papershelf-read')).toBe('false');

    // Far down the page, the focused card is scrolled into view.
    for (let i = 0; i < 40; i++) await page.keyboard.press('j');
    const far = await focusedId(page);
    expect(await card(page, far!).isVisible()).toBe(true);
    expect(
      await card(page, far!).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }),
    ).toBe(true);

    await page.keyboard.press('t');
    const tagInput = editorOf(card(page, far!)).getByRole('combobox', { name: 'Add a tag' });
    await tagInput.waitFor();
    // Typing in our field does not drive the page's keys.
    await tagInput.pressSequentially('rjs');
    await tagInput.press('Enter');
    await card(page, far!).getByRole('button', { name: 'Remove tag rjs' }).waitFor();
    expect(await card(page, far!).getAttribute('data-papershelf-read')).toBe('false');
    // Esc closes the frame it is typed in: pressed on the page, as a person's key is, not bound to
    // the field, which is gone before the key comes up.
    await escapeEditor(page);
    // Esc gives focus back to the button that opened the editor.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent))
      .toBe('Tags');

    await page.keyboard.press('n');
    await editorOf(card(page, far!)).getByRole('textbox', { name: 'Note' }).waitFor();
    await editorOf(card(page, far!)).getByRole('textbox', { name: 'Note' }).focus();
    await escapeEditor(page);
    // The next key is the card's once focus is back on it: the frame closes a message later.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent))
      .toBe('Note');

    await page.keyboard.press('l');
    const newList = editorOf(card(page, far!)).getByRole('textbox', { name: 'New list with this paper' });
    await newList.waitFor();
    await newList.focus();
    await escapeEditor(page);
    await newList.waitFor({ state: 'detached' });

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Papershelf keys' });
    await help.waitFor();
    // A modal dialog in the viewport, holding focus.
    const box = (await help.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(
      box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height,
    ).toBe(true);
    expect(await help.getByRole('button', { name: 'Close' }).evaluate((b) => b.matches(':focus'))).toBe(true);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    // Closed, focus is back on the control that had it.
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent)).toBe('Lists');
    await page.keyboard.press('Escape');
    expect(await focusedId(page)).toBeNull();

    // A modifier leaves the key to the browser and the page.
    await page.keyboard.press('Control+j');
    expect(await focusedId(page)).toBeNull();
    await page.close();
  });

  it('can be switched off on the options page', async () => {
    const page = await s.open(DEMO);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(57);
    const options = await s.openExtensionPage('src/options/index.html#settings');
    await options.getByRole('checkbox', { name: /Keyboard shortcuts on listing pages/ }).uncheck();
    await page.bringToFront();
    // Each try starts unfocused, so a j pressed before the setting arrived does not linger.
    await expect
      .poll(async () => {
        await page.evaluate(() =>
          document
            .querySelectorAll('[data-papershelf-focus]')
            .forEach((e) => e.removeAttribute('data-papershelf-focus')),
        );
        await page.keyboard.press('j');
        return focusedId(page);
      })
      .toBeNull();
    await options.getByRole('checkbox', { name: /Keyboard shortcuts on listing pages/ }).check();
    await page.bringToFront();
    await expect
      .poll(async () => {
        await page.keyboard.press('j');
        return focusedId(page);
      })
      .not.toBeNull();
    await Promise.all([page.close(), options.close()]);
  });
});
