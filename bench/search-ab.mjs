// `node bench/search-ab.mjs`: the popup's search keystroke (`s` … `spectral av`, bench/annotate.mjs)
// with the 10,000-paper bench library imported and indexed, for each build in SEARCH_DISTS
// (comma-separated dist/chrome folders; default this build) in SEARCH_ROUNDS rounds, the order
// turning each round. The floor, in the same popup: a bare IndexedDB open + get.
import { loadavg } from 'node:os';
import { RUNS, importLibrary, median, report, session } from './lib.mjs';
import { library } from './library.mjs';
import { watchPopup } from './annotate.mjs';
import { floorRead } from './floors.mjs';

const QUERIES = ['s', 'sp', 'spe', 'spec', 'spect', 'spectral', 'spectral av'];
const DISTS = process.env.SEARCH_DISTS?.split(',') ?? [undefined];
const ROUNDS = Number(process.env.SEARCH_ROUNDS ?? 2);

async function round(dist, papers) {
  const s = await session({}, dist);
  try {
    await importLibrary(s, papers);
    const keystroke = [];
    const floor = [];
    for (let i = 0; i < RUNS; i++) {
      const popup = await s.context.newPage();
      await popup.setViewportSize({ width: 380, height: 580 });
      await popup.addInitScript(watchPopup);
      await popup.goto(`chrome-extension://${s.extensionId}/src/popup/index.html`);
      await popup.waitForFunction(() => window.__bench.firstItem > 0);
      floor.push(await popup.evaluate(floorRead));
      const box = popup.getByRole('searchbox', { name: 'Search your papers' });
      for (const q of QUERIES) {
        await box.fill(q);
        await popup.waitForFunction(() => window.__bench.keys.at(-1)?.painted > 0);
      }
      keystroke.push(...(await popup.evaluate(() => window.__bench.keys.map((k) => k.painted - k.input))));
      await popup.close();
    }
    const label = dist ?? 'this build';
    report(`${label}: floor, bare IndexedDB open + get in the popup`, floor);
    const k = report(`${label}: search keystroke → results painted`, keystroke, '< 16 ms');
    console.log(
      `${label}: keystroke / floor ${(k.median / median(floor)).toFixed(2)}×, load ${loadavg()[0].toFixed(1)}`,
    );
  } finally {
    await s.close();
  }
}

const papers = library();
console.log(
  `search A/B, ${new Date().toISOString()}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (let r = 0; r < ROUNDS; r++) for (const d of r % 2 ? [...DISTS].reverse() : DISTS) await round(d, papers);
