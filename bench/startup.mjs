// What the content script costs the page's own start: DOMContentLoaded with the extension minus
// without it, in pairs (one browser with the extension, one without, the same capture served
// offline at its real address, the order alternating each pair), and from DOMContentLoaded to the
// first screen's controls. BENCH_PAIRS pairs (default 24; the first visit, which records the
// papers, is not counted). Each difference is stated with the middle half of the pairs and a 95 %
// interval for its median, in wall time and in the main thread's processor time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromePath } from '../scripts/browser.mjs';
import { serveOffline } from '../scripts/offline-pages.mjs';
import { median, report, session } from './lib.mjs';
import { LOCAL_SERVER_ARGS, canServeLocally, startLocalServer } from './local-server.mjs';
import { domContentLoaded, traced } from './trace.mjs';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 24);
// Pages from a real local server unless BENCH_STARTUP_SERVE=intercept (or not root): see
// bench/local-server.mjs for why.
const LOCAL = process.env.BENCH_STARTUP_SERVE !== 'intercept' && canServeLocally();
const SERVING = LOCAL ? { args: LOCAL_SERVER_ARGS, intercept: false } : {};

export const STARTUP_PAGES = [
  ['Daily Papers capture, 13 cards', 'https://huggingface.co/papers?date=2024-08-01', 13],
  ['arXiv cs.RO listing, 50 entries', 'https://arxiv.org/list/cs.RO/recent', 50],
];

/** The same browser as the extension's (scripts/browser.mjs), without the extension. */
async function plainSession() {
  const profile = mkdtempSync(join(tmpdir(), 'papershelf-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    headless: true,
    args: [
      '--no-first-run',
      '--disable-gpu',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(SERVING.args ?? []),
    ],
  });
  if (!LOCAL) await serveOffline(context);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Runs before the page's scripts on both sides (so both pay for it): when each host of controls
// arrived. It watches only; the extension is not instrumented.
function instrument() {
  const t = (window.__startup = { added: [] });
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) if (n.nodeName === 'PAPERSHELF-CONTROLS') t.added.push([n, performance.now()]);
  }).observe(document, { subtree: true, childList: true });
}

const TASK = 'ThreadControllerImpl::RunTask';
const isOurs = (e) => typeof e.args?.data?.url === 'string' && e.args.data.url.startsWith('chrome-extension://');

/**
 * The page's main thread from navigation start until DOMContentLoaded is fired, from a trace: its
 * processor time (thread time, which the rest of the machine's load inflates far less than wall
 * time) and how much of it ran the extension's script (compiling and running it, its callbacks).
 */
function mainThread(events, firstScreen) {
  const { pid, tid, ts: dcl } = domContentLoaded(events);
  // A renderer made for this navigation may start after the browser marked navigationStart.
  const from = events.filter((e) => e.name === 'navigationStart' && e.pid === pid && e.ts <= dcl).at(-1)?.ts ?? 0;
  const on = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= from && e.ts < dcl);
  // The task that fires the event is counted up to it (thread time pro rata).
  const before = (e) => (e.tdur ?? e.dur) * Math.min(1, (dcl - e.ts) / e.dur);
  const busy = on.filter((e) => e.name === TASK).reduce((sum, e) => sum + before(e), 0);
  // Our script's outermost events only (a function call inside our evaluation is counted once).
  const ours = on.filter(isOurs).sort((a, b) => a.ts - b.ts);
  let script = 0,
    end = 0;
  for (const e of ours) {
    if (e.ts < end) continue;
    script += before(e);
    end = e.ts + e.dur;
  }
  // From DOMContentLoaded to the first screen's controls: processor time, against the wall time
  // that waiting for a core adds on a loaded machine.
  const until = dcl + firstScreen * 1000;
  const tasks = events.filter(
    (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === TASK && e.ts < until && e.ts + e.dur > dcl,
  );
  const overlap = (e) => ((e.tdur ?? e.dur) * (Math.min(until, e.ts + e.dur) - Math.max(dcl, e.ts))) / e.dur;
  const toFirstScreen = Number.isNaN(firstScreen) ? NaN : tasks.reduce((sum, e) => sum + overlap(e), 0) / 1000;
  return { busy: busy / 1000, script: script / 1000, toFirstScreen, kinds: byKind(on, dcl) };
}

// Kinds of main-thread work, by trace event name: what a difference before DOMContentLoaded is
// made of (the document-level sheets would show as style, mounting during parsing as layout).
const KINDS = {
  parsing: ['ParseHTML', 'ParseAuthorStyleSheet'],
  style: ['UpdateLayoutTree', 'ScheduleStyleRecalculation', 'RecalculateStyles'],
  layout: ['Layout', 'UpdateLayerTree', 'PrePaint', 'Paint', 'Layerize'],
  script: ['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'EventDispatch', 'TimerFire'],
};
const kindOf = (name) => Object.keys(KINDS).find((k) => KINDS[k].includes(name)) ?? 'other';

/** Processor time by kind: each event's own time, its children's taken out, up to `dcl`. */
function byKind(events, dcl) {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const upTo = (e) => (e.tdur ?? e.dur) * Math.min(1, Math.max(0, (dcl - e.ts) / (e.dur || 1)));
  const self = new Map(sorted.map((e) => [e, upTo(e)]));
  const open = [];
  for (const e of sorted) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    const parent = open.at(-1);
    if (parent) self.set(parent, self.get(parent) - self.get(e));
    open.push(e);
  }
  const sums = { parsing: 0, style: 0, layout: 0, script: 0, other: 0, names: {} };
  for (const [e, t] of self) {
    if (e.name === TASK) continue;
    sums[kindOf(e.name)] += t / 1000;
    sums.names[e.name] = (sums.names[e.name] ?? 0) + t / 1000;
  }
  return sums;
}

/**
 * One load: DOMContentLoaded from the navigation's start (when the event is fired, what the site's
 * scripts wait for), the main thread's time until then, and for the extension, its first screen's
 * controls from DOMContentLoaded.
 */
async function load(tab, url, entries) {
  const events = await traced(tab.cdp, async () => {
    await tab.page.goto(url, { waitUntil: 'load' });
    if (entries)
      await tab.page.waitForFunction((n) => document.querySelectorAll('papershelf-controls').length === n, entries, {
        timeout: 20_000,
      });
  });
  const timing = await tab.page.evaluate(() => {
    const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
    const dcl = nav.domContentLoadedEventStart;
    const { added } = window.__startup;
    // The first screen: controls whose host lies in the viewport now (measured afterwards, so the
    // load is not made to lay out early); at least the first.
    const inView = added.filter(([n], i) => i === 0 || n.getBoundingClientRect().top < innerHeight);
    return {
      dcl,
      firstScreen: inView.length ? Math.max(...inView.map(([, at]) => at)) - dcl : NaN,
      allControls: added.length ? Math.max(...added.map(([, at]) => at)) - dcl : NaN,
    };
  });
  return { ...timing, ...mainThread(events, timing.firstScreen) };
}

/** The middle half of a set of values, as "p25 to p75". */
const spread = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.round(q * (sorted.length - 1))];
  return `${at(0.25).toFixed(1)} to ${at(0.75).toFixed(1)}`;
};

/**
 * A 95 % interval for the median of `values` that assumes no distribution (order statistics: the
 * k-th smallest and k-th largest, k from the binomial distribution); "n/a" under 6 values.
 */
const medianInterval = (values) => {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  let k = 0;
  // P(Binomial(n, ½) ≤ k) ≤ 2.5 %: the largest such k gives the interval [x(k+1), x(n−k)].
  for (let cdf = 0, p = 0.5 ** n, i = 0; i < n; p *= (n - i) / (i + 1), i++) {
    cdf += p;
    if (cdf > 0.025) break;
    k = i + 1;
  }
  return k === 0 ? 'n/a' : `${sorted[k - 1].toFixed(1)} to ${sorted[n - k].toFixed(1)}`;
};

/** A paired difference: median, middle half, 95 % interval of the median. */
const described = (values) =>
  `median ${median(values).toFixed(1)} ms, p25–p75 ${spread(values)}, 95 % interval of the median ${medianInterval(values)}`;

/**
 * BENCH_STARTUP_BUILDS="label=dist,…" compares several builds against the page alone in the same
 * rounds (an A/B of two commits' dist/ folders); a label ending in "!" names a build that mounts
 * no controls (an empty content script: the cost of having one at all).
 */
function builds() {
  const spec = process.env.BENCH_STARTUP_BUILDS;
  if (!spec) return [{ label: 'Papershelf', dist: process.env.BENCH_DIST, mounts: true }];
  return spec.split(',').map((b) => {
    const [label, dist] = b.split('=');
    return { label: label.replace(/!$/, ''), dist, mounts: !label.endsWith('!') };
  });
}

export async function benchStartup() {
  const server = LOCAL ? await startLocalServer() : undefined;
  console.log(`pages served ${LOCAL ? 'by a local HTTPS server' : 'through request interception'}`);
  const plain = await plainSession();
  const sides = [];
  const results = [];
  try {
    const tabIn = async (context) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.addInitScript(instrument);
      return { page, cdp: await context.newCDPSession(page) };
    };
    sides.push({ label: 'page alone', mounts: false, s: plain, tab: await tabIn(plain.context) });
    for (const b of builds()) {
      const s = await session({}, b.dist, SERVING);
      sides.push({ ...b, s, tab: await tabIn(s.context) });
    }
    for (const [name, url, entries] of STARTUP_PAGES) {
      // First visits: the papers are recorded, every browser's cache warm.
      for (const side of sides) await load(side.tab, url, side.mounts ? entries : undefined);
      const runs = sides.map(() => []);
      for (let i = 0; i < PAIRS; i++) {
        // Each side goes first as often as the others.
        for (let k = 0; k < sides.length; k++) {
          const j = (i + k) % sides.length;
          runs[j].push(await load(sides[j].tab, url, sides[j].mounts ? entries : undefined));
        }
      }
      const [alone] = runs;
      const col = (rows, key) => rows.map((r) => r[key]);
      // An empty content script's rounds, if one ran: what having a script at all costs, so the
      // difference to it is the cost of our code.
      const empty = runs[sides.findIndex((side, j) => j > 0 && !side.mounts)];
      const minus = (a, b, key) => a.map((r, i) => r[key] - b[i][key]);
      console.log(`${name}: ${PAIRS} rounds`);
      results.push(report('  page alone: DOMContentLoaded (the floor)', col(alone, 'dcl')));
      results.push(report('  page alone: main thread until then (processor time)', col(alone, 'busy')));
      sides.forEach((side, j) => {
        if (j === 0) return;
        const dcl = minus(runs[j], alone, 'dcl');
        const busy = minus(runs[j], alone, 'busy');
        console.log(`  ${side.label}, with minus without: DOMContentLoaded (wall) ${described(dcl)}`);
        console.log(`  ${side.label}, with minus without: main thread until then (processor) ${described(busy)}`);
        const kinds = Object.keys(KINDS)
          .concat('other')
          .map((k) => {
            const d = runs[j].map((r, i) => r.kinds[k] - alone[i].kinds[k]);
            return `${k} ${median(d).toFixed(1)} (${spread(d)})`;
          });
        console.log(
          `  ${side.label}, with minus without, main thread by kind, median (p25 to p75): ${kinds.join('; ')}`,
        );
        // BENCH_STARTUP_NAMES=1: the trace events whose own time differs most, for a closer look.
        if (process.env.BENCH_STARTUP_NAMES) {
          const names = new Set(runs[j].concat(alone).flatMap((r) => Object.keys(r.kinds.names)));
          const diffs = [...names].map((n) => [
            n,
            median(runs[j].map((r, i) => (r.kinds.names[n] ?? 0) - (alone[i].kinds.names[n] ?? 0))),
          ]);
          diffs.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
          console.log(
            `  ${side.label}, largest differences by event: ${diffs
              .slice(0, 12)
              .map(([n, d]) => `${n} ${d.toFixed(1)}`)
              .join('; ')}`,
          );
        }
        if (empty && side.mounts) {
          console.log(
            `  ${side.label} minus the empty script: DOMContentLoaded (wall) ${described(minus(runs[j], empty, 'dcl'))}`,
          );
          console.log(
            `  ${side.label} minus the empty script: main thread until then (processor) ${described(minus(runs[j], empty, 'busy'))}`,
          );
        }
        results.push(report(`  ${side.label}: DOMContentLoaded, with minus without`, dcl, '< 10 ms'));
        results.push(report(`  ${side.label}: main thread until then, with minus without`, busy));
        results.push(
          report(`  ${side.label}: … of which its script (compile, run, callbacks)`, col(runs[j], 'script')),
        );
        if (side.mounts) {
          results.push(
            report(`  ${side.label}: DOMContentLoaded → first-screen controls`, col(runs[j], 'firstScreen'), '≤ 16 ms'),
          );
          results.push(report(`  ${side.label}: … main thread's processor time in it`, col(runs[j], 'toFirstScreen')));
          results.push(
            report(`  ${side.label}: DOMContentLoaded → every entry's controls`, col(runs[j], 'allControls')),
          );
        }
      });
    }
  } finally {
    for (const side of sides) await side.s.close();
    await server?.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStartup();
