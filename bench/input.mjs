// Input while the 1,000-card feed loads: real clicks (CDP input events) on an empty spot, one after
// another for 1.2 s after DOMContentLoaded, timed by the Event Timing API — how long a click waits
// before its handler runs (input delay) and until the frame that shows its result (duration). For
// the extension, the floor (bare buttons in one go) and the page alone. `node bench/input.mjs`;
// part of `npm run bench`.
import { BARE_URL, FEED_URL, FLOOR_URL, feedBenchTab } from './feed.mjs';
import { RUNS, report } from './lib.mjs';

const CLICKING_MS = 1200;

function timeEvents() {
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const e of /** @type {PerformanceEventTiming[]} */ (list.getEntries())) {
      if (e.name === 'pointerdown' || e.name === 'click')
        window.__events.push({ start: e.startTime, delay: e.processingStart - e.startTime, duration: e.duration });
    }
  }).observe(/** @type {PerformanceObserverInit} */ ({ type: 'event', durationThreshold: 16, buffered: true }));
}

async function clickThroughLoad(tab, url) {
  await tab.goto(url, { waitUntil: 'domcontentloaded' });
  const dcl = await tab.evaluate(() => window.__bench.dcl ?? performance.now());
  // Bottom-left corner of the viewport: the grid's padding, where a click does nothing.
  for (const until = Date.now() + CLICKING_MS; Date.now() < until;) await tab.mouse.click(5, 790);
  await tab.waitForFunction(() => window.__bench.paintedAt > 0, null, { timeout: 20_000 });
  await tab.waitForTimeout(300);
  const events = await tab.evaluate((from) => window.__events.filter((e) => e.start >= from), dcl);
  return { delay: Math.max(0, ...events.map((e) => e.delay)), duration: Math.max(0, ...events.map((e) => e.duration)) };
}

export async function benchInput() {
  const { s, tab } = await feedBenchTab();
  const results = [];
  try {
    await tab.addInitScript(timeEvents);
    // First visit records the papers, so the measured ones are loads a user makes every day.
    await tab.goto(FEED_URL, { waitUntil: 'domcontentloaded' });
    await tab.waitForFunction(() => window.__bench.paintedAt > 0, null, { timeout: 20_000 });
    const runs = { [FEED_URL]: [], [FLOOR_URL]: [], [BARE_URL]: [] };
    for (let i = 0; i < RUNS; i++)
      for (const url of [BARE_URL, FLOOR_URL, FEED_URL]) runs[url].push(await clickThroughLoad(tab, url));
    const col = (url, k) => runs[url].map((r) => r[k]);
    console.log(
      'clicks while the 1,000-card feed loads, after DOMContentLoaded (Event Timing; entries under 16 ms count as 0)',
    );
    results.push(report('longest input delay: with the extension', col(FEED_URL, 'delay'), '≤ 50 ms'));
    results.push(report('… floor (bare buttons in one go)', col(FLOOR_URL, 'delay')));
    results.push(report('… the page alone', col(BARE_URL, 'delay')));
    results.push(report('longest click → next paint: with the extension', col(FEED_URL, 'duration')));
    results.push(report('… floor', col(FLOOR_URL, 'duration')));
    results.push(report('… the page alone', col(BARE_URL, 'duration')));
  } finally {
    await s.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchInput();
