import { afterEach, describe, expect, it, vi } from 'vitest';
import { inChunks, nextTask } from '../../src/content/chunks';

// A clock the test moves by hand: each item of work below takes 3 ms.
function fakeClock(start = 1000) {
  let now = start;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return { tick: (ms: number) => (now += ms), now: () => now };
}

afterEach(() => vi.restoreAllMocks());

describe('work in slices', () => {
  it('does items up to the budget in one go, then lets the browser in, then does the rest', async () => {
    const clock = fakeClock();
    const done: number[] = [];
    const all = inChunks([1, 2, 3, 4, 5, 6, 7], (i) => (done.push(i), clock.tick(3)), 8);
    // 3 items: 9 ms, past the 8 ms budget; the rest waits for the next task.
    expect(done).toEqual([1, 2, 3]);
    await all;
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the first slice short, for the first screen, even when later slices may be long', async () => {
    const clock = fakeClock();
    const done: number[] = [];
    const all = inChunks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], (i) => (done.push(i), clock.tick(3)), 30);
    // 9 ms is past the first slice's 8 ms: the page gets the first three before the rest.
    expect(done).toEqual([1, 2, 3]);
    // The next slice has the full 30 ms: the other nine (27 ms) in one go.
    await nextTask();
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    await all;
  });

  it('counts the work its caller did in the same task against the first slice', () => {
    const clock = fakeClock();
    const started = clock.now();
    clock.tick(7); // e.g. reading the whole page before mounting
    const done: number[] = [];
    void inChunks([1, 2, 3, 4], (i) => (done.push(i), clock.tick(3)), 8, started);
    expect(done).toEqual([1]);
  });
});
