/** Papers seen and read per week, for the options page's chart. Reads index keys only, no records. */
import type { PapershelfDb } from './schema';

export interface WeekCount {
  /** Monday 00:00 local time that starts the week. */
  start: Date;
  seen: number;
  read: number;
}

const DAY = 24 * 3600 * 1000;

/** Monday 00:00 (local time) of the week holding `t`. */
export function weekStart(t: number): Date {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

/** Counts the times into the `weeks` weeks ending with the one holding `now`, oldest first. */
export function weeklyCounts(seen: readonly number[], read: readonly number[], now: number, weeks = 12): WeekCount[] {
  const last = weekStart(now);
  const starts = Array.from({ length: weeks }, (_, i) => {
    const d = new Date(last);
    d.setDate(d.getDate() - 7 * (weeks - 1 - i));
    return d;
  });
  const out = starts.map((start) => ({ start, seen: 0, read: 0 }));
  const place = (t: number) => {
    if (t < starts[0]!.getTime() || t >= last.getTime() + 7 * DAY + DAY) return -1;
    const w = weekStart(t).getTime();
    return starts.findIndex((s) => s.getTime() === w);
  };
  for (const t of seen) {
    const i = place(t);
    if (i >= 0) out[i]!.seen++;
  }
  for (const t of read) {
    const i = place(t);
    if (i >= 0) out[i]!.read++;
  }
  return out;
}

export async function weeklyActivity(db: PapershelfDb, now: number, weeks = 12): Promise<WeekCount[]> {
  const from = weekStart(now).getTime() - 7 * DAY * (weeks - 1) - DAY;
  const [seen, read] = await Promise.all([
    db.papers.where('firstSeenAt').aboveOrEqual(from).keys(),
    db.papers.where('readAt').aboveOrEqual(from).keys(),
  ]);
  return weeklyCounts(seen as number[], read as number[], now, weeks);
}
