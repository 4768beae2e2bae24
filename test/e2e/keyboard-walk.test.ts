// Everything a user does, with the keyboard alone: mark read, save, tag, note and list a paper on
// the page, search in the popup, move between its tabs, and export from the library page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, editorOf, escapeEditor, focusedControl, launch, type Session, storedPaper } from './harness';

const DEMO = 'https://huggingface.co/papers/date/2025-08-05';
const FIRST = '2406.04344';
let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

const focused = focusedControl;

describe('keyboard only', () => {
  it('marks read, saves, tags, notes and lists a paper on the feed', async () => {
    const page = await s.open(DEMO);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(57);
    await page.keyboard.press('j');
    await expect.poll(() => focused(page)).toBe('Mark read');
    await page.keyboard.press('Enter');
    await expect.poll(() => card(page, FIRST).getAttribute('data-papershelf-read')).toBe('true');

    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('Save for later');
    await page.keyboard.press('Space');
    await expect.poll(() => card(page, FIRST).getAttribute('data-papershelf-saved')).toBe('true');

    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('Add a tag');
    await page.keyboard.type('walked');
    await page.keyboard.press('Enter');
    await card(page, FIRST).getByRole('button', { name: 'Remove tag walked' }).waitFor();
    await escapeEditor(page);
    await expect.poll(() => focused(page)).toBe('Tags');

    // Past the tag editor's button: the note.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('Note');
    await page.keyboard.type('Read on a train, no mouse.');
    await escapeEditor(page);
    await expect.poll(() => focused(page)).toBe('Note');

    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('New list with this paper');
    await page.keyboard.type('Keyboard list');
    await page.keyboard.press('Enter');
    await editorOf(card(page, FIRST)).getByRole('checkbox', { name: 'Keyboard list' }).waitFor();
    expect(await editorOf(card(page, FIRST)).getByRole('checkbox', { name: 'Keyboard list' }).isChecked()).toBe(true);
    await escapeEditor(page);
    await expect.poll(() => focused(page)).toBe('Lists');

    await expect.poll(async () => (await storedPaper(s, FIRST))?.note).toBe('Read on a train, no mouse.');
    expect(await storedPaper(s, FIRST)).toMatchObject({
      tags: ['walked'],
      readAt: expect.any(Number),
      savedAt: expect.any(Number),
    });
    await page.close();
  });

  it('searches in the popup as soon as it opens, and moves between its tabs with the arrow keys', async () => {
    const popup = await s.openExtensionPage('src/popup/index.html');
    await popup.getByRole('tab', { selected: true }).waitFor();
    // Focus starts in the search box: typing searches.
    await popup.keyboard.type('walked');
    const result = popup.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await result.first().waitFor();
    expect(await result.count()).toBe(1);
    for (let i = 0; i < 'walked'.length; i++) await popup.keyboard.press('Backspace');

    // One tab stop for the tab list; arrows, Home and End move and select.
    await popup.getByRole('tab', { name: /^To read/ }).focus();
    await popup.keyboard.press('ArrowRight');
    expect(await focused(popup)).toMatch(/^Read/);
    expect(await popup.getByRole('tab', { selected: true }).textContent()).toMatch(/^Read/);
    await popup.keyboard.press('End');
    expect(await focused(popup)).toBe('Tags');
    await popup.keyboard.press('ArrowRight');
    expect(await focused(popup)).toMatch(/^To read/);
    await popup.keyboard.press('Home');
    expect(await popup.getByRole('tab', { selected: true }).textContent()).toMatch(/^To read/);
    expect(await popup.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
    await popup.close();
  });

  it('reaches the export from the library page’s navigation in a few keys', async () => {
    const options = await s.openExtensionPage('src/options/index.html');
    await options.locator('main h2').first().waitFor();
    let presses = 0;
    while ((await focused(options)) !== 'Import & export' && presses < 10) {
      await options.keyboard.press('Tab');
      presses++;
    }
    await options.keyboard.press('Enter');
    await options.getByRole('heading', { name: 'Export a reading list' }).waitFor();
    while ((await focused(options)) !== 'Export BibTeX' && presses < 20) {
      await options.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBeLessThan(20);
    const [download] = await Promise.all([options.waitForEvent('download'), options.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^papershelf-all-\d{4}-\d{2}-\d{2}\.bib$/);
    await options.close();
  });
});
