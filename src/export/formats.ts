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
import { toMarkdown, type MarkdownGroup } from './markdown';
import { toRis } from './ris';
import { papersIn, scopeLabel, type ExportScope } from './scope';
import { streamedParts } from './stream';

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
 * A custom list is one group in its own order. Anything else is grouped by queue, each paper once;
 * the whole library then has a section per list and per tag too (a paper under every heading it
 * belongs to), so the one file is also an overview of the lists and topics.
 */
async function markdownGroups(db: PapershelfDb, papers: Paper[], scope: ExportScope): Promise<MarkdownGroup[]> {
  if (typeof scope === 'object' && 'list' in scope) return [{ heading: scope.name, papers }];
  const queues = [
    { heading: 'To read', papers: papers.filter((p) => p.toReadSince !== undefined) },
    { heading: 'Read', papers: papers.filter((p) => p.readAt !== undefined) },
    { heading: 'Seen', papers: papers.filter((p) => p.readAt === undefined && p.toReadSince === undefined) },
  ];
  if (scope !== 'all') return queues;
  const inScope = new Map(papers.map((p) => [p.id, p]));
  const [lists, entries] = await Promise.all([db.lists.orderBy('name').toArray(), db.listEntries.orderBy('[listId+position]').toArray()]);
  const listGroups = lists.map((l) => ({
    heading: `List: ${l.name}`,
    papers: entries.filter((e) => e.listId === l.id && inScope.has(e.paperId)).map((e) => inScope.get(e.paperId)!),
  }));
  const tags = [...new Set(papers.flatMap((p) => p.tags ?? []))].sort((a, b) => a.localeCompare(b));
  const tagGroups = tags.map((t) => ({ heading: `Tag: ${t}`, papers: papers.filter((p) => p.tags?.includes(t)) }));
  return [...queues, ...listGroups, ...tagGroups];
}

/**
 * One export as a file's contents. The whole library (and the backup, always whole) is streamed
 * (`stream.ts`); other scopes are a few papers, or need them all at once (Markdown's sections).
 */
export async function exportBlob(db: PapershelfDb, format: ExportFormat, scope: ExportScope, now: Date): Promise<Blob> {
  const type = `${FORMATS.find((f) => f.format === format)!.mime};charset=utf-8`;
  if (format !== 'markdown' && (scope === 'all' || format === 'backup')) return new Blob(await streamedParts(db, format, now), { type });
  return new Blob([await exportText(db, format, scope, now)], { type });
}

/** The text of one export. The backup is always everything, whatever the scope. */
export async function exportText(db: PapershelfDb, format: ExportFormat, scope: ExportScope, now: Date): Promise<string> {
  if (format === 'backup') {
    // Settings go out as stored records; defaults that were never changed are not written.
    const [papers, settings, lists, listEntries] = await db.transaction('r', [db.papers, db.settings, db.lists, db.listEntries], () =>
      Promise.all([db.papers.toArray(), db.settings.toArray(), db.lists.toArray(), db.listEntries.toArray()]),
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
      return toMarkdown(`Papershelf — ${scopeLabel(scope)}`, await markdownGroups(db, papers, scope));
    case 'csv':
      return toCsv(papers);
  }
}
