/**
 * Every export format, by the button that asks for it. Pages load this module on demand
 * (dynamic import), so the writers and their libraries stay out of the popup's first paint and
 * never reach the content script.
 */
import type { PapershelfDb } from '../db/schema';
import type { Paper } from '../shared/model';
import { toBackup } from './backup';
import { toBibtex } from './bibtex';
import { toCslJson } from './csl';
import { toCsv } from './csv';
import { toMarkdown } from './markdown';
import { toRis } from './ris';
import { papersIn, scopeLabel, type ExportScope } from './scope';

export type ExportFormat = 'bibtex' | 'ris' | 'csl' | 'markdown' | 'csv' | 'backup';

export const FORMATS: { format: ExportFormat; label: string; ext: string; mime: string }[] = [
  { format: 'bibtex', label: 'BibTeX', ext: 'bib', mime: 'application/x-bibtex' },
  { format: 'ris', label: 'RIS', ext: 'ris', mime: 'application/x-research-info-systems' },
  { format: 'csl', label: 'CSL-JSON', ext: 'json', mime: 'application/vnd.citationstyles.csl+json' },
  { format: 'markdown', label: 'Markdown', ext: 'md', mime: 'text/markdown' },
  { format: 'csv', label: 'CSV', ext: 'csv', mime: 'text/csv' },
  { format: 'backup', label: 'JSON backup', ext: 'json', mime: 'application/json' },
];

function markdownGroups(papers: Paper[]) {
  return [
    { heading: 'To read', papers: papers.filter((p) => p.toReadSince !== undefined) },
    { heading: 'Read', papers: papers.filter((p) => p.readAt !== undefined) },
    { heading: 'Seen', papers: papers.filter((p) => p.readAt === undefined && p.toReadSince === undefined) },
  ];
}

/** The text of one export. The backup is always everything, whatever the scope. */
export async function exportText(db: PapershelfDb, format: ExportFormat, scope: ExportScope, now: Date): Promise<string> {
  if (format === 'backup') {
    // Settings go out as stored records; defaults that were never changed are not written.
    const [papers, settings] = await db.transaction('r', db.papers, db.settings, () =>
      Promise.all([db.papers.toArray(), db.settings.toArray()]),
    );
    return toBackup({ papers, settings }, now);
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
      return toMarkdown(`Papershelf — ${scopeLabel(scope)}`, markdownGroups(papers));
    case 'csv':
      return toCsv(papers);
  }
}
