/** Small formatting helpers shared by the extension pages. */

export function authorLine(authors: string[], max = 3): string {
  if (authors.length === 0) return '';
  if (authors.length <= max) return authors.join(', ');
  return `${authors.slice(0, max).join(', ')} et al.`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600e3],
  ['month', 30 * 24 * 3600e3],
  ['week', 7 * 24 * 3600e3],
  ['day', 24 * 3600e3],
  ['hour', 3600e3],
  ['minute', 60e3],
];

export function timeAgo(then: number, now: number = Date.now()): string {
  const diff = then - now;
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  return 'just now';
}

/** "1 paper", "3 papers". */
export const papersCount = (n: number) => `${n} ${n === 1 ? 'paper' : 'papers'}`;

/** A count that fits a tab: 999, 1,234, 12k, 123k. */
export function shortCount(n: number): string {
  return n < 10_000 ? n.toLocaleString('en-US') : `${Math.floor(n / 1000)}k`;
}
