/**
 * CSV for spreadsheets: a header row, RFC 4180 quoting (papaparse), one row per paper, and cells
 * that start with = + - @ prefixed with ' so a spreadsheet does not run them as formulas.
 */
import Papa from 'papaparse';
import { arxivAbsUrl } from '../shared/ids';
import type { Paper } from '../shared/model';
import { paperDate } from './paper-date';

export const CSV_COLUMNS = ['id', 'title', 'authors', 'year', 'published', 'categories', 'url', 'doi', 'journal_ref', 'read', 'read_at', 'saved', 'saved_at', 'first_seen_at', 'tags', 'note', 'abstract'] as const;

const iso = (t: number | undefined) => (t === undefined ? '' : new Date(t).toISOString());

export function toCsv(papers: Paper[]): string {
  const rows = papers.map((p) => ({
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
  }));
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) }, { quotes: true, escapeFormulae: true, newline: '\r\n' })}\r\n`;
}
