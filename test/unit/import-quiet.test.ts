// Background work (indexing, retraining) waits for an import's batches, however long one takes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importQuiet } from '../../src/background/import-quiet';

const QUIET = 1_500;

describe('import quiet', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('holds background work while a batch takes longer than the quiet time, and for the quiet time after', async () => {
    const imports = importQuiet(QUIET);
    let finish!: () => void;
    const batch = imports.batch(() => new Promise<void>((resolve) => (finish = resolve)));
    let quiet = false;
    void imports.quiet().then(() => (quiet = true));
    // A batch written on a loaded machine: three quiet times, and background work still waits.
    await vi.advanceTimersByTimeAsync(3 * QUIET);
    expect(quiet).toBe(false);
    finish();
    await batch;
    await vi.advanceTimersByTimeAsync(QUIET - 100);
    expect(quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(QUIET);
    expect(quiet).toBe(true);
  });

  it('lets background work go the quiet time after the last answer', async () => {
    const imports = importQuiet(QUIET);
    await imports.batch(async () => undefined);
    let quiet = false;
    void imports.quiet().then(() => (quiet = true));
    await vi.advanceTimersByTimeAsync(QUIET + 1);
    expect(quiet).toBe(true);
  });

  it('writes batches one at a time, in the order they came', async () => {
    const imports = importQuiet(QUIET);
    const events: string[] = [];
    let finishFirst!: () => void;
    const first = imports.batch(async () => {
      events.push('first starts');
      await new Promise<void>((resolve) => (finishFirst = resolve));
      events.push('first ends');
    });
    const second = imports.batch(async () => void events.push('second starts'));
    await vi.advanceTimersByTimeAsync(10 * QUIET);
    expect(events).toEqual(['first starts']);
    finishFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first starts', 'first ends', 'second starts']);
  });

  it('writes the next batch after one that failed', async () => {
    const imports = importQuiet(QUIET);
    const failed = imports.batch(async () => {
      throw new Error('no room');
    });
    await expect(failed).rejects.toThrow('no room');
    expect(await imports.batch(async () => 'written')).toBe('written');
  });
});
