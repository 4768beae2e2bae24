// "All data stays on the user's machine", in Firefox: while the user marks, tags, searches and
// exports, nothing reaches the network. Pages are served by the offline harness; every other
// request from the browser (the background, the extension's pages, Firefox itself) goes to a
// recording proxy, which must stay empty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answeredCount,
  click,
  clickText,
  control,
  launch,
  opener,
  storedPaper,
  typeInEditor,
  typeInto,
  type FirefoxSession,
} from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
let s: FirefoxSession;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('no network requests of its own', () => {
  it('sends nothing from the background, the extension pages or the content script while the user works', async () => {
    const page = await s.open(FEED);
    await expect.poll(() => answeredCount(page)).toBe(13);
    await click(page, control('2407.21783', 'Mark read'));
    await click(page, opener('2407.21783', 'Tags'));
    await typeInEditor(page, '2407.21783', 'input[aria-label="Add a tag"]', 'llm');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await storedPaper(s, '2407.21783'))?.tags).toEqual(['llm']);

    const popup = await s.openExtensionPage('src/popup/index.html');
    await typeInto(popup, 'input[type="search"]', 'llama');
    await popup.waitForSelector('[role="listbox"][aria-label="Search results"] [role="option"]', { timeout: 30_000 });
    const options = await s.openExtensionPage('src/options/index.html#import-export');
    await clickText(options, 'button', /^Export BibTeX$/);
    expect(await s.downloaded(`papershelf-all-${today()}.bib`)).toMatch(/@(article|misc)\{dubey2024llama,/);

    expect(s.networkRequests).toEqual([]);
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});
