/** What an export covers, and the file name it gets: papershelf-<scope>-YYYY-MM-DD.<ext>. */
import type { PapershelfDb } from '../db/schema';
import type { Paper } from '../shared/model';

export type ExportScope = 'all' | 'toRead' | 'read' | 'opened';

export const SCOPES: { scope: ExportScope; label: string; slug: string }[] = [
  { scope: 'all', label: 'All papers', slug: 'all' },
  { scope: 'toRead', label: 'To read', slug: 'to-read' },
  { scope: 'read', label: 'Read', slug: 'read' },
  { scope: 'opened', label: 'Opened', slug: 'opened' },
];

const INDEX = { toRead: 'toReadSince', read: 'readAt', opened: 'openedAt' } as const;

/** The papers of a scope, newest first for queues, by id for everything. */
export function papersIn(db: PapershelfDb, scope: ExportScope): Promise<Paper[]> {
  return scope === 'all' ? db.papers.toArray() : db.papers.orderBy(INDEX[scope]).reverse().toArray();
}

export function exportFileName(scope: ExportScope, ext: string, now: Date): string {
  const slug = SCOPES.find((s) => s.scope === scope)?.slug ?? scope;
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `papershelf-${slug}-${day}.${ext}`;
}
