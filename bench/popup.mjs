// The popup with 10,000 papers stored: time from navigation start to the first screen of the
// To read queue painted (the list's first item in the DOM, then the next frame).
import { RUNS, report, session } from './lib.mjs';

const PAPERS = 10_000;

export function seed(count) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('papershelf');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('papers', 'readwrite');
      const store = tx.objectStore('papers');
      const now = Date.now();
      for (let i = 0; i < count; i++) {
        const t = now - i * 60_000;
        const paper = {
          id: `2401.${String(10000 + i)}`,
          title: `A study of long-context retrieval, part ${i}`,
          authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'],
          // Stored text is folded and trimmed, as the adapters leave it.
          abstract: 'We study '.repeat(150).trim(),
          firstSeenAt: t,
          firstSeenUrl: 'https://huggingface.co/papers',
          lastSeenAt: t,
          updatedAt: t,
        };
        if (i % 3 === 0) Object.assign(paper, { savedAt: t, toReadSince: t });
        if (i % 5 === 0) {
          paper.readAt = t;
          delete paper.toReadSince;
        }
        store.put(paper);
      }
      tx.oncomplete = () => {
        db.close();
        resolve(undefined);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

export function watchList() {
  window.__firstItem = undefined;
  new MutationObserver((_, observer) => {
    if (document.querySelector('.paper')) {
      observer.disconnect();
      const at = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => (window.__firstItem = { inDom: at, painted: performance.now() }), 0),
      );
    }
  }).observe(document, { subtree: true, childList: true });
}

export async function benchPopup() {
  const s = await session();
  const results = [];
  try {
    const base = `chrome-extension://${s.extensionId}/src/popup/index.html`;
    const setup = await s.context.newPage();
    await setup.goto(base); // Dexie creates the database on first use.
    await setup.locator('.empty, .paper').first().waitFor();
    await setup.evaluate(seed, PAPERS);
    await setup.close();

    const inDom = [],
      painted = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await s.context.newPage();
      await page.setViewportSize({ width: 380, height: 580 });
      await page.addInitScript(watchList);
      await page.goto(base);
      await page.waitForFunction(() => window.__firstItem !== undefined);
      const r = await page.evaluate(() => window.__firstItem);
      inDom.push(r.inDom);
      painted.push(r.painted);
      await page.close();
    }
    results.push(report(`popup with ${PAPERS.toLocaleString('en')} papers: first item in the DOM`, inDom));
    results.push(report(`popup with ${PAPERS.toLocaleString('en')} papers: first screen painted`, painted, '< 150 ms'));
  } finally {
    await s.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPopup();
