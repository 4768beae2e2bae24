// Daily Papers pages in real Chromium with the built extension: detection, the contract
// attributes, the page's own behaviour, in-page re-renders and hostile pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, detectedIds, launch, storedPaper, type Session } from './harness';
import { HOSTILE, HOSTILE_HTML } from './hostile-page';
import expected from '../fixtures/expected-ids.json' with { type: 'json' };

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const DEMO = 'https://huggingface.co/papers/date/2025-08-05';

// A forged card for a real paper, with a sponsored title and a padded author list.
const FORGED = 'https://huggingface.co/papers?date=2099-01-02';
const FORGED_HTML = `<!doctype html><html><body><main>
<article><h3><a href="/papers/2407.21783">The Llama 3 Herd of Models (SPONSORED: buy tokens now)</a></h3></article>
</main></body></html>`;

let s: Session;
beforeAll(async () => {
  s = await launch({ extra: { [HOSTILE]: HOSTILE_HTML, [FORGED]: FORGED_HTML } });
});
afterAll(() => s?.close());

async function ready(url: string) {
  const page = await s.open(url);
  await page.locator('[data-papershelf-read]').first().waitFor();
  return page;
}

describe('detection on real captures', () => {
  it('puts controls on the 13 papers of the 2024-08-01 capture, once each', async () => {
    const page = await ready(FEED);
    const ids = await detectedIds(page);
    expect(ids).toEqual(expected['huggingface/daily-papers-2024-08-01.html']);
    for (const id of ids) {
      await expect.poll(() => card(page, id).getAttribute('data-papershelf-read')).toBe('false');
      expect(await card(page, id).getByRole('button', { name: 'Mark read' }).count()).toBe(1);
      expect(await card(page, id).getByRole('button', { name: 'Save for later' }).count()).toBe(1);
    }
    await page.close();
  });

  it('puts controls on all 57 papers of the demo feed', async () => {
    const page = await ready(DEMO);
    const ids = await detectedIds(page);
    expect(ids).toHaveLength(57);
    expect(new Set(ids).size).toBe(57);
    expect(await page.getByRole('button', { name: 'Mark read' }).count()).toBe(57);
    await page.close();
  });

  it('records every paper it detects, with the page it was seen on', async () => {
    const page = await ready(FEED);
    await page.close();
    const llama = await storedPaper(s, '2407.21783');
    expect(llama).toMatchObject({ id: '2407.21783', title: 'The Llama 3 Herd of Models', firstSeenUrl: FEED });
    expect((llama?.authors as string[])[0]).toBe('Abhimanyu Dubey');
    expect(llama?.abstract).toMatch(/^Modern artificial intelligence/);
    expect(typeof llama?.firstSeenAt).toBe('number');
  });
});

describe('the page keeps working', () => {
  it('follows the card title link as before, and our buttons do not navigate', async () => {
    const page = await ready(FEED);
    await card(page, '2407.21705').getByRole('button', { name: 'Save for later' }).click();
    await expect.poll(() => card(page, '2407.21705').getAttribute('data-papershelf-saved')).toBe('true');
    expect(page.url()).toBe(FEED);
    await card(page, '2407.21705').locator('h3 a').click();
    await page.waitForURL('https://huggingface.co/papers/2407.21705');
    await page.close();
  });

  it('does not move the page while the controls arrive: their room is there from the first layout', async () => {
    const page = await s.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { shifted: number; shifts: PerformanceObserver };
      w.shifted = 0;
      const add = (entries: PerformanceEntryList) => {
        for (const e of entries as unknown as { value: number }[]) w.shifted += e.value;
      };
      w.shifts = new PerformanceObserver((list) => add(list.getEntries()));
      w.shifts.observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(DEMO);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(57);
    // The sum of every layout-shift score of the load: controls that pushed the cards below them
    // down as they arrived scored 0.023 on this page; with the room reserved, 0. Shifts are
    // measured when a frame renders: two frames after the last controls arrived, every shift of
    // theirs is in the observer's records, delivered or still queued.
    const shifted = await page.evaluate(async () => {
      const w = window as unknown as { shifted: number; shifts: PerformanceObserver };
      await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
      for (const e of w.shifts.takeRecords() as unknown as { value: number }[]) w.shifted += e.value;
      return w.shifted;
    });
    expect(shifted).toBeLessThan(0.001);
    // The room is taken by the controls, not left empty: they sit right under the title.
    const gap = await page.evaluate(() => {
      const h3 = document.querySelector('article h3')!;
      const host = h3.nextElementSibling!;
      return (
        host.getBoundingClientRect().top -
        (h3.getBoundingClientRect().bottom - parseFloat(getComputedStyle(h3).paddingBottom))
      );
    });
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(12);
    await page.close();
  });

  it('styles the controls from the page theme, in light and dark', async () => {
    const page = await ready(DEMO);
    const colours = () =>
      page.evaluate(() => {
        const article = document.querySelector('article')!;
        const button = article.querySelector('papershelf-controls')!.shadowRoot!.querySelector('button')!;
        return { text: getComputedStyle(article).color, button: getComputedStyle(button).color };
      });
    const light = await colours();
    expect(light.button).toBe(light.text);
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    const dark = await colours();
    expect(dark.button).toBe(dark.text);
    expect(dark.button).not.toBe(light.button);
    await page.close();
  });
});

describe('pages that re-render in place', () => {
  it('gives re-rendered and newly routed cards exactly one set of controls', async () => {
    const page = await ready(FEED);
    // What Svelte does on tab or date navigation: new card elements, new URL, no reload.
    await page.evaluate(() => {
      const articles = [...document.querySelectorAll('article')];
      const grid = articles[0]!.parentElement!;
      const clones = articles.slice(0, 5).map((a) => {
        const c = a.cloneNode(true) as HTMLElement;
        c.querySelectorAll('papershelf-controls').forEach((n) => n.remove());
        return c;
      });
      history.pushState({}, '', '/papers?date=2024-07-31');
      articles.forEach((a) => a.remove());
      grid.append(...clones);
      // Re-render of an existing card's inner block, as a keyed update would do.
      const h3Block = clones[0]!.querySelector('h3')!.parentElement!;
      h3Block.replaceWith(h3Block.cloneNode(true));
    });
    await expect.poll(() => page.locator('papershelf-controls').count()).toBe(5);
    for (const article of await page.locator('article').all()) {
      expect(await article.locator('papershelf-controls').count()).toBe(1);
      expect(await article.getByRole('button', { name: 'Mark read' }).count()).toBe(1);
    }
    expect(page.url()).toBe('https://huggingface.co/papers?date=2024-07-31');
    await page.close();
  });
});

describe('hostile pages', () => {
  it('shows a title holding markup as text and runs nothing, here and in the popup', async () => {
    const page = await ready(HOSTILE);
    expect(await detectedIds(page)).toEqual(['2501.00001', '2501.00002']);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    const popup = await s.openExtensionPage('src/popup/index.html');
    await popup.getByRole('tab', { name: /Seen/ }).click();
    await popup.getByRole('link', { name: '<img src=x onerror="window.pwned=1">' }).waitFor();
    // The title made no element: no picture among the papers (the header's icon is ours).
    expect(await popup.getByRole('tabpanel').locator('img').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await popup.close();
    await page.close();
  });

  it('cannot retitle a paper the user saved: a feed only fills what the record lacks', async () => {
    const feed = await ready(FEED);
    await card(feed, '2407.21783').getByRole('button', { name: 'Save for later' }).click();
    await expect.poll(() => card(feed, '2407.21783').getAttribute('data-papershelf-saved')).toBe('true');
    const seenBefore = (await storedPaper(s, '2407.21783'))?.lastSeenAt as number;
    const forged = await ready(FORGED);
    expect(await detectedIds(forged)).toEqual(['2407.21783']);
    // Once the forged page's sighting is stored, no metadata has changed.
    await expect.poll(async () => ((await storedPaper(s, '2407.21783'))?.lastSeenAt as number) > seenBefore).toBe(true);
    const stored = await storedPaper(s, '2407.21783');
    expect(stored?.title).toBe('The Llama 3 Herd of Models');
    expect(stored?.savedAt).toEqual(expect.any(Number));
    await Promise.all([feed.close(), forged.close()]);
  });

  it('ignores a page script clicking our buttons and forged messages', async () => {
    const page = await ready(HOSTILE);
    const attack = await page.evaluate(async () => {
      const host = document.querySelector('[data-papershelf-id="2501.00002"] papershelf-controls')!;
      for (const b of host.shadowRoot!.querySelectorAll('button')) b.click();
      for (const b of host.shadowRoot!.querySelectorAll('button'))
        b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      window.postMessage({ type: 'paper/setRead', id: '2501.00002', read: true }, '*');
      document.dispatchEvent(
        new CustomEvent('papershelf', { detail: { type: 'paper/setSaved', id: '2501.00002', saved: true } }),
      );
      const chrome = (window as unknown as { chrome?: { runtime?: unknown } }).chrome;
      return { runtime: chrome?.runtime === undefined ? 'none' : 'present' };
    });
    // Pages cannot reach the extension's messaging at all (no externally_connectable).
    expect(attack.runtime).toBe('none');
    // A real click on the other card is a sync point: once it is stored, the attacks had their chance.
    await card(page, '2501.00001').getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(() => card(page, '2501.00001').getAttribute('data-papershelf-read')).toBe('true');
    expect(await card(page, '2501.00002').getAttribute('data-papershelf-read')).toBe('false');
    expect(await card(page, '2501.00002').getAttribute('data-papershelf-saved')).toBe('false');
    const stored = await storedPaper(s, '2501.00002');
    expect(stored?.readAt).toBeUndefined();
    expect(stored?.savedAt).toBeUndefined();
    await page.close();
  });
});
