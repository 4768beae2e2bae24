// When sync runs: debounced after changes, one run at a time, backoff after failures.
import { describe, expect, it } from 'vitest';
import { retryDelay, syncScheduler, type Outcome } from '../../../src/background/sync/scheduler';

function fakeTimers() {
  const timers: { fn: () => void; ms: number }[] = [];
  return {
    timers,
    setTimer: (fn: () => void, ms: number) => timers.push({ fn, ms }),
    clearTimer: (h: unknown) => {
      const t = timers[(h as number) - 1];
      if (t) t.fn = () => undefined;
    },
  };
}

describe('sync scheduler', () => {
  it('backs off 30 s, 1 min, 2 min… up to 30 min', () => {
    expect([1, 2, 3, 4, 10, 20].map((f) => retryDelay(f, 30_000, 1_800_000))).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_800_000, 1_800_000,
    ]);
  });

  it('a failed run is retried later; a run asked for during a run comes once after it', async () => {
    const outcomes: Outcome[] = ['retry', 'ok', 'ok'];
    let runs = 0;
    let release!: () => void;
    const t = fakeTimers();
    const retries: (number | undefined)[] = [];
    const s = syncScheduler({
      run: async () => {
        runs++;
        if (runs === 2) await new Promise<void>((r) => (release = r));
        return outcomes[runs - 1]!;
      },
      now: () => 0,
      onRetryAt: (at) => retries.push(at),
      ...t,
    });
    await s.now();
    expect(retries).toEqual([30_000]);
    expect(t.timers.at(-1)!.ms).toBe(30_000);
    // A change while a retry is due waits for the retry.
    s.changed();
    expect(t.timers.length).toBe(1);
    const second = s.now();
    void s.now();
    void s.now();
    release();
    await second;
    expect(runs).toBe(3);
    expect(retries.at(-1)).toBeUndefined();
    s.changed();
    expect(t.timers.at(-1)!.ms).toBe(3_000);
  });
});
