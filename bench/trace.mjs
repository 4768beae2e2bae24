// Chromium traces over CDP for the benchmarks: what the page's main thread did, and every
// animation frame (not only the long ones the Long Animation Frames API reports).

const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing'];

/** The trace events recorded while `run` runs, in `cdp`'s target. */
export async function traced(cdp, run) {
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
    transferMode: 'ReportEvents',
  });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}

/** When the page's last DOMContentLoaded in the trace fired, on which main thread: { pid, tid, ts } (ts in µs). */
export function domContentLoaded(events) {
  const { pid, tid } = events.find((e) => e.name === 'MarkDOMContent');
  const ts = events.filter((e) => e.name === 'domContentLoadedEventStart' && e.pid === pid).at(-1).ts;
  return { pid, tid, ts };
}

/**
 * Every animation frame of process `pid` as { start, duration } in ms relative to `since` (µs):
 * from its first task to the end of its rendering, as the Long Animation Frames API defines a
 * frame, but for frames of any length. DevTools' "AnimationFrame" async events carry it.
 */
export function animationFrames(events, pid, since) {
  const begun = new Map();
  const frames = [];
  for (const e of events) {
    if (e.name !== 'AnimationFrame' || e.pid !== pid) continue;
    const id = e.id2?.local ?? e.id2?.global ?? e.id;
    if (e.ph === 'b') begun.set(id, e.ts);
    else if (e.ph === 'e' && begun.has(id)) {
      frames.push({ start: (begun.get(id) - since) / 1000, duration: (e.ts - begun.get(id)) / 1000 });
      begun.delete(id);
    }
  }
  return frames;
}
