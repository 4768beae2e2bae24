/**
 * CSV for spreadsheets: a header row, RFC 4180 quoting (papaparse), one row per paper, and cells
 * that start with = + - @ prefixed with ' so a spreadsheet does not run them as formulas.
 */
import Papa from 'papaparse';
import { arxivAbsUrl } from '../shared/ids';
import type { Paper } from '../shared/model';
import { paperDate } from './paper-date';
import { writeWhole, type SliceWriter } from './slices';

export const CSV_COLUMNS = [
  'id',
  'title',
  'authors',
  'year',
  'published',
  'categories',
  'url',
  'doi',
  'journal_ref',
  'read',
  'read_at',
  'saved',
  'saved_at',
  'first_seen_at',
  'tags',
  'note',
  'abstract',
] as const;

const iso = (t: number | undefined) => (t === undefined ? '' : new Date(t).toISOString());

function row(p: Paper): Record<(typeof CSV_COLUMNS)[number], string> {
  return {
    id: p.id,
    title: p.title,
    authors: p.authors.join('; '),
    year: String(paperDate(p)?.year ?? ''),
    published: p.published ?? '',
    categories: (p.categories ?? []).join(' '),
    url: arxivAbsUrl(p.id),
    doi: p.doi ?? '',
    journal_ref: p.journalRef ?? '',
    read: String(p.readAt !== undefined),
    read_at: iso(p.readAt),
    saved: String(p.savedAt !== undefined),
    saved_at: iso(p.savedAt),
    first_seen_at: iso(p.firstSeenAt),
    tags: (p.tags ?? []).join('; '),
    note: p.note ?? '',
    abstract: p.abstract ?? '',
  };
}

const cells = (p: Paper) => {
  const r = row(p);
  return CSV_COLUMNS.map((c) => r[c]);
};

const OPTIONS = { quotes: true, escapeFormulae: true, newline: '\r\n' };
const HEADER = Papa.unparse([[...CSV_COLUMNS]], OPTIONS);

export const CSV_WRITER: SliceWriter = {
  open: `${HEADER}\r\n`,
  write: (papers) => Papa.unparse(papers.map(cells), OPTIONS),
  separator: '\r\n',
  close: '\r\n',
  empty: `${HEADER}\r\n`,
};

export const toCsv = (papers: Paper[]): string => writeWhole(CSV_WRITER, papers);
