// axe-core (WCAG 2.2 A/AA and best practices) on every surface, light and dark: no violation in
// Papershelf's own elements, and no text in a read listing below contrast.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, contrastInReadListings } from './axe';
import { card, editorFrame, editorOf, escapeEditor, launch, type Session } from './harness';

const DEMO = 'https://huggingface.co/papers/date/2025-08-05';
const ARXIV = 'https://arxiv.org/list/cs.RO/recent';
const SCHEMES = ['light', 'dark'] as const;
let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

async function press(page: Page, id: string, name: 'Mark read' | 'Save for later') {
  const button = card(page, id).getByRole('button', { name });
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
}

/**
 * No violation in our elements, in light and then dark; `dark` also switches the site's own theme.
 * In a site's page, the listings marked read must stay readable too.
 */
async function expectClean(
  page: Page,
  kind: 'extension-page' | 'in-site',
  what: string,
  dark?: (on: boolean) => Promise<unknown>,
) {
  const readListings = { 'extension-page': async () => [], 'in-site': () => contrastInReadListings(page) }[kind];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await dark?.(colorScheme === 'dark');
    expect(await axeViolations(page, kind), `${what}, ${colorScheme}`).toEqual([]);
    expect(await readListings(), `${what}, ${colorScheme}: read listings`).toEqual([]);
  }
}

async function popup(size = { width: 400, height: 600 }) {
  const page = await s.openExtensionPage('src/popup/index.html');
  await page.setViewportSize(size);
  await page.getByRole('tab', { selected: true }).waitFor();
  return page;
}

describe('accessibility', () => {
  it('the popup, before any paper is recorded', async () => {
    const page = await popup();
    await page.getByText(/Nothing waiting/).waitFor();
    await expectClean(page, 'extension-page', 'empty popup');
    // Typing works at once: the search box has focus on open.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search your papers');
    await page.close();
  });

  it('the Daily Papers feed with read, saved and unread cards, an open editor and the keys dialog', async () => {
    const page = await s.open(DEMO);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(57);
    await press(page, '2406.04344', 'Mark read');
    await press(page, '2405.14739', 'Save for later');
    await press(page, '1704.08792', 'Mark read');
    await press(page, '1704.08792', 'Save for later');
    await card(page, '2405.14739').getByRole('button', { name: 'Lists' }).click();
    await editorOf(card(page, '2405.14739')).getByRole('textbox', { name: 'New list with this paper' }).waitFor();
    // The editor is an extension page in a frame: axe checks it there.
    expect(await axeViolations(editorFrame(page)!, 'editor-frame')).toEqual([]);
    await expectClean(page, 'in-site', 'feed', (on) =>
      page.evaluate((dark) => document.documentElement.classList.toggle('dark', dark), on),
    );
    await escapeEditor(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Papershelf keys' }).waitFor();
    expect(await axeViolations(page, 'in-site')).toEqual([]);
    await page.close();
  });

  it('an arXiv listing with read and saved entries', async () => {
    const page = await s.open(ARXIV);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(50);
    await press(page, '2511.08583', 'Mark read');
    await press(page, '2511.08502', 'Save for later');
    await expectClean(page, 'in-site', 'arXiv listing');
    await page.close();
  });

  it('the popup with papers, tags and a note, and with a search', async () => {
    const feed = await s.open(DEMO);
    await card(feed, '2405.14739').getByRole('button', { name: 'Tags' }).click();
    const tag = editorOf(card(feed, '2405.14739')).getByRole('combobox', { name: 'Add a tag' });
    await tag.fill('agents');
    await tag.press('Enter');
    await card(feed, '2405.14739').getByRole('button', { name: 'Remove tag agents' }).waitFor();
    await feed.close();

    const page = await popup();
    await page.getByRole('tabpanel').getByRole('listitem').first().waitFor();
    await expectClean(page, 'extension-page', 'popup with papers');
    await page.getByRole('searchbox', { name: 'Search your papers' }).fill('agents');
    await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
    await expectClean(page, 'extension-page', 'popup search');
    await page.close();
  });

  it('every section of the library page, and the welcome page', async () => {
    const page = await s.openExtensionPage('src/options/index.html');
    for (const section of ['library', 'tags', 'suggestions', 'import-export', 'sync', 'settings']) {
      await page.goto(`chrome-extension://${s.extensionId}/src/options/index.html#${section}`);
      await page.locator('main h2').first().waitFor();
      await expectClean(page, 'extension-page', section);
    }
    await page.goto(`chrome-extension://${s.extensionId}/src/welcome/index.html`);
    await page.locator('h1').waitFor();
    await expectClean(page, 'extension-page', 'welcome');
    await page.close();
  });
});
