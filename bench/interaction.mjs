// Click → state stored and confirmed on the card, and the same change reaching a second tab.
// Each click is timed in the page from the trusted pointer event to the card's data attribute,
// which the content script sets only after the worker has committed the write and answered.
import { RUNS, report, session } from './lib.mjs';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';

export function watch() {
  window.__clicks = [];
  addEventListener('pointerdown', () => window.__clicks.push({ down: performance.now() }), true);
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const last = window.__clicks.at(-1);
      if (r.attributeName === 'data-papershelf-read' && last && last.stored === undefined) last.stored = now;
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-papershelf-read'] });
}

/**
 * Clicks a card's Mark read / Mark unread in a page prepared with `watch`, and returns the time from
 * the pointer going down to the card showing the stored state.
 */
export async function timedClick(feed, card = '[data-papershelf-id="2407.21783"]') {
  const button = feed.locator(card).getByRole('button', { name: /Mark (read|unread)/ });
  const before = await feed.evaluate(() => window.__clicks.length);
  await button.click();
  await feed.waitForFunction((n) => window.__clicks.length > n && window.__clicks.at(-1).stored !== undefined, before, {
    timeout: 120_000,
  });
  const c = await feed.evaluate(() => window.__clicks.at(-1));
  return c.stored - c.down;
}

function watchOther() {
  window.__seen = [];
  new MutationObserver(() => window.__seen.push(Date.now())).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-papershelf-read'],
  });
}

export async function benchInteraction() {
  const s = await session();
  const results = [];
  try {
    const a = await s.context.newPage();
    await a.addInitScript(watch);
    await a.goto(FEED);
    await a.locator('[data-papershelf-read]').first().waitFor();
    const b = await s.context.newPage();
    await b.addInitScript(watchOther);
    await b.goto(FEED);
    await b.locator('[data-papershelf-read]').first().waitFor();
    await a.bringToFront();

    const click = [],
      propagation = [];
    const button = a.locator('[data-papershelf-id="2407.21783"]').getByRole('button', { name: 'Mark read' });
    for (let i = 0; i < RUNS * 2; i++) {
      const before = await a.evaluate(() => window.__clicks.length);
      await b.evaluate(() => (window.__seen = []));
      const clickedAt = Date.now();
      await button.click();
      await a.waitForFunction((n) => window.__clicks.length > n && window.__clicks.at(-1).stored !== undefined, before);
      const c = await a.evaluate(() => window.__clicks.at(-1));
      click.push(c.stored - c.down);
      await b.waitForFunction(() => window.__seen.length > 0);
      propagation.push((await b.evaluate(() => window.__seen[0])) - clickedAt);
    }
    results.push(report('click → stored in IndexedDB and shown on the card', click, '< 20 ms (commit)'));
    results.push(report('click → the other tab shows it (wall clock, ±1 ms)', propagation, '< 200 ms'));
  } finally {
    await s.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchInteraction();
