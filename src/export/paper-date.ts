/** When a paper appeared: its first-submission date when known, else the month its id encodes. */
import type { Paper } from '../shared/model';

export interface PaperDate {
  year: number;
  month: number;
  day?: number;
}

export function paperDate(paper: Pick<Paper, 'id' | 'published'>): PaperDate | undefined {
  const p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(paper.published ?? '');
  if (p) return { year: Number(p[1]), month: Number(p[2]), day: Number(p[3]) };
  // New-style ids start with YYMM; old-style ones end with YYMMNNN.
  const m = /^(\d{2})(\d{2})\./.exec(paper.id) ?? /\/(\d{2})(\d{2})\d{3}$/.exec(paper.id);
  if (!m) return undefined;
  const yy = Number(m[1]);
  return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month: Number(m[2]) };
}
