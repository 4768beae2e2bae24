// Why the controls' room is reserved (src/content/room.ts): on the 1,000-card feed, two bare
// buttons are put under N card titles per frame after DOMContentLoaded, by a page script and no
// extension, once into the laid-out grid and once into room reserved from the first layout.
// Reports the longest task with its rendering after DOMContentLoaded and how many frames passed
// 50 ms. `node bench/room.mjs` (BENCH_RUNS runs, default 7); part of `npm run bench`.
import { thousandCardPage } from './feed.mjs';
import { RUNS, closeWelcomePage, longestStretch, report, session } from './lib.mjs';

const PER_FRAME = [5, 25, 100];
const ROOM = 'article h3 { padding-bottom: 30px; } bench-buttons { display: block; height: 30px; margin-top: -30px; }';

// In the page before its scripts; the path says how: /room-bench/<per frame>[/reserved].
function insertPerFrame(room) {
  const [, , perFrame, reserved] = location.pathname.split('/');
  window.__room = { frames: [] };
  const t = window.__room;
  new PerformanceObserver((list) => {
    // TypeScript's DOM library has no type for long-animation-frame entries yet.
    for (const e of /** @type {any[]} */ (list.getEntries()))
      t.frames.push({ start: e.startTime, blocking: e.blockingDuration, duration: e.duration });
  }).observe({ type: 'long-animation-frame', buffered: true });
  if (reserved) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(room);
    document.adoptedStyleSheets = [sheet];
  }
  const buttons = (article) => {
    const host = document.createElement('bench-buttons');
    for (const name of ['Mark read', 'Save for later'])
      host.append(Object.assign(document.createElement('button'), { textContent: name }));
    article.querySelector('h3').after(host);
  };
  document.addEventListener('DOMContentLoaded', async () => {
    t.dcl = performance.now();
    const articles = [...document.querySelectorAll('article')];
    for (let i = 0; i < articles.length;) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      for (const end = i + Number(perFrame); i < Math.min(end, articles.length); i++) buttons(articles[i]);
    }
    requestAnimationFrame(() => setTimeout(() => (t.done = true), 0));
  });
}

export async function benchRoom() {
  const page = thousandCardPage();
  const paths = PER_FRAME.flatMap((n) => [`/room-bench/${n}`, `/room-bench/${n}/reserved`]);
  const s = await session(Object.fromEntries(paths.map((p) => [`https://huggingface.co${p}`, page])));
  const results = [];
  try {
    // The inserts come one animation frame at a time: behind the welcome page they would never end.
    await closeWelcomePage(s.context);
    const tab = await s.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 800 });
    await tab.addInitScript(insertPerFrame, ROOM);
    const runs = Object.fromEntries(paths.map((p) => [p, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const path of paths) {
        await tab.goto(`https://huggingface.co${path}`, { waitUntil: 'domcontentloaded' });
        // 200 frames of a 1,000-card grid at 5 a frame: over 30 s on a slow or busy machine.
        await tab.waitForFunction(() => window.__room.done, null, { timeout: 180_000 });
        await tab.waitForTimeout(300);
        const after = await tab.evaluate(() => window.__room.frames.filter((f) => f.start >= window.__room.dcl));
        runs[path].push({ longest: longestStretch(after), over: after.filter((f) => f.blocking > 0).length });
      }
    }
    console.log('two bare buttons per card, N cards a frame after DOMContentLoaded (1,000-card feed, no extension)');
    for (const path of paths) {
      const [, , n, reserved] = path.split('/');
      const what = `${n} cards a frame, ${reserved ? 'room reserved' : 'into the laid-out grid'}`;
      results.push(
        report(
          `${what}: longest task + rendering`,
          runs[path].map((r) => r.longest),
        ),
      );
      results.push(
        report(
          `${what}: frames over 50 ms`,
          runs[path].map((r) => r.over),
          undefined,
          'frames',
        ),
      );
    }
  } finally {
    await s.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRoom();
