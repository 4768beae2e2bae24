// Where things land on screen, from bounding boxes: one row of controls per Daily Papers card, arXiv
// pages barely taller, menus and tabs that do not wrap.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, editorOf, launch, type Session } from './harness';

const DEMO = 'https://huggingface.co/papers/date/2025-08-05';
let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

/** The top edge of each of a card's buttons, rounded to the pixel. */
const buttonTops = (page: Page, id: string) =>
  card(page, id)
    .locator('papershelf-controls')
    .evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll('.bar > button')].map((b) => Math.round(b.getBoundingClientRect().top)),
    );

/** How much taller the page is with the controls than with them taken out. */
async function addedHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll<HTMLElement>('papershelf-controls')];
    // Every host laid out for real, not only those near the viewport (content-visibility: auto).
    for (const h of hosts) h.style.contentVisibility = 'visible';
    const withControls = document.documentElement.scrollHeight;
    for (const h of hosts) h.style.display = 'none';
    const without = document.documentElement.scrollHeight;
    for (const h of hosts) h.style.display = '';
    return withControls / without - 1;
  });
}

describe('layout', () => {
  it('puts all five controls of a Daily Papers card on one row, in the three-column grid at 1280 px and at its narrowest', async () => {
    const page = await s.open(DEMO);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(57);
    const columns = await page
      .locator('article')
      .evaluateAll((cards) => new Set(cards.map((c) => Math.round(c.getBoundingClientRect().left))).size);
    expect(columns).toBe(3);
    const oneRowEach = async () => {
      for (const id of await page
        .locator('[data-papershelf-id]')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-papershelf-id')!))) {
        const tops = await buttonTops(page, id);
        expect(tops, id).toHaveLength(5);
        expect(new Set(tops).size, id).toBe(1);
      }
    };
    await oneRowEach();
    // The grid's narrowest columns (320 px cards, three of them, just before it drops to two).
    const scrollbar = await page.evaluate(() => innerWidth - document.documentElement.clientWidth);
    await page.setViewportSize({ width: 1040 + scrollbar, height: 800 });
    expect(
      await page
        .locator('article')
        .first()
        .evaluate((c) => Math.round(c.getBoundingClientRect().width)),
    ).toBe(320);
    await oneRowEach();
    await page.close();
  });

  it('makes an arXiv listing or search at most 3 % taller, the controls on the entry’s own line', async () => {
    for (const url of [
      'https://arxiv.org/list/cs.RO/recent',
      'https://arxiv.org/list/cs/new',
      'https://arxiv.org/search/?query=distributed+systems&searchtype=abstract&size=200',
    ]) {
      const page = await s.open(url);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.waitForFunction(
        () => document.readyState === 'complete' && document.querySelectorAll('papershelf-controls').length > 0,
      );
      await expect.poll(() => page.locator('[data-papershelf-read]').count(), { message: url }).toBeGreaterThan(0);
      expect(await addedHeight(page), url).toBeLessThanOrEqual(0.03);
      await page.close();
    }
  });

  it('shows the Lists menu with each checkbox on the row of its list’s name', async () => {
    const page = await s.open(DEMO);
    const paper = card(page, '2406.04344');
    await paper.getByRole('button', { name: 'Lists' }).click();
    const field = editorOf(paper).getByRole('textbox', { name: 'New list with this paper' });
    for (const name of ['Reading group with a rather long name', 'Thesis']) {
      await field.fill(name);
      await field.press('Enter');
      await editorOf(paper).getByRole('checkbox', { name }).waitFor();
    }
    for (const name of ['Reading group with a rather long name', 'Thesis']) {
      const box = (await editorOf(paper).getByRole('checkbox', { name }).boundingBox())!;
      const label = (await editorOf(paper).getByText(name, { exact: true }).boundingBox())!;
      // One row: the label is one line tall and the box sits within it.
      expect(label.height, name).toBeLessThan(box.height * 2);
      expect(box.y + box.height / 2).toBeGreaterThan(label.y);
      expect(box.y + box.height / 2).toBeLessThan(label.y + label.height);
    }
    await page.close();
  });

  it('fits the popup’s tabs on one line at 400 px with four-digit counts', async () => {
    // 2,345 papers: 1,111 read, 1,111 others saved and unread (To read), 1,001 opened.
    const now = Date.now() - 60_000;
    const papers = Array.from({ length: 2345 }, (_, i) => ({
      id: `2401.${String(10000 + i)}`,
      title: `Paper ${i}`,
      authors: ['A. Author'],
      firstSeenAt: now,
      firstSeenUrl: 'https://huggingface.co/papers',
      lastSeenAt: now,
      updatedAt: now,
      ...(i < 1111 ? { readAt: now } : {}),
      ...(i >= 1111 && i < 2222 ? { savedAt: now } : {}),
      ...(i < 1001 ? { openedAt: now } : {}),
    }));
    const options = await s.openExtensionPage('src/options/index.html#import-export');
    const backup = JSON.stringify({
      format: 'papershelf-backup',
      version: 2,
      exportedAt: new Date().toISOString(),
      tables: { papers, settings: [], lists: [], listEntries: [] },
    });
    await options
      .getByLabel('Import', { exact: true })
      .setInputFiles({ name: 'library.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await options.getByRole('button', { name: 'Confirm import' }).click();
    await options.getByText(/Imported/).waitFor({ timeout: 60_000 });
    await options.close();

    const popup = await s.openExtensionPage('src/popup/index.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    // Seen also counts what the other tests here recorded.
    await expect
      .poll(() => popup.getByRole('tab', { name: /^Seen/ }).textContent(), { timeout: 30_000 })
      .toMatch(/^Seen 2,\d{3}$/);
    const tabs = await popup
      .getByRole('tab')
      .evaluateAll((els) => els.map((e) => ({ text: e.textContent, ...e.getBoundingClientRect().toJSON() })));
    expect(tabs.map((t) => t.text)).toEqual([
      'To read 1,111',
      'Read 1,111',
      expect.stringMatching(/^Seen 2,\d{3}$/),
      'Opened 1,001',
      'Lists',
      'Tags',
    ]);
    // One line each, side by side, inside the popup.
    expect(new Set(tabs.map((t) => Math.round(t.top))).size).toBe(1);
    expect(Math.max(...tabs.map((t) => t.height))).toBeLessThan(2 * 16);
    const inside = await popup
      .locator('main')
      .evaluate((m) => m.getBoundingClientRect().right - parseFloat(getComputedStyle(m).paddingRight));
    expect(Math.max(...tabs.map((t) => t.right))).toBeLessThanOrEqual(inside);
    await popup.close();
  });
});
