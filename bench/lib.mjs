// Small helpers shared by the benchmarks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_DIST, extensionWorker, launchWithExtension } from '../scripts/browser.mjs';
import { serveOffline } from '../scripts/offline-pages.mjs';
import { toIndexCount } from './floors.mjs';

export const RUNS = Number(process.env.BENCH_RUNS ?? 7);

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const ms = (v) => `${v.toFixed(1)} ms`;

/**
 * Runs `fn` and prints its wall time with this process's CPU time beside it: on a shared, loaded
 * machine the wall time includes waiting for a core (work on Node's thread pool, such as
 * compression, counts in CPU, which can then exceed wall).
 */
export async function timedWithCpu(label, fn) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  console.log(`${label}: ${ms(performance.now() - start)} (CPU ${ms((used.user + used.system) / 1000)})`);
  return value;
}

/**
 * The longest stretch of one task with the rendering after it, over long-animation-frame entries
 * ({ duration, blocking }). A frame reports how far its longest task plus rendering went past
 * 50 ms (blockingDuration); one that did not is ≤ 50 ms.
 */
export const longestStretch = (frames) =>
  Math.max(0, ...frames.map((f) => (f.blocking > 0 ? 50 + f.blocking : Math.min(50, f.duration))));

/**
 * Init script: records the page's long animation frames (over 50 ms) in `window.__frames`, as
 * { start, duration, blocking } on the page's clock. Frames, not long tasks: the Long Tasks API
 * leaves out rendering.
 */
export function recordFrames() {
  const frames = [];
  window.__frames = frames;
  new PerformanceObserver((list) => {
    // TypeScript's DOM library has no type for long-animation-frame entries yet.
    for (const e of /** @type {any[]} */ (list.getEntries()))
      frames.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/** The longest of `frames` that began in [from, to), and how many of them passed `over` ms. */
export function framesBetween(frames, from, to, over = 100) {
  const inside = frames.filter((f) => f.start >= from && f.start < to);
  return {
    longest: Math.max(0, ...inside.map((f) => f.duration)),
    over: inside.filter((f) => f.duration > over).length,
  };
}

/**
 * A fresh profile with the extension, serving the captures and `extra` pages offline. BENCH_DIST
 * names another build to load (an A/B against an earlier commit's dist/). By default the end-to-end
 * build: the benches drive the controls by role, which needs their shadow roots open (the release
 * build's are closed; nothing else differs, src/content/shadow-mode.ts).
 */
export async function session(extra = {}, dist = process.env.BENCH_DIST, { args = [], intercept = true } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'papershelf-bench-'));
  const context = await launchWithExtension(profile, { dist: dist ?? E2E_DIST, args });
  // Without interception the pages come from a server the caller runs (bench/local-server.mjs).
  if (intercept) await serveOffline(context, extra);
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Closes the welcome page the extension opens on install (it comes a moment after the worker), so
 * it cannot come to the front over a measured tab: a tab behind it gets no animation frames.
 */
export async function closeWelcomePage(context, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const welcome = context.pages().find((p) => p.url().includes('/src/welcome/'));
    if (welcome) return welcome.close();
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Prints one result line and returns it for the summary. */
export function report(name, values, target, unit = 'ms') {
  const m = median(values);
  // A unitless score (layout shift) needs three decimals, a ratio two, a count none.
  const digits = { ms: 1, '': 3, '×': 2 }[unit] ?? 0;
  const shown = unit === 'ms' ? ms(m) : `${m.toFixed(digits)} ${unit}`.trim();
  const line = `${name.padEnd(58)} median ${shown.padStart(10)}   (runs: ${values.map((v) => v.toFixed(digits)).join(', ')})${target ? `   target ${target}` : ''}`;
  console.log(line);
  return { name, median: m, runs: values, target };
}

/** Imports `papers` as a backup through the options page, then lets IndexedDB settle. */
export async function importLibrary(s, papers) {
  const options = await s.context.newPage();
  // Handing 16 MB to the page can pass Playwright's default 30 s on a saturated machine.
  options.setDefaultTimeout(180_000);
  await options.goto(`chrome-extension://${s.extensionId}/src/options/index.html#import-export`);
  // In the layout Papershelf's own backups have (src/export/backup.ts): one record per line. The
  // import streams that layout, and refuses a line over 16 MB, which one-line JSON of 10,000 papers is.
  const head = JSON.stringify({ format: 'papershelf-backup', version: 2, exportedAt: new Date().toISOString() });
  const backup = `${head.slice(0, -1)},\n"tables": {\n"papers": [\n${papers.map((p) => JSON.stringify(p)).join(',\n')}\n],\n"settings": [],\n"lists": [],\n"listEntries": []\n}}\n`;
  await options
    .getByLabel('Import', { exact: true })
    .setInputFiles({ name: 'library.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await options.getByRole('button', { name: 'Confirm import' }).click();
  // A 10,000-paper merge on a saturated machine takes minutes.
  await options.getByText(/Imported/).waitFor({ timeout: 600_000 });
  // The worker computes the imported papers' search words (and tag models) after the import.
  const pending = () => options.evaluate(toIndexCount);
  while ((await pending()) > 0) await new Promise((r) => setTimeout(r, 250));
  await options.close();
  // A 20 MB write leaves IndexedDB compacting for a few seconds; measure the library as a user
  // meets it later, not in the aftermath of the import.
  await new Promise((r) => setTimeout(r, 5_000));
}
