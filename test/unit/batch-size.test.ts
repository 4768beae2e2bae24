// Background transactions sized by their duration: a click waits for about one target's time.
import { describe, expect, it } from 'vitest';
import { batchSizer } from '../../src/db/batch-size';

/** A transaction on a fake clock that costs `msPerItem` per item. */
function clocked(msPerItem: () => number) {
  let t = 0;
  const sizer = batchSizer({ targetMs: 16, start: 50, min: 5, max: 500, now: () => t });
  const step = () => sizer.time(async () => void (t += sizer.size() * msPerItem()));
  return { sizer, step };
}

describe('batch size', () => {
  it('shrinks at once to what fits the target, never below the floor', async () => {
    const { sizer, step } = clocked(() => 1);
    await step();
    expect(sizer.size()).toBe(16);
    const slow = clocked(() => 4);
    await slow.step();
    expect(slow.sizer.size()).toBe(5);
  });

  it('grows at most twofold a step when items are fast, up to the ceiling', async () => {
    const { sizer, step } = clocked(() => 0.01);
    const sizes = [];
    for (let i = 0; i < 6; i++) {
      await step();
      sizes.push(sizer.size());
    }
    expect(sizes).toEqual([100, 200, 400, 500, 500, 500]);
  });

  it('follows a machine that gets slower, then faster', async () => {
    let cost = 0.2;
    const { sizer, step } = clocked(() => cost);
    for (let i = 0; i < 4; i++) await step();
    expect(sizer.size()).toBe(80);
    cost = 1.6;
    await step();
    expect(sizer.size()).toBe(10);
    cost = 0.2;
    for (let i = 0; i < 4; i++) await step();
    expect(sizer.size()).toBe(80);
  });
});
