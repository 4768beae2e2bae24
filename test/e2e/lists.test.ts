// Custom lists: made and filled from a card's Lists menu, reordered in the popup by keyboard and
// by drag, kept across a reopened popup and a stopped worker; renamed, deleted after a confirmation.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, clickDrawn, editorOf, launch, storedPaper, type Session } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const [LLAMA, A, B] = ['2407.21783', '2407.21705', '2407.21770'];

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

/** The ids of the open list in the popup, in the order shown. */
const shownOrder = (popup: Page) =>
  popup.locator('ol.ordered > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-papershelf-id')));

async function openList(name: string): Promise<Page> {
  const popup = await s.openExtensionPage('src/popup/index.html');
  await popup.getByRole('tab', { name: 'Lists' }).click();
  await popup.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  return popup;
}

describe('custom lists', () => {
  it('a list made from a card’s menu collects papers, and its order, set in the popup, is kept', async () => {
    const page = await s.open(FEED);
    const first = card(page, LLAMA);
    await first.getByRole('button', { name: 'Lists' }).click();
    await editorOf(first).getByRole('textbox', { name: 'New list with this paper' }).fill('Reading group');
    await editorOf(first).getByRole('textbox', { name: 'New list with this paper' }).press('Enter');
    await expect.poll(() => editorOf(first).getByRole('checkbox', { name: 'Reading group' }).isChecked()).toBe(true);
    for (const id of [A, B]) {
      await clickDrawn(card(page, id).getByRole('button', { name: 'Lists' }));
      await clickDrawn(editorOf(card(page, id)).getByRole('checkbox', { name: 'Reading group' }), card(page, id));
      await expect
        .poll(() => editorOf(card(page, id)).getByRole('checkbox', { name: 'Reading group' }).isChecked())
        .toBe(true);
    }
    // Unticking takes a paper out; ticking again puts it at the end.
    await clickDrawn(editorOf(first).getByRole('checkbox', { name: 'Reading group' }), first);
    await expect.poll(() => editorOf(first).getByRole('checkbox', { name: 'Reading group' }).isChecked()).toBe(false);
    await clickDrawn(editorOf(first).getByRole('checkbox', { name: 'Reading group' }), first);
    await expect.poll(() => editorOf(first).getByRole('checkbox', { name: 'Reading group' }).isChecked()).toBe(true);

    let popup = await openList('Reading group');
    await expect.poll(() => shownOrder(popup)).toEqual([A, B, LLAMA]);
    // Keyboard: the handle of the last paper, moved up twice.
    await popup.locator(`[data-handle="${LLAMA}"]`).focus();
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('ArrowUp');
    await expect.poll(() => shownOrder(popup)).toEqual([LLAMA, A, B]);
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-handle'))).toBe(LLAMA);
    // Drag: the last paper onto the first.
    await popup
      .locator(`ol.ordered > li[data-papershelf-id="${B}"]`)
      .dragTo(popup.locator(`ol.ordered > li[data-papershelf-id="${LLAMA}"]`));
    await expect.poll(() => shownOrder(popup)).toEqual([B, LLAMA, A]);
    await popup.close();

    await s.stopWorker();
    popup = await openList('Reading group');
    await expect.poll(() => shownOrder(popup)).toEqual([B, LLAMA, A]);
    await popup.close();
    await page.close();
  });

  it('adds from the popup, removes, renames, and deletes only after a confirmation', async () => {
    const page = await s.open(FEED);
    await card(page, '2407.21475').getByRole('button', { name: 'Save for later' }).click();
    await expect.poll(() => card(page, '2407.21475').getAttribute('data-papershelf-saved')).toBe('true');

    let popup = await s.openExtensionPage('src/popup/index.html');
    const item = popup.locator('li[data-papershelf-id="2407.21475"]');
    await item.getByRole('combobox', { name: 'Add to list' }).selectOption({ label: 'Reading group' });
    await popup.getByRole('tab', { name: 'Lists' }).click();
    await expect.poll(() => popup.getByRole('button', { name: /^Reading group/ }).textContent()).toMatch(/4$/);
    await popup.getByRole('button', { name: /^Reading group/ }).click();
    await expect.poll(() => shownOrder(popup)).toEqual([B, LLAMA, A, '2407.21475']);
    await popup
      .locator(`ol.ordered > li[data-papershelf-id="${A}"]`)
      .getByRole('button', { name: 'Remove from list' })
      .click();
    await expect.poll(() => shownOrder(popup)).toEqual([B, LLAMA, '2407.21475']);

    await popup.getByRole('button', { name: 'Rename' }).click();
    await popup.getByRole('textbox', { name: 'List name' }).fill('Journal club');
    await popup.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => popup.getByRole('heading', { level: 2 }).textContent()).toBe('Journal club');

    await popup.getByRole('button', { name: 'Delete list' }).click();
    const confirm = popup.getByRole('alertdialog', { name: 'Delete this list?' });
    expect(await confirm.textContent()).toContain('Delete the list “Journal club”? Its 3 papers stay in your library.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await popup.close();
    popup = await s.openExtensionPage('src/popup/index.html');
    await popup.getByRole('tab', { name: 'Lists' }).click();
    await popup.getByRole('button', { name: /^Journal club/ }).click();
    await popup.getByRole('button', { name: 'Delete list' }).click();
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => popup.getByText('No lists yet.').count()).toBe(1);
    expect(await storedPaper(s, B)).toMatchObject({ id: B });
    // The card's menu no longer offers it.
    await page.reload();
    await card(page, B).getByRole('button', { name: 'Lists' }).click();
    await expect
      .poll(() => editorOf(card(page, B)).getByRole('textbox', { name: 'New list with this paper' }).count())
      .toBe(1);
    expect(await editorOf(card(page, B)).getByRole('group', { name: 'Lists' }).getByRole('checkbox').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('shows a list name with markup as text, and makes no second list of the same name', async () => {
    const page = await s.open(FEED);
    const paper = card(page, A);
    await paper.getByRole('button', { name: 'Lists' }).click();
    const field = editorOf(paper).getByRole('textbox', { name: 'New list with this paper' });
    await field.fill('<img src=x onerror=alert(1)>');
    await field.press('Enter');
    await expect
      .poll(() => editorOf(paper).getByRole('checkbox', { name: '<img src=x onerror=alert(1)>' }).isChecked())
      .toBe(true);
    expect(await editorOf(paper).getByRole('group', { name: 'Lists' }).locator('img').count()).toBe(0);
    // The same name in another case is that list: the paper is in it, and there is still one.
    const other = card(page, B);
    await clickDrawn(other.getByRole('button', { name: 'Lists' }));
    await editorOf(other)
      .getByRole('textbox', { name: 'New list with this paper' })
      .fill('<IMG src=x onerror=alert(1)>');
    await editorOf(other).getByRole('textbox', { name: 'New list with this paper' }).press('Enter');
    await expect
      .poll(() => editorOf(other).getByRole('checkbox', { name: '<img src=x onerror=alert(1)>' }).isChecked())
      .toBe(true);
    expect(await editorOf(other).getByRole('group', { name: 'Lists' }).getByRole('checkbox').count()).toBe(1);
    await page.close();
  });

  it('a list typed into a card’s menu as the worker stops is made once, with the paper, and the name is not lost', async () => {
    const page = await s.open(FEED);
    const paper = card(page, '2407.21646');
    await paper.getByRole('button', { name: 'Lists' }).click();
    const field = editorOf(paper).getByRole('textbox', { name: 'New list with this paper' });
    await field.fill('Stopped mid-request');
    await s.stopWorker();
    // Enter while the worker is down, and the worker stopped again while it answers.
    await Promise.all([field.press('Enter'), s.stopWorker()]);
    await expect
      .poll(() => editorOf(paper).getByRole('checkbox', { name: 'Stopped mid-request' }).isChecked())
      .toBe(true);
    expect(await paper.getByRole('status').count()).toBe(0);
    const popup = await s.openExtensionPage('src/popup/index.html');
    await popup.getByRole('tab', { name: 'Lists' }).click();
    await expect.poll(() => popup.getByRole('button', { name: /^Stopped mid-request/ }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: /^Stopped mid-request/ }).textContent()).toMatch(/1$/);
    await popup.close();
    await page.close();
  });
});
