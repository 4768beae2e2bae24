/** The seed feed's papers (real titles and abstracts) as library records, for export tests. */
import type { Paper } from '../../src/shared/model';
import { fixture } from './capture';

export function seedPapers(): Paper[] {
  const ids = fixture('seed/daily-papers-ids.tsv')
    .trim()
    .split('\n')
    .map((l) => l.split('\t'));
  const paragraphs = fixture('seed/daily-papers-feed.txt')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .slice(6);
  const papers: Paper[] = [];
  for (let i = 0; i + 1 < paragraphs.length; i += 2) {
    const row = ids.find(([t]) => t === paragraphs[i])!;
    const n = papers.length;
    papers.push({
      id: row[1]!,
      title: paragraphs[i]!,
      authors: row[2] ? [row[2]] : [],
      abstract: paragraphs[i + 1]!,
      firstSeenAt: 1_722_816_000_000 + n * 60_000,
      firstSeenUrl: 'https://huggingface.co/papers/date/2025-08-05',
      lastSeenAt: 1_722_816_000_000 + n * 60_000,
      updatedAt: 1_722_816_000_000 + n * 60_000,
      ...(n % 3 === 0 ? { readAt: 1_722_900_000_000 + n } : {}),
      ...(n % 4 === 0 ? { savedAt: 1_722_900_000_000 + n } : {}),
      // The derived To read field, as the repository keeps it.
      ...(n % 4 === 0 && n % 3 !== 0 ? { toReadSince: 1_722_900_000_000 + n } : {}),
    });
  }
  return papers;
}

/** Strings that break naive writers: LaTeX specials, quotes, newlines, formulas, emoji, accents, markup. */
export const HOSTILE = [
  'Braces {unbalanced and } % comments & $math$ # hash _ under ~ tilde ^ caret \\ backslash',
  'Quotes "double" and \'single\', commas, semicolons; and\nnewlines\r\nin CRLF',
  '=HYPERLINK("http://evil.example","click") +1 -2 @SUM(A1)',
  'Emoji 🧪📄 and accents: Ünïcödé, Dvořák, Łukasz, Zoë, 東京',
  '<img src=x onerror=alert(1)> [link](javascript:alert(1)) **bold** `code`',
];

/** The i-th of many made-up papers with distinct new-style ids, for tests that need a number of them. */
export const numberedPaper = (i: number): Paper => ({
  id: `2401.${10_000 + i}`,
  title: `Paper ${i}`,
  authors: [],
  firstSeenAt: i,
  firstSeenUrl: 'https://arxiv.org/list/cs.LG/new',
  lastSeenAt: i,
  updatedAt: i,
});
