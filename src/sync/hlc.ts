/**
 * Hybrid logical clock (Kulkarni et al., 2014): wall milliseconds, a counter for events in the
 * same millisecond (or while the wall clock stands behind the last time seen), and the device id.
 * Every change a device makes carries one, and merge.ts keeps, per field, the change with the
 * greatest. The clock never goes back, also across restarts (it starts from the last value the
 * caller persisted), and it moves forward to any time it receives, so an edit made after seeing
 * another device's change orders after it even when this device's wall clock is hours behind.
 *
 * An HLC is written as one string, `<wall:15 digits>.<counter:6 digits>.<device>`: fixed widths
 * make string order the clock's order, which keeps logs small and comparisons cheap.
 */
import { isDeviceId } from './device';

export type Hlc = string;

export interface HlcParts {
  wall: number;
  counter: number;
  device: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 999_999;
/** Year 33658: any wall beyond cannot come from a clock, only from a corrupt or forged file. */
export const MAX_WALL = 10 ** WALL_DIGITS - 1;

/**
 * How far ahead of this device's wall clock a received time is adopted: 24 h. Clocks set to the
 * wrong time zone are off by whole hours (up to 26 h between UTC+14 and UTC−12, but in practice a
 * few), and those must still order "I saw it, then I changed it" correctly, so they are adopted.
 * A time further ahead is a broken clock (a dead RTC battery, a year typed wrong); adopting it
 * would drag every device that syncs to that future for good, and every later edit anywhere would
 * carry it. So the local clock moves at most 24 h ahead of its own wall clock, and the caller is
 * told, to warn the user which device's clock is wrong. The change itself still merges by its own
 * stamp (it must: every device has to decide alike, whatever its own clock says).
 */
export const MAX_ADOPT_AHEAD_MS = 24 * 60 * 60 * 1000;

const PATTERN = new RegExp(`^(\\d{${WALL_DIGITS}})\\.(\\d{${COUNTER_DIGITS}})\\.(.+)$`);

export function formatHlc({ wall, counter, device }: HlcParts): Hlc {
  return `${String(wall).padStart(WALL_DIGITS, '0')}.${String(counter).padStart(COUNTER_DIGITS, '0')}.${device}`;
}

/** The parts of a well-formed HLC string, or undefined for anything else. */
export function parseHlc(text: string): HlcParts | undefined {
  const m = PATTERN.exec(text);
  if (!m || !isDeviceId(m[3]!)) return undefined;
  return { wall: Number(m[1]), counter: Number(m[2]), device: m[3]! };
}

export const isHlc = (text: string): boolean => parseHlc(text) !== undefined;

/**
 * The clock's total order: wall, then counter, then device id. Two devices can stamp the same
 * millisecond and counter; the device id decides between them, so every device picks the same
 * winner. With the fixed widths this is plain string order.
 */
export function compareHlc(a: Hlc, b: Hlc): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What receive() found wrong with a received time, for the caller to show. */
export interface SkewReport {
  /** The device whose clock is too far ahead. */
  device: string;
  /** How far ahead of this device's wall clock its stamp was. */
  aheadMs: number;
}

export class HybridClock {
  #wall: number;
  #counter: number;
  readonly device: string;
  readonly #now: () => number;

  /**
   * `last` is the last HLC this device persisted (its own or received); the clock starts at or
   * after it, so a restart with a wall clock set back still orders later edits after earlier ones.
   */
  constructor(device: string, last?: Hlc, now: () => number = Date.now) {
    if (!isDeviceId(device)) throw new Error(`not a device id: ${device}`);
    this.device = device;
    this.#now = now;
    const parts = last === undefined ? undefined : parseHlc(last);
    this.#wall = parts?.wall ?? 0;
    this.#counter = parts?.counter ?? 0;
  }

  /** The last time issued or received: what the caller persists. */
  get last(): Hlc {
    return formatHlc({ wall: this.#wall, counter: this.#counter, device: this.device });
  }

  /** A stamp for a local change, greater than every stamp issued or received before. */
  tick(): Hlc {
    this.#advance(this.#wallNow(), 0, -1);
    return this.last;
  }

  /**
   * Takes in a stamp read from another device, so the next tick() orders after it. Returns a
   * report when the stamp is more than MAX_ADOPT_AHEAD_MS ahead: the clock then moves only that
   * far (see MAX_ADOPT_AHEAD_MS).
   */
  receive(stamp: Hlc): SkewReport | undefined {
    const parts = parseHlc(stamp);
    if (!parts) return undefined;
    const wallNow = this.#wallNow();
    const limit = wallNow + MAX_ADOPT_AHEAD_MS;
    if (parts.wall > limit) {
      this.#advance(wallNow, limit, 0);
      return { device: parts.device, aheadMs: parts.wall - wallNow };
    }
    this.#advance(wallNow, parts.wall, parts.counter);
    return undefined;
  }

  /** The wall clock in whole ms; a clock that answers nonsense counts as the epoch (never ahead). */
  #wallNow(): number {
    const now = Math.floor(this.#now());
    return Number.isFinite(now) && now >= 0 ? Math.min(now, MAX_WALL) : 0;
  }

  /** Moves to the greatest of the last time, the wall clock and a received (wall, counter). */
  #advance(wallNow: number, wall: number, counter: number): void {
    const top = Math.max(this.#wall, wallNow, wall);
    let next: number;
    if (top === this.#wall && top === wall) next = Math.max(this.#counter, counter) + 1;
    else if (top === this.#wall) next = this.#counter + 1;
    else if (top === wall) next = counter + 1;
    else next = 0;
    if (next > MAX_COUNTER) {
      // A million events in one millisecond, or a received counter at the top: borrow the next
      // millisecond rather than wrap, which would go back in time.
      this.#wall = top + 1;
      this.#counter = 0;
    } else {
      this.#wall = top;
      this.#counter = next;
    }
  }
}
