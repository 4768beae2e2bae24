// Tag management on the options page — colour, rename, merge, delete — reaching the open feed
// live; and the weekly chart of papers seen and read.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, editorOf, escapeEditor, launch, type Session, storedPaper } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const [A, B, C] = ['2407.21783', '2407.21705', '2407.21770'];

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

async function addTag(page: Page, id: string, tag: string) {
  await card(page, id).getByRole('button', { name: 'Tags' }).click();
  await editorOf(card(page, id)).getByRole('combobox', { name: 'Add a tag' }).fill(tag);
  await editorOf(card(page, id)).getByRole('combobox', { name: 'Add a tag' }).press('Enter');
  await card(page, id)
    .getByRole('button', { name: `Remove tag ${tag}` })
    .waitFor();
  // On the page, as a person's key is: the field's frame is gone before the key comes up.
  await escapeEditor(page);
}

describe('tag management', () => {
  it('colours, renames, merges and deletes tags everywhere, live on the open feed', async () => {
    const page = await s.open(FEED);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(13);
    await addTag(page, A, 'peft');
    await addTag(page, B, 'peft');
    await addTag(page, C, 'lora');
    const options = await s.openExtensionPage('src/options/index.html#tags');
    const tags = options
      .getByRole('region', { name: 'Tags' })
      .or(options.locator('section[aria-labelledby="tags-heading"]'));

    await tags.getByLabel('Colour of peft').fill('#ff0000');
    const chip = card(page, A).locator('papershelf-controls').locator('.chip').first();
    await expect
      .poll(() => chip.evaluate((el) => getComputedStyle(el).getPropertyValue('--tag').trim()))
      .toBe('#ff0000');

    await tags.getByRole('button', { name: 'Rename peft' }).click();
    await tags.getByRole('textbox', { name: 'New name for peft' }).fill('adapters');
    await tags.getByRole('button', { name: 'Save name' }).click();
    await options.getByText('Renamed “peft” to “adapters” on 2 papers.').waitFor();
    await card(page, B).getByRole('button', { name: 'Remove tag adapters' }).waitFor();
    expect(await chip.evaluate((el) => getComputedStyle(el).getPropertyValue('--tag').trim())).toBe('#ff0000');

    await tags.getByRole('button', { name: 'Rename lora' }).click();
    await tags.getByRole('textbox', { name: 'New name for lora' }).fill('Adapters');
    await tags.getByRole('button', { name: 'Save name' }).click();
    await options.getByText('Merged “lora” into “adapters” (1 paper).').waitFor();
    await card(page, C).getByRole('button', { name: 'Remove tag adapters' }).waitFor();
    await expect.poll(() => tags.locator('.tag-name').allTextContents()).toEqual(['adapters (3)']);

    await tags.getByRole('button', { name: 'Delete adapters' }).click();
    const confirm = tags.getByRole('alertdialog', { name: 'Delete the tag adapters?' });
    expect(await confirm.textContent()).toContain('Take “adapters” off 3 papers?');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await options.getByText('Deleted “adapters” from 3 papers.').waitFor();
    await card(page, A)
      .getByRole('button', { name: /^Remove tag/ })
      .waitFor({ state: 'detached' });
    expect((await storedPaper(s, C))?.tags).toBeUndefined();
    await Promise.all([page.close(), options.close()]);
  });

  it('charts papers seen and read this week', async () => {
    const page = await s.open(FEED);
    await card(page, A).getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(() => card(page, A).getAttribute('data-papershelf-read')).toBe('true');
    const options = await s.openExtensionPage('src/options/index.html#library');
    const chart = options.locator('section[aria-labelledby="activity-heading"]');
    await chart.getByText('As a table').click();
    const lastWeek = chart.locator('tbody tr').last();
    await expect.poll(async () => (await lastWeek.locator('td').allTextContents()).map(Number)).toEqual([13, 1]);
    expect(await chart.locator('svg rect').count()).toBe(24);
    // A legend, and a scale from 0 to a round top at or above the busiest week (13 seen).
    expect(await chart.locator('.legend li').allTextContents()).toEqual(['Seen', 'Read']);
    expect(await chart.locator('svg .scale text').allTextContents()).toEqual(['0', '10', '20']);
    await Promise.all([page.close(), options.close()]);
  });
});
