// Every supported capture in real Firefox with the Firefox build: the exact papers get controls,
// each is recorded, a hostile page's markup stays text and its scripted clicks count for nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURES } from '../../scripts/offline-pages.mjs';
import expected from '../fixtures/expected-ids.json' with { type: 'json' };
import {
  answeredCount,
  attribute,
  click,
  clickText,
  control,
  detectedIds,
  launch,
  storedPaper,
  type FirefoxSession,
} from './harness';
import { HOSTILE, HOSTILE_HTML } from '../e2e/hostile-page';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const DEMO = 'https://huggingface.co/papers/date/2025-08-05';

/** Every capture whose paper ids are listed in test/fixtures/expected-ids.json, by its real URL. */
const WITH_EXPECTED_IDS = Object.entries(CAPTURES as Record<string, string>)
  .filter(([, file]) => file in expected)
  .map(([url, file]) => [url, expected[file as keyof typeof expected] as string[]] as const);

let s: FirefoxSession;
beforeAll(async () => {
  s = await launch({ extra: { [HOSTILE]: HOSTILE_HTML } });
});
afterAll(() => s?.close());

describe('controls on every capture', () => {
  it('covers every capture but the demo feed', () => {
    expect(WITH_EXPECTED_IDS.map(([url]) => url).sort()).toEqual(
      Object.keys(CAPTURES)
        .filter((u) => u !== DEMO)
        .sort(),
    );
  });

  it.each(WITH_EXPECTED_IDS)('%s: controls on exactly the expected papers, once each', async (url, ids) => {
    const page = await s.open(url);
    await expect.poll(() => answeredCount(page)).toBe(ids.length);
    expect(await detectedIds(page)).toEqual(ids);
    expect(await page.evaluate(() => document.querySelectorAll('papershelf-controls').length)).toBe(ids.length);
    for (const id of ids.slice(0, 3)) expect(await page.$(control(id, 'Mark read'))).not.toBeNull();
    await page.close();
  });

  it('puts controls on all 57 papers of the demo feed', async () => {
    const page = await s.open(DEMO);
    await expect.poll(() => answeredCount(page)).toBe(57);
    expect(new Set(await detectedIds(page)).size).toBe(57);
    await page.close();
  });

  it('records every paper it detects, with the page it was seen on', async () => {
    const page = await s.open(FEED);
    await expect.poll(() => answeredCount(page)).toBe(13);
    await page.close();
    const llama = await storedPaper(s, '2407.21783');
    expect(llama).toMatchObject({ id: '2407.21783', title: 'The Llama 3 Herd of Models', firstSeenUrl: FEED });
    expect((llama?.authors as string[])[0]).toBe('Abhimanyu Dubey');
    expect(llama?.abstract).toMatch(/^Modern artificial intelligence/);
  });
});

describe('hostile pages', () => {
  it('shows a title holding markup as text and runs nothing, here and in the popup', async () => {
    const page = await s.open(HOSTILE);
    await expect.poll(() => answeredCount(page)).toBe(2);
    expect(await detectedIds(page)).toEqual(['2501.00001', '2501.00002']);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    const popup = await s.openExtensionPage('src/popup/index.html');
    await clickText(popup, '[role="tab"]', /^Seen/);
    const title = '<img src=x onerror="window.pwned=1">';
    await expect
      .poll(() =>
        popup.evaluate(
          (t) => [...document.querySelectorAll('[role="tabpanel"] a')].some((a) => a.textContent === t),
          title,
        ),
      )
      .toBe(true);
    expect(await popup.evaluate(() => document.querySelectorAll('[role="tabpanel"] img').length)).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await Promise.all([popup.close(), page.close()]);
  });

  it('ignores a page script clicking our buttons and forged messages', async () => {
    const page = await s.open(HOSTILE);
    await expect.poll(() => answeredCount(page)).toBe(2);
    const runtime = await page.evaluate(() => {
      const host = document.querySelector('[data-papershelf-id="2501.00002"] papershelf-controls')!;
      for (const b of host.shadowRoot!.querySelectorAll('button')) b.click();
      for (const b of host.shadowRoot!.querySelectorAll('button'))
        b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      window.postMessage({ type: 'paper/setRead', id: '2501.00002', read: true }, '*');
      document.dispatchEvent(
        new CustomEvent('papershelf', { detail: { type: 'paper/setSaved', id: '2501.00002', saved: true } }),
      );
      const w = window as unknown as { browser?: { runtime?: unknown }; chrome?: { runtime?: unknown } };
      return (w.browser?.runtime ?? w.chrome?.runtime) ? 'present' : 'none';
    });
    // Pages cannot reach the extension's messaging at all.
    expect(runtime).toBe('none');
    // A real click on the other card is a sync point: once it is stored, the attacks had their chance.
    await click(page, control('2501.00001', 'Mark read'));
    await expect.poll(() => attribute(page, '2501.00001', 'data-papershelf-read')).toBe('true');
    expect(await attribute(page, '2501.00002', 'data-papershelf-read')).toBe('false');
    expect(await attribute(page, '2501.00002', 'data-papershelf-saved')).toBe('false');
    const stored = await storedPaper(s, '2501.00002');
    expect(stored?.readAt).toBeUndefined();
    expect(stored?.savedAt).toBeUndefined();
    await page.close();
  });
});
