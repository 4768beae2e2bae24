// arXiv pages: from DOMContentLoaded to controls on every entry (target < 50 ms), on the
// 200-result search page and the 87-entry legacy /new listing, served at their real URLs.
import { RUNS, report, session } from './lib.mjs';

/** @type {[string, string, number][]} */
const PAGES = [
  ['search, 200 results', 'https://arxiv.org/search/?query=distributed+systems&searchtype=abstract&size=200', 200],
  ['legacy /new listing, 87 entries', 'https://arxiv.org/list/cs/new', 87],
];

function instrument() {
  window.__bench = { count: 0, last: 0 };
  const t = window.__bench;
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n.nodeName === 'PAPERSHELF-CONTROLS') {
          t.count++;
          t.last = performance.now();
        }
  }).observe(document, { subtree: true, childList: true });
  document.addEventListener('DOMContentLoaded', () => (t.dcl = performance.now()));
}

export async function benchArxiv() {
  const s = await session();
  const results = [];
  try {
    const tab = await s.context.newPage();
    await tab.addInitScript(instrument);
    for (const [name, url, count] of PAGES) {
      const runs = [];
      await tab.goto(url); // first visit records the papers
      await tab.waitForFunction((n) => window.__bench.count === n, count);
      for (let i = 0; i < RUNS; i++) {
        await tab.goto(url, { waitUntil: 'domcontentloaded' });
        await tab.waitForFunction((n) => window.__bench.count === n && window.__bench.dcl !== undefined, count);
        runs.push(await tab.evaluate(() => window.__bench.last - window.__bench.dcl));
      }
      results.push(report(`arXiv ${name}: all controls, from DOMContentLoaded`, runs, '< 50 ms'));
    }
  } finally {
    await s.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchArxiv();
