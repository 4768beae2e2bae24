// Sync in the real extension, two Chromium profiles (two devices) and a real Apache mod_dav folder
// on this machine (test/webdav/apache.ts; needs root, as the tests do):
// - the first sync of a 10,000-paper library: up from the device that has it, down to a new one
//   (each the "sync/configure" request: connection test, save, first run), against a floor of
//   reading the same papers in one IndexedDB getAll in the same profile; bytes on the server;
// - click → stored on a feed card of a second new device while its first sync writes the library
//   in (the clicks slow that sync: its time is reported apart);
//   floor: a bare IndexedDB read in the same profile;
// - click → stored there while the received papers' search words are indexed afterwards;
// - a change on A shown on B's open feed card, from the moment B's sync starts (A has sent it).
// Medians of BENCH_RUNS (default 7). Run: `npm run build:e2e && node bench/sync-browser.mjs`.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { RUNS, median, report, session } from './lib.mjs';
import { loadSource } from './load-source.mjs';
import { timedClick, watch } from './interaction.mjs';
import { serverGrantedBuild } from '../scripts/granted-build.mjs';
import { floorRead, floorReadAll, toIndexCount } from './floors.mjs';

const PAPERS = Number(process.env.SYNC_PAPERS ?? 10_000);
const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const CARD = '[data-papershelf-id="2407.21783"]';

const m = await loadSource(
  'sync-browser',
  `export { startApache } from '../../test/webdav/apache';
export { seedLibrary } from '../../test/e2e/seed-library';`,
);

/** Sends one request to the worker from an extension page, as the options page does. */
function ask(page, request) {
  return page.evaluate(async (r) => {
    const reply = /** @type {{ ok: boolean, value?: any, error?: string }} */ (await chrome.runtime.sendMessage(r));
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }, request);
}

/** Resolves once the device has no paper left to index, with the time it took. */
async function indexed(page) {
  const t = performance.now();
  while ((await page.evaluate(toIndexCount)) > 0) await new Promise((r) => setTimeout(r, 100));
  return performance.now() - t;
}

async function device(dist, origin) {
  const s = await session({}, dist);
  await s.context.route(`${origin}/**`, (route) => route.continue());
  const options = await s.context.newPage();
  await options.goto(`chrome-extension://${s.extensionId}/src/options/index.html#sync`);
  return { ...s, options };
}

/** Timed clicks on the card until `done()`; a click that ends after it is not counted. */
async function clickUntil(feed, done) {
  const out = [];
  while (!done()) {
    const took = await timedClick(feed, CARD);
    if (!done()) out.push(took);
  }
  return out;
}

const server = await m.startApache();
// BENCH_DIST: another end-to-end build to measure (an A/B).
const dist = await serverGrantedBuild(process.env.BENCH_DIST);
const config = (folder) => ({ url: `${server.origin}/dav/`, user: server.user, password: server.password, folder });
const a = await device(dist, server.origin);
const b = await device(dist, server.origin);
const c = await device(dist, server.origin);
const results = [];
try {
  await a.options.evaluate(m.seedLibrary, { count: PAPERS, allKept: true });
  const readAll = [];
  for (let i = 0; i < 3; i++) readAll.push(await a.options.evaluate(floorReadAll));
  results.push(report(`floor: getAll of ${PAPERS.toLocaleString('en-US')} papers`, readAll));

  let t = performance.now();
  await ask(a.options, { type: 'sync/configure', config: config('bench') });
  const up = performance.now() - t;
  results.push(report(`first sync up, ${PAPERS.toLocaleString('en-US')} papers`, [up], '< 10 s'));
  console.log(`  ${(up / median(readAll)).toFixed(1)}× the getAll floor`);
  const bytes = Number(
    execFileSync('du', ['-sb', join(server.root, 'dav', 'bench')])
      .toString()
      .split('\t')[0],
  );
  console.log(`  on the server: ${(bytes / 1000).toFixed(0)} kB`);

  t = performance.now();
  await ask(c.options, { type: 'sync/configure', config: config('bench') });
  results.push(report(`first sync down, ${PAPERS.toLocaleString('en-US')} papers`, [performance.now() - t], '< 10 s'));
  console.log(`  then its search words indexed in ${((await indexed(c.options)) / 1000).toFixed(1)} s more`);
  await c.close();

  // B's feed is open while its first sync writes the library in: clicks there meanwhile.
  const feed = await b.context.newPage();
  await feed.addInitScript(watch);
  await feed.goto(FEED);
  await feed.locator(`${CARD}[data-papershelf-read]`).waitFor();
  let syncing = true;
  t = performance.now();
  const down = ask(b.options, { type: 'sync/configure', config: config('bench') }).finally(() => (syncing = false));
  const during = await clickUntil(feed, () => !syncing);
  await down;
  console.log(`  first sync down with clicks meanwhile: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // Then the received papers' search words, in the background: clicks meanwhile too.
  let indexing = true;
  const words = indexed(b.options).finally(() => (indexing = false));
  const whileIndexing = await clickUntil(feed, () => !indexing);
  await words;
  const floor = [];
  for (let i = 0; i < RUNS; i++) floor.push(await b.options.evaluate(floorRead));
  results.push(report('floor: a bare IndexedDB read', floor));
  if (during.length) {
    results.push(report('click → stored while the first sync writes', during, '< 20 ms'));
    console.log(`  ${(median(during) / median(floor)).toFixed(1)}× the floor (${during.length} clicks)`);
  } else console.log('click → stored while syncing: the sync ended before a click was stored');
  if (whileIndexing.length)
    results.push(report('click → stored while the received papers are indexed', whileIndexing, '< 20 ms'));
  else console.log('click → stored while indexing: indexing ended before a click was stored');

  // A change on A shown on B's open card, from B's sync start. First both agree again (B's
  // clicks above went up with its next run).
  for (const d of [b, a, b]) await ask(d.options, { type: 'sync/now' });
  const onA = await a.context.newPage();
  await onA.goto(FEED);
  const readOn = (page) => page.getAttribute(CARD, 'data-papershelf-read');
  await onA.locator(`${CARD}[data-papershelf-read]`).waitFor();
  const shown = [];
  for (let i = 0; i < RUNS; i++) {
    const before = await readOn(onA);
    if ((await readOn(feed)) !== before) throw new Error('A and B disagree before the change');
    await onA
      .locator(CARD)
      .getByRole('button', { name: /Mark (read|unread)/ })
      .click();
    await onA.waitForFunction(
      ([sel, was]) => document.querySelector(sel)?.getAttribute('data-papershelf-read') !== was,
      [CARD, before],
      { timeout: 60_000 },
    );
    // A's sync runs a few seconds after the change; wait until it has nothing left to send.
    for (;;) {
      const status = await ask(a.options, { type: 'sync/status' });
      if (status.pending === 0 && status.state === 'idle') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const start = Date.now();
    const run = ask(b.options, { type: 'sync/now' });
    await feed.waitForFunction(
      ([sel, was]) => document.querySelector(sel)?.getAttribute('data-papershelf-read') !== was,
      [CARD, before],
      { timeout: 60_000, polling: 10 },
    );
    shown.push(Date.now() - start);
    await run;
  }
  results.push(report('change on A shown on B’s card, from B’s sync start', shown, '< 1,000 ms'));
} finally {
  await a.close();
  await b.close();
  await c.close().catch(() => undefined);
  await server.stop();
}
