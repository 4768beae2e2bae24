/** What an export covers, and the file name it gets: papershelf-<scope>-YYYY-MM-DD.<ext>. */
import type { PapershelfDb } from '../db/schema';
import { papersWithTags } from '../db/annotations';
import { listPapers } from '../db/lists';
import { searchPapers } from '../db/search';
import type { Paper } from '../shared/model';

export type QueueScope = 'all' | 'toRead' | 'read' | 'opened';

/** A built-in list, a custom list (by id, with its name for labels), one tag, or the papers a search finds. */
export type ExportScope = QueueScope | { tag: string } | { search: string } | { list: string; name: string };

export const SCOPES: { scope: QueueScope; label: string; slug: string }[] = [
  { scope: 'all', label: 'All papers', slug: 'all' },
  { scope: 'toRead', label: 'To read', slug: 'to-read' },
  { scope: 'read', label: 'Read', slug: 'read' },
  { scope: 'opened', label: 'Opened', slug: 'opened' },
];

const INDEX = { toRead: 'toReadSince', read: 'readAt', opened: 'openedAt' } as const;

/** The papers of a scope: queues newest first, a custom list in its order, a search by rank. */
export async function papersIn(db: PapershelfDb, scope: ExportScope): Promise<Paper[]> {
  if (typeof scope === 'object') {
    if ('tag' in scope) return (await papersWithTags(db, [scope.tag])).toArray();
    if ('list' in scope) return listPapers(db, scope.list);
    return (await searchPapers(db, scope.search, { limit: Infinity, everything: true })).map((h) => h.paper);
  }
  return scope === 'all' ? db.papers.toArray() : db.papers.orderBy(INDEX[scope]).reverse().toArray();
}

const slugify = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'x';

export function scopeLabel(scope: ExportScope): string {
  if (typeof scope === 'object')
    return 'tag' in scope ? `Tag: ${scope.tag}` : 'list' in scope ? `List: ${scope.name}` : `Search: ${scope.search}`;
  return SCOPES.find((s) => s.scope === scope)?.label ?? scope;
}

export function exportFileName(scope: ExportScope, ext: string, now: Date): string {
  const slug =
    typeof scope === 'object'
      ? 'tag' in scope
        ? `tag-${slugify(scope.tag)}`
        : 'list' in scope
          ? `list-${slugify(scope.name)}`
          : 'search'
      : (SCOPES.find((s) => s.scope === scope)?.slug ?? scope);
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `papershelf-${slug}-${day}.${ext}`;
}
