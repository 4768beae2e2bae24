import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/sync/changes';
import { compareHlc, formatHlc, HybridClock, MAX_ADOPT_AHEAD_MS, parseHlc, type Hlc } from '../../../src/sync/hlc';
import { libraryView } from '../../../src/sync/view';
import { DEVICES } from './arbitraries';
import { stateOf } from './helpers';

const [A, B] = DEVICES as [string, string];
const HOUR = 3_600_000;
const NOW = 1_767_000_000_000;

/** A clock whose wall time the test sets: a device's clock, not the system's. */
function clockAt(device: string, start: number, last?: Hlc) {
  const wall = { now: start };
  return { clock: new HybridClock(device, last, () => wall.now), wall };
}

describe('hybrid logical clock', () => {
  it('orders by wall, then counter, then device, as strings and as parts', () => {
    const stamps = [
      formatHlc({ wall: 5, counter: 0, device: B }),
      formatHlc({ wall: 4, counter: 9, device: B }),
      formatHlc({ wall: 5, counter: 0, device: A }),
      formatHlc({ wall: 4, counter: 10, device: A }),
    ];
    expect([...stamps].sort(compareHlc)).toEqual([stamps[1], stamps[3], stamps[2], stamps[0]]);
    expect(parseHlc(stamps[3]!)).toEqual({ wall: 4, counter: 10, device: A });
    expect(parseHlc('1.2.' + A)).toBeUndefined();
    expect(parseHlc(formatHlc({ wall: 1, counter: 0, device: 'NOT A DEVICE' }))).toBeUndefined();
  });

  it('never goes back: each tick is after every stamp issued or received, through wall-clock jumps and restarts', () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('tick' as const), wallDelta: fc.integer({ min: -2 * HOUR, max: 2 * HOUR }) }),
      fc.record({
        op: fc.constant('receive' as const),
        wallDelta: fc.integer({ min: -HOUR, max: HOUR }),
        ahead: fc.integer({ min: -30 * HOUR, max: 30 * HOUR }),
        counter: fc.constantFrom(0, 5, 999_999),
      }),
      fc.record({ op: fc.constant('restart' as const), wallDelta: fc.integer({ min: -48 * HOUR, max: HOUR }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        let { clock, wall } = clockAt(A, NOW);
        let highest = '';
        for (const s of steps) {
          wall.now += s.wallDelta;
          if (s.op === 'restart') ({ clock, wall } = clockAt(A, wall.now, clock.last));
          else if (s.op === 'receive') {
            const stamp = formatHlc({ wall: Math.max(0, wall.now + s.ahead), counter: s.counter, device: B });
            if (!clock.receive(stamp) && compareHlc(stamp, highest) > 0) highest = stamp;
          } else {
            const t = clock.tick();
            expect(compareHlc(t, highest)).toBeGreaterThan(0);
            highest = t;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a restart whose wall clock was set back still stamps after the persisted value', () => {
    const { clock } = clockAt(A, NOW);
    const before = clock.tick();
    const restarted = clockAt(A, NOW - 5 * HOUR, clock.last).clock;
    expect(compareHlc(restarted.tick(), before)).toBeGreaterThan(0);
  });

  it('a million stamps in one millisecond borrow the next millisecond rather than wrap', () => {
    const last = formatHlc({ wall: NOW, counter: 999_999, device: A });
    const next = clockAt(A, NOW, last).clock.tick();
    expect(parseHlc(next)).toEqual({ wall: NOW + 1, counter: 0, device: A });
  });
});

describe('clocks hours apart', () => {
  it('a device whose clock is 3 h ahead: the other device edits after seeing it, and its edit wins', () => {
    const ahead = clockAt(A, NOW + 3 * HOUR).clock;
    const behind = clockAt(B, NOW).clock;
    const P = '2401.00001';
    const markedRead: Change = { kind: 'read', hlc: ahead.tick(), paper: P, value: NOW + 3 * HOUR };
    // B syncs, reads A's change, then the user marks the paper unread on B (1 s later, B's time).
    expect(behind.receive(markedRead.hlc)).toBeUndefined();
    const markedUnread: Change = { kind: 'read', hlc: behind.tick(), paper: P, value: null };
    expect(parseHlc(markedUnread.hlc)!.wall).toBeGreaterThanOrEqual(NOW + 3 * HOUR);
    for (const order of [
      [markedRead, markedUnread],
      [markedUnread, markedRead],
    ]) {
      expect(libraryView(stateOf(order)).papers[0]?.readAt).toBeUndefined();
    }
  });

  it('a stamp more than 24 h ahead is reported, and moves the clock only 24 h ahead', () => {
    const { clock } = clockAt(B, NOW);
    const broken = formatHlc({ wall: NOW + 400 * 24 * HOUR, counter: 0, device: A });
    expect(clock.receive(broken)).toEqual({ device: A, aheadMs: 400 * 24 * HOUR });
    const next = parseHlc(clock.tick())!;
    expect(next.wall).toBeGreaterThanOrEqual(NOW + MAX_ADOPT_AHEAD_MS);
    expect(next.wall).toBeLessThanOrEqual(NOW + MAX_ADOPT_AHEAD_MS + 1);
    // Within 24 h: adopted whole, nothing to report.
    expect(clockAt(B, NOW).clock.receive(formatHlc({ wall: NOW + 23 * HOUR, counter: 0, device: A }))).toBeUndefined();
  });
});
