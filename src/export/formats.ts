/**
 * Every export format, by the button that asks for it. Pages load this module on demand
 * (dynamic import), so the writers and their libraries stay out of the popup's first paint and
 * never reach the content script.
 */
import type { PapershelfDb } from '../db/schema';
import { toBackup } from './backup';
import { toBibtex } from './bibtex';
import { toCslJson } from './csl';
import { toCsv } from './csv';
import { markdownFile } from './markdown-groups';
import { toRis } from './ris';
import { papersIn, type ExportScope } from './scope';
import { streamedParts, type ExportProgress } from './stream';

export type ExportFormat = 'bibtex' | 'ris' | 'csl' | 'markdown' | 'csv' | 'backup';

export const FORMATS: { format: ExportFormat; label: string; ext: string; mime: string }[] = [
  { format: 'bibtex', label: 'BibTeX', ext: 'bib', mime: 'application/x-bibtex' },
  { format: 'ris', label: 'RIS', ext: 'ris', mime: 'application/x-research-info-systems' },
  { format: 'csl', label: 'CSL-JSON', ext: 'json', mime: 'application/vnd.citationstyles.csl+json' },
  { format: 'markdown', label: 'Markdown', ext: 'md', mime: 'text/markdown' },
  { format: 'csv', label: 'CSV', ext: 'csv', mime: 'text/csv' },
  { format: 'backup', label: 'JSON backup', ext: 'json', mime: 'application/json' },
];

/**
 * One export as a file's contents. The whole library (and the backup, always whole) is streamed
 * (`stream.ts`); other scopes are a few papers.
 */
export async function exportBlob(
  db: PapershelfDb,
  format: ExportFormat,
  scope: ExportScope,
  now: Date,
  onProgress?: ExportProgress,
): Promise<Blob> {
  const type = `${FORMATS.find((f) => f.format === format)!.mime};charset=utf-8`;
  if (scope === 'all' || format === 'backup')
    return new Blob(await streamedParts(db, format, now, undefined, onProgress), { type });
  return new Blob([await exportText(db, format, scope, now)], { type });
}

/** The text of one export. The backup is always everything, whatever the scope. */
export async function exportText(
  db: PapershelfDb,
  format: ExportFormat,
  scope: ExportScope,
  now: Date,
): Promise<string> {
  if (format === 'backup') {
    // Settings go out as stored records; defaults that were never changed are not written.
    const [papers, settings, lists, listEntries] = await db.transaction(
      'r',
      [db.papers, db.settings, db.lists, db.listEntries],
      () => Promise.all([db.papers.toArray(), db.settings.toArray(), db.lists.toArray(), db.listEntries.toArray()]),
    );
    return toBackup({ papers, settings, lists, listEntries }, now);
  }
  const papers = await papersIn(db, scope);
  switch (format) {
    case 'bibtex':
      return toBibtex(papers, scope === 'all' ? papers : await db.papers.toArray());
    case 'ris':
      return toRis(papers);
    case 'csl':
      return toCslJson(papers);
    case 'markdown':
      return markdownFile(db, papers, scope);
    case 'csv':
      return toCsv(papers);
  }
}
