// arXiv listings, search and abstract pages, and Hugging Face paper pages, in real Chromium.
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../../scripts/offline-pages.mjs';
import { card, detectedIds, launch, openActionPopup, storedPaper, type Session } from './harness';

const PAGES: [string, number][] = [
  ['https://arxiv.org/list/cs.RO/recent', 50],
  ['https://arxiv.org/list/cs/new', 87],
  ['https://arxiv.org/list/cs/2301?skip=0&show=3', 3],
  ['https://arxiv.org/search/?query=distributed+systems&searchtype=abstract&size=200', 200],
  ['https://arxiv.org/abs/1706.03762', 1],
  ['https://arxiv.org/abs/1902.02534', 1],
  ['https://huggingface.co/papers/2509.24002', 1],
];

// The 2024-08-01 feed's markup with its first card pointing at 1706.03762: the same paper on
// a Daily Papers card and on its arXiv abstract page.
const FEED_WITH_ATTENTION = 'https://huggingface.co/papers?date=2017-06-13';
const feedWithAttention = readCapture('huggingface/daily-papers-2024-08-01.html')
  .replaceAll('2407.21783', '1706.03762')
  .replaceAll('The Llama 3 Herd of Models', 'Attention Is All You Need');

// One real entry of another listing (2301.00001, on no page below), as its dt and dd.
const SENTINEL_ID = '2301.00001';
const SENTINEL = /<dt>[\s\S]*?<\/dd>/.exec(readCapture('arxiv/list-cs-2301-month-prettified.html'))![0];

/**
 * Appends the sentinel entry to the page and waits for its controls. Scans run one after another,
 * so once the sentinel has its controls, every scan the page's earlier changes started is done:
 * what those did not mount, they will not.
 */
async function scannedSince(page: Page): Promise<void> {
  await page.evaluate((html) => {
    const list = document.createElement('dl');
    list.innerHTML = html;
    document.body.append(list);
  }, SENTINEL);
  await card(page, SENTINEL_ID).locator('papershelf-controls').waitFor();
}

let s: Session;
const ourErrors: string[] = [];
beforeAll(async () => {
  s = await launch({ extra: { [FEED_WITH_ATTENTION]: feedWithAttention } });
});
afterAll(() => s?.close());

function watchErrors(page: Page) {
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' && (/papershelf/i.test(m.text()) || m.location().url.startsWith('chrome-extension://')))
      ourErrors.push(m.text());
  });
}

async function open(url: string) {
  const page = await s.context.newPage();
  watchErrors(page);
  await page.goto(url);
  return page;
}

describe('controls on every entry', () => {
  it.each(PAGES)('%s: %i entries, one set of controls each', async (url, count) => {
    const page = await open(url);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(count);
    const ids = await detectedIds(page);
    expect(new Set(ids).size).toBe(count);
    expect(await page.getByRole('button', { name: 'Mark read' }).count()).toBe(count);
    expect(await page.locator('papershelf-controls').count()).toBe(count);
    await page.close();
  });

  it('shows nothing on an empty listing and logs no error', async () => {
    const page = await open('https://arxiv.org/list/cs/9101');
    await page.waitForLoadState('load');
    await scannedSince(page);
    // The sentinel's controls only.
    expect(await page.locator('papershelf-controls').count()).toBe(1);
    expect(ourErrors).toEqual([]);
    await page.close();
  });

  it('puts the controls on the dt of an entry, outside the title MathJax rewrites, and keeps them through the rewrite', async () => {
    const page = await open('https://arxiv.org/list/cs.RO/recent');
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(50);
    const entry = card(page, '2511.08583');
    expect(await entry.evaluate((el) => el.tagName)).toBe('DT');
    await entry.getByRole('button', { name: 'Save for later' }).click();
    await expect.poll(() => entry.getAttribute('data-papershelf-saved')).toBe('true');
    // What MathJax does after load: replace the content of every .mathjax node.
    await page.evaluate(() => {
      for (const node of document.querySelectorAll('.mathjax')) {
        const span = document.createElement('span');
        span.className = 'MathJax_Preview';
        span.textContent = node.textContent;
        node.replaceChildren(span);
      }
    });
    await scannedSince(page);
    expect(await page.locator('papershelf-controls').count()).toBe(51);
    expect(await entry.locator('papershelf-controls').count()).toBe(1);
    expect(await entry.getByRole('button', { name: 'Save for later' }).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('keeps the page working: links navigate, inline handlers run, no errors from us', async () => {
    const page = await open('https://arxiv.org/search/?query=distributed+systems&searchtype=abstract&size=200');
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(200);
    const first = card(page, '2512.03003');
    await first.getByText('▽ More').click();
    await expect.poll(() => first.locator('.abstract-full').isVisible()).toBe(true);
    await first.getByRole('link', { name: 'arXiv:2512.03003' }).click();
    await page.waitForURL('https://arxiv.org/abs/2512.03003');
    expect(ourErrors).toEqual([]);
    await page.close();
  });
});

describe('one paper, every site', () => {
  it('marks read on the arXiv abstract page and shows read on its Daily Papers card', async () => {
    const abs = await open('https://arxiv.org/abs/1706.03762');
    const bar = card(abs, '1706.03762');
    await expect.poll(() => bar.getAttribute('data-papershelf-read')).toBe('false');
    // Opening it is recorded, but is not reading it.
    await expect.poll(async () => (await storedPaper(s, '1706.03762'))?.openedAt).toEqual(expect.any(Number));
    expect((await storedPaper(s, '1706.03762'))?.readAt).toBeUndefined();

    const feed = await open(FEED_WITH_ATTENTION);
    await expect.poll(() => card(feed, '1706.03762').getAttribute('data-papershelf-read')).toBe('false');
    await bar.getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(() => card(feed, '1706.03762').getAttribute('data-papershelf-read')).toBe('true');

    // One record with the richer fields of both: arXiv's abstract and categories, HF's upvotes.
    const stored = await storedPaper(s, '1706.03762');
    expect(stored).toMatchObject({
      title: 'Attention Is All You Need',
      upvotes: 94,
      categories: ['cs.CL', 'cs.LG'],
      published: '2017-06-12',
    });
    expect(stored?.abstract).toMatch(/^The dominant sequence transduction models/);
    // The abstract page itself is never marked, though the paper is read.
    await expect.poll(() => bar.getAttribute('data-papershelf-read')).toBe('true');
    expect(await bar.evaluate((el) => getComputedStyle(el).boxShadow)).toBe('none');
    await Promise.all([abs.close(), feed.close()]);
  });

  it('shows the paper of the current tab at the top of the popup, with working toggles', async () => {
    const abs = await open('https://arxiv.org/abs/1902.02534');
    await card(abs, '1902.02534').locator('papershelf-controls').waitFor();
    const popup = await openActionPopup(s, abs);
    const text = await popup.waitFor<string>(`document.querySelector('section.current')?.innerText`);
    expect(text).toMatch(/This tab/i);
    expect(text).toMatch(/Crowdsourcing open citations with CROCI/);
    await popup.evaluate(
      `[...document.querySelectorAll('section.current button')].find((b) => b.getAttribute('aria-label') === 'Save for later').click()`,
    );
    await expect.poll(() => card(abs, '1902.02534').getAttribute('data-papershelf-saved')).toBe('true');
    await abs.close();
  });
});

describe('read papers on listings: marked, hidden or shown, per site, live', () => {
  it('applies the arXiv setting to an open listing at once, and leaves Hugging Face alone', async () => {
    const list = await open('https://arxiv.org/list/cs/new');
    const entry = card(list, '1807.07067');
    await entry.getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(() => entry.getAttribute('data-papershelf-read')).toBe('true');
    const dd = entry.locator('xpath=following-sibling::dd[1]');
    // One bar for the entry, on its dt; the dd's text stays at full strength.
    await expect.poll(() => entry.evaluate((el) => getComputedStyle(el).boxShadow)).toMatch(/-7px 0px 0px -3px/);
    expect(await dd.evaluate((el) => [getComputedStyle(el).opacity, getComputedStyle(el).boxShadow])).toEqual([
      '1',
      'none',
    ]);

    const options = await s.openExtensionPage('src/options/index.html#settings');
    await options.getByRole('combobox', { name: 'Read papers on arXiv' }).selectOption({ label: 'Hidden' });
    await expect.poll(() => entry.isVisible()).toBe(false);
    await expect.poll(() => dd.isVisible()).toBe(false);
    expect(await card(list, '1807.07091').isVisible()).toBe(true);
    expect(await options.getByRole('combobox', { name: 'Read papers on Hugging Face' }).inputValue()).toBe('dim');

    await options.getByRole('combobox', { name: 'Read papers on arXiv' }).selectOption({ label: 'Shown as usual' });
    await expect.poll(() => entry.isVisible()).toBe(true);
    expect(await entry.evaluate((el) => getComputedStyle(el).boxShadow)).toBe('none');
    await options.getByRole('combobox', { name: 'Read papers on arXiv' }).selectOption({ label: 'Marked' });
    await Promise.all([list.close(), options.close()]);
  });
});
