// Notes and tags typed on cards: saved as you type, kept across reloads and worker stops, and the
// same on every site that shows the paper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../../scripts/offline-pages.mjs';
import { card, editorOf, launch, storedPaper, type Session } from './harness';

const FEED = 'https://huggingface.co/papers?date=2017-06-13';
const feedWithAttention = readCapture('huggingface/daily-papers-2024-08-01.html')
  .replaceAll('2407.21783', '1706.03762')
  .replaceAll('The Llama 3 Herd of Models', 'Attention Is All You Need');

let s: Session;
beforeAll(async () => {
  s = await launch({ extra: { [FEED]: feedWithAttention } });
});
afterAll(() => s?.close());

describe('notes', () => {
  it('saves a note while typing; it survives a reload and a worker stop', async () => {
    const page = await s.open(FEED);
    const paper = card(page, '2407.21705');
    await paper.getByRole('button', { name: 'Note' }).click();
    const box = editorOf(paper).getByRole('textbox', { name: 'Note' });
    await box.pressSequentially('Compare with the MoE baseline', { delay: 5 });
    // Saved without leaving the box: the debounce fires after typing stops.
    await expect.poll(async () => (await storedPaper(s, '2407.21705'))?.note).toBe('Compare with the MoE baseline');
    expect(await paper.getByRole('button', { name: 'Note' }).getAttribute('title')).toBe('Note (n) — has a note');

    await page.reload();
    // After a reload the card shows it has a note once its stored state is back; then the box has it.
    const hasNote = () => paper.getByRole('button', { name: 'Note' }).getAttribute('title');
    await expect.poll(hasNote).toBe('Note (n) — has a note');
    await paper.getByRole('button', { name: 'Note' }).click();
    expect(await editorOf(paper).getByRole('textbox', { name: 'Note' }).inputValue()).toBe(
      'Compare with the MoE baseline',
    );

    await s.stopWorker();
    await editorOf(paper).getByRole('textbox', { name: 'Note' }).press('End');
    await editorOf(paper).getByRole('textbox', { name: 'Note' }).pressSequentially('; check table 4', { delay: 5 });
    await page
      .getByRole('heading')
      .first()
      .click({ force: true })
      .catch(() => undefined);
    await expect
      .poll(async () => (await storedPaper(s, '2407.21705'))?.note)
      .toBe('Compare with the MoE baseline; check table 4');
    await s.stopWorker();
    await page.reload();
    await expect.poll(hasNote).toBe('Note (n) — has a note');
    await paper.getByRole('button', { name: 'Note' }).click();
    expect(await editorOf(paper).getByRole('textbox', { name: 'Note' }).inputValue()).toBe(
      'Compare with the MoE baseline; check table 4',
    );
    await page.close();
  });

  it('keeps typing in the note away from the page', async () => {
    const page = await s.open(FEED);
    await page.evaluate(() => {
      (window as unknown as { keys: string[] }).keys = [];
      document.addEventListener('keydown', (e) => (window as unknown as { keys: string[] }).keys.push(e.key));
    });
    const paper = card(page, '2407.21770');
    await paper.getByRole('button', { name: 'Note' }).click();
    await editorOf(paper).getByRole('textbox', { name: 'Note' }).pressSequentially('jk/', { delay: 5 });
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual([]);
    await page.close();
  });
});

describe('tags', () => {
  it('adds a tag on Hugging Face that shows on the arXiv page of the same paper; autocomplete and Backspace work', async () => {
    const feed = await s.open(FEED);
    const paper = card(feed, '1706.03762');
    await paper.getByRole('button', { name: 'Tags' }).click();
    const input = editorOf(paper).getByRole('combobox', { name: 'Add a tag' });
    await input.fill('transformers');
    await input.press('Enter');
    await input.fill('attention');
    await input.press('Enter');
    await expect.poll(async () => (await storedPaper(s, '1706.03762'))?.tags).toEqual(['transformers', 'attention']);
    expect(await paper.getByRole('button', { name: 'Remove tag transformers' }).count()).toBe(1);

    const abs = await s.open('https://arxiv.org/abs/1706.03762');
    const bar = card(abs, '1706.03762');
    await bar.getByRole('button', { name: 'Remove tag attention' }).waitFor();
    expect(await bar.getByText('transformers').count()).toBe(1);

    // Backspace on an empty input removes the last tag, live on the other page too.
    await input.press('Backspace');
    await bar.getByRole('button', { name: 'Remove tag attention' }).waitFor({ state: 'detached' });

    // Autocomplete from existing tags, on another paper.
    const other = card(feed, '2407.21630');
    await other.getByRole('button', { name: 'Tags' }).click();
    const input2 = editorOf(other).getByRole('combobox', { name: 'Add a tag' });
    await input2.pressSequentially('tra');
    await editorOf(other).getByRole('option', { name: 'transformers' }).waitFor();
    await input2.press('Enter');
    await other.getByRole('button', { name: 'Remove tag transformers' }).waitFor();
    await other.getByRole('button', { name: 'Remove tag transformers' }).click();
    await other.getByRole('button', { name: 'Remove tag transformers' }).waitFor({ state: 'detached' });
    expect((await storedPaper(s, '2407.21630'))?.tags).toBeUndefined();
    await Promise.all([feed.close(), abs.close()]);
  });
});

describe('popup search and tags', () => {
  it('finds a paper by a word of its note, highlights it, and opens it with Enter', async () => {
    const feed = await s.open(FEED);
    const paper = card(feed, '2407.21646');
    await paper.getByRole('button', { name: 'Note' }).click();
    await editorOf(paper).getByRole('textbox', { name: 'Note' }).fill('Benchmark for multilingual retrieval');
    await paper.getByRole('button', { name: 'Tags' }).click();
    await expect
      .poll(async () => (await storedPaper(s, '2407.21646'))?.note)
      .toBe('Benchmark for multilingual retrieval');

    const popup = await s.openExtensionPage('src/popup/index.html');
    const search = popup.getByRole('searchbox', { name: 'Search your papers' });
    await search.pressSequentially('multiling');
    const results = popup.getByRole('listbox', { name: 'Search results' });
    await expect.poll(() => results.getByRole('option').count()).toBe(1);
    // The list can show one result from an earlier keystroke (`multil` already finds only this
    // paper), highlighting what was typed then: wait for the whole word's highlight.
    await expect.poll(() => results.getByRole('option').locator('mark').first().textContent()).toBe('multiling');
    const [opened] = await Promise.all([s.context.waitForEvent('page'), search.press('Enter')]);
    await opened.waitForURL('https://arxiv.org/abs/2407.21646');
    await opened.close();

    // Filters: a tag, and read state.
    await search.fill('tag:transformers');
    await expect.poll(() => results.getByRole('option').count()).toBe(1);
    await search.fill('is:read multiling');
    await popup.getByText(/No paper matches/).waitFor();

    await search.fill('');
    await popup.getByRole('tab', { name: 'Tags' }).click();
    await popup.getByRole('button', { name: 'transformers 1' }).click();
    expect(await search.inputValue()).toBe('tag:"transformers" ');
    await expect.poll(() => results.getByRole('option').count()).toBe(1);
    await Promise.all([feed.close(), popup.close()]);
  });
});
