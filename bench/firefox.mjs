// Firefox beside Chromium, in one run on one machine (`npm run bench:firefox`): the same four
// measurements, with the same in-page instruments as the Chromium benchmarks, in each browser.
//   1,000-card feed: DOMContentLoaded → every card has controls and state, painted; and the floor
//     (two bare buttons per card, same page, same browser), as a ratio
//   click → stored: trusted pointerdown → the card's data attribute set after the write committed
//   popup with 10,000 papers: navigation start → first screen of To read painted (see popup())
//   export of 10,000 papers: press → download link clicked (BibTeX, JSON backup)
// Medians of BENCH_RUNS runs (default 5). Figures, not assertions: docs/firefox.md quotes them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_ORIGIN, launchFirefoxWithExtension, serveOfflineInPage } from '../scripts/firefox.mjs';
import { instrument as instrumentExport } from './export-import.mjs';
import { FEED_URL, FLOOR_URL, instrument as instrumentFeed, thousandCardPage } from './feed.mjs';
import { watch } from './interaction.mjs';
import { toIndexCount } from './floors.mjs';
import { importLibrary, median, session } from './lib.mjs';
import { library } from './library.mjs';
import { seed, watchList } from './popup.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAPERS = 10_000;
// The demo feed: the 2024-08-01 capture's unsized avatars, marked content-visibility: auto by the
// page, make Firefox lay a changed card out millions of pixels tall without the site's stylesheet.
const FEED = 'https://huggingface.co/papers/date/2025-08-05';

/**
 * The few things the measurements do, for a Playwright context (Chromium) or a Puppeteer browser
 * (Firefox). Selectors are written for Puppeteer (`>>>` into shadow roots); Playwright's CSS
 * pierces open shadow roots by itself.
 */
async function chromium(extra) {
  const s = await session(extra);
  return {
    name: 'Chromium',
    extensionUrl: (path) => `chrome-extension://${s.extensionId}/${path}`,
    async page(init) {
      const page = await s.context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      if (init) await page.addInitScript(init);
      return {
        goto: (url) => page.goto(url, { waitUntil: 'domcontentloaded' }),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: (fn, arg) => page.waitForFunction(fn, arg, { timeout: 120_000 }),
        click: (selector) => page.locator(selector.replaceAll(' >>> ', ' ')).click(),
        upload: (selector, file) => page.locator(selector).setInputFiles(file),
        close: () => page.close(),
      };
    },
    close: () => s.close(),
    importLibrary: (papers) => importLibrary(s, papers),
  };
}

async function firefox(extra) {
  const s = await launchFirefoxWithExtension();
  const driver = {
    name: 'Firefox',
    extensionUrl: (path) => `${EXTENSION_ORIGIN}/${path}`,
    async page(init) {
      const page = await s.browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      await serveOfflineInPage(page, extra);
      if (init) await page.evaluateOnNewDocument(init);
      return {
        async goto(url) {
          if (!url.startsWith('moz-extension:')) return page.goto(url, { waitUntil: 'domcontentloaded' });
          // Puppeteer 24 never sees a navigation into the extension's process end (see
          // test/firefox/harness.ts): start it and wait for the page itself.
          page.goto(url, { timeout: 120_000 }).catch(() => undefined);
          const loaded = () =>
            page.evaluate((u) => location.href === u && document.readyState !== 'loading', url).catch(() => false);
          for (const end = Date.now() + 120_000; !(await loaded());) {
            if (Date.now() > end) throw new Error(`${url} did not load`);
            await new Promise((r) => setTimeout(r, 20));
          }
        },
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: (fn, arg) => page.waitForFunction(fn, { timeout: 120_000, polling: 50 }, arg),
        // Background tabs get no animation frames, which the locator waits on.
        click: async (selector) => (await page.bringToFront(), await page.locator(selector).click()),
        upload: async (selector, file) =>
          /** @type {import('puppeteer-core').ElementHandle<HTMLInputElement>} */ (
            await page.waitForSelector(selector)
          ).uploadFile(file),
        close: () => page.close(),
      };
    },
    close: () => s.close(),
    async importLibrary(papers) {
      const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-'));
      const file = join(dir, 'library.json');
      writeFileSync(
        file,
        JSON.stringify({
          format: 'papershelf-backup',
          version: 2,
          exportedAt: new Date().toISOString(),
          tables: { papers, settings: [], lists: [], listEntries: [] },
        }),
      );
      const options = await driver.page();
      await options.goto(driver.extensionUrl('src/options/index.html#import-export'));
      await options.upload('input[type="file"][aria-label="Import"]', file);
      await options.waitFor(() =>
        [...document.querySelectorAll('button')].some((b) => b.textContent === 'Confirm import'),
      );
      await options.evaluate(() =>
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'Confirm import').click(),
      );
      await options.waitFor(() => /Imported \(/.test(document.body.textContent));
      // The background computes search words after an import: let it finish, as lib.importLibrary does.
      while ((await options.evaluate(toIndexCount)) > 0) await new Promise((r) => setTimeout(r, 250));
      await options.close();
      rmSync(dir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 5_000));
    },
  };
  return driver;
}

const BROWSERS = Object.fromEntries(
  Object.entries({ Chromium: chromium, Firefox: firefox }).filter(([name]) =>
    (process.env.BENCH_BROWSERS ?? 'Chromium,Firefox').split(',').includes(name),
  ),
);

async function feed(launch) {
  const html = thousandCardPage();
  const b = await launch({ [FEED_URL]: html, [FLOOR_URL]: html });
  try {
    const tab = await b.page(instrumentFeed);
    const visit = async (url) => {
      await tab.goto(url);
      await tab.waitFor(() => window.__bench.paintedAt > 0);
      return tab.evaluate(() => window.__bench.paintedAt - window.__bench.dcl);
    };
    await visit(FEED_URL); // the first visit records the 1,000 papers
    const ours = [],
      floor = [];
    for (let i = 0; i < RUNS; i++) {
      floor.push(await visit(FLOOR_URL));
      ours.push(await visit(FEED_URL));
    }
    return { ours: median(ours), floor: median(floor), ratio: median(ours.map((v, i) => v / floor[i])) };
  } finally {
    await b.close();
  }
}

async function click(launch) {
  const b = await launch({});
  try {
    const tab = await b.page(watch);
    await tab.goto(FEED);
    await tab.waitFor(() => document.querySelectorAll('[data-papershelf-read]').length === 57);
    const runs = [];
    for (let i = 0; i < RUNS * 2; i++) {
      const before = await tab.evaluate(() => window.__clicks.length);
      await tab.click('[data-papershelf-id="2406.04344"] >>> button[aria-label="Mark read"]');
      await tab.waitFor((n) => window.__clicks.length > n && window.__clicks.at(-1).stored !== undefined, before);
      runs.push(await tab.evaluate(() => window.__clicks.at(-1).stored - window.__clicks.at(-1).down));
    }
    return median(runs);
  } finally {
    await b.close();
  }
}

async function popup(launch) {
  const b = await launch({});
  try {
    const setup = await b.page();
    await setup.goto(b.extensionUrl('src/popup/index.html'));
    await setup.waitFor(() => document.querySelector('.empty, .paper') !== null);
    await setup.evaluate(seed, PAPERS);
    await setup.close();
    const runs = [];
    let element = '';
    for (let i = 0; i < RUNS; i++) {
      // Chromium: bench/popup.mjs's observer (first paper in the DOM, then the next frame).
      // Firefox runs no preload script in extension pages, so it cannot have that observer; its
      // Largest Contentful Paint is the first paper's title (Chromium's LCP names no element and
      // comes before the list, so it is not used there).
      if (b.name === 'Chromium') {
        const page = await b.page(watchList);
        await page.goto(b.extensionUrl('src/popup/index.html'));
        await page.waitFor(() => window.__firstItem !== undefined);
        runs.push(await page.evaluate(() => window.__firstItem.painted));
        element = 'first .paper + next frame';
        await page.close();
        continue;
      }
      const page = await b.page();
      await page.goto(b.extensionUrl('src/popup/index.html'));
      await page.waitFor(() => document.querySelector('.paper') !== null);
      const lcp = await page.evaluate(
        () =>
          new Promise((resolve) =>
            new PerformanceObserver((list) => {
              const last = /** @type {LargestContentfulPaint} */ (list.getEntries().at(-1));
              resolve({
                at: last.startTime,
                element: `${last.element?.tagName.toLowerCase()}.${last.element?.className}`,
              });
            }).observe({ type: 'largest-contentful-paint', buffered: true }),
          ),
      );
      runs.push(lcp.at);
      element = lcp.element;
      await page.close();
    }
    return { ms: median(runs), element };
  } finally {
    await b.close();
  }
}

async function exports(launch) {
  const b = await launch({});
  try {
    await b.importLibrary(library(PAPERS));
    const options = await b.page();
    await options.goto(b.extensionUrl('src/options/index.html#import-export'));
    await options.waitFor(() =>
      [...document.querySelectorAll('button')].some((x) => x.textContent === 'Export BibTeX'),
    );
    // Installed once the page is up (no preload scripts in Firefox's extension pages); it only
    // watches the clicks that follow.
    await options.evaluate(instrumentExport);
    const result = {};
    for (const name of ['Export BibTeX', 'Export JSON backup']) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        await options.evaluate(() => delete window.__bench.marks.downloaded);
        await options.evaluate(
          (n) => [...document.querySelectorAll('button')].find((x) => x.textContent === n).click(),
          name,
        );
        await options.waitFor(() => window.__bench.marks.downloaded !== undefined);
        runs.push(await options.evaluate(() => window.__bench.marks.downloaded - window.__bench.marks.press));
      }
      result[name] = median(runs);
    }
    return result;
  } finally {
    await b.close();
  }
}

const rows = [];
const fmt = (v) => `${v.toFixed(0)} ms`;
// BENCH_PARTS (feed,click,popup,export) runs some of the four only.
const parts = (process.env.BENCH_PARTS ?? 'feed,click,popup,export').split(',');
const skip = async () => undefined;
for (const [name, launch] of Object.entries(BROWSERS)) {
  const f = await (parts.includes('feed') ? feed : skip)(launch);
  const c = await (parts.includes('click') ? click : skip)(launch);
  const p = await (parts.includes('popup') ? popup : skip)(launch);
  const e = await (parts.includes('export') ? exports : skip)(launch);
  rows.push({ name, f, c, p, e });
  console.log(`${name}: ${JSON.stringify({ feed: f, clickToStored: c, popup: p, exports: e })}`);
}
if (rows.length < 2 || parts.length < 4) process.exit(0);
const [cr, ff] = rows;
console.log(`\n| what (medians of ${RUNS}) | Chromium | Firefox | Firefox / Chromium |\n|---|---|---|---|`);
const line = (what, a, b) => console.log(`| ${what} | ${a} | ${b} |`);
line(
  '1,000-card feed: all controls and state painted',
  `${fmt(cr.f.ours)} (×${cr.f.ratio.toFixed(2)} floor)`,
  `${fmt(ff.f.ours)} (×${ff.f.ratio.toFixed(2)} floor) | ${(ff.f.ours / cr.f.ours).toFixed(2)}`,
);
line(
  'floor: two bare buttons per card',
  fmt(cr.f.floor),
  `${fmt(ff.f.floor)} | ${(ff.f.floor / cr.f.floor).toFixed(2)}`,
);
line('click → stored and shown', `${cr.c.toFixed(1)} ms`, `${ff.c.toFixed(1)} ms | ${(ff.c / cr.c).toFixed(2)}`);
line(
  `popup with ${PAPERS.toLocaleString('en')} papers: first screen painted`,
  fmt(cr.p.ms),
  `${fmt(ff.p.ms)} | ${(ff.p.ms / cr.p.ms).toFixed(2)}`,
);
for (const k of ['Export BibTeX', 'Export JSON backup'])
  line(
    `${k}, ${PAPERS.toLocaleString('en')} papers`,
    fmt(cr.e[k]),
    `${fmt(ff.e[k])} | ${(ff.e[k] / cr.e[k]).toFixed(2)}`,
  );
