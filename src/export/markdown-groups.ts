import type { PapershelfDb } from '../db/schema';
import type { Paper } from '../shared/model';
import { toMarkdown, type MarkdownGroup } from './markdown';
import { scopeLabel, type ExportScope } from './scope';

/**
 * A custom list is one group in its own order. Anything else is grouped by queue, each paper once;
 * the whole library then has a section per list and per tag too (a paper under every heading it
 * belongs to), so the one file is also an overview of the lists and topics.
 */
export async function markdownGroups(db: PapershelfDb, papers: Paper[], scope: ExportScope): Promise<MarkdownGroup[]> {
  if (typeof scope === 'object' && 'list' in scope) return [{ heading: scope.name, papers }];
  const queues = [
    { heading: 'To read', papers: papers.filter((p) => p.toReadSince !== undefined) },
    { heading: 'Read', papers: papers.filter((p) => p.readAt !== undefined) },
    { heading: 'Seen', papers: papers.filter((p) => p.readAt === undefined && p.toReadSince === undefined) },
  ];
  if (scope !== 'all') return queues;
  const inScope = new Map(papers.map((p) => [p.id, p]));
  const [lists, entries] = await Promise.all([
    db.lists.orderBy('name').toArray(),
    db.listEntries.orderBy('[listId+position]').toArray(),
  ]);
  const listGroups = lists.map((l) => ({
    heading: `List: ${l.name}`,
    papers: entries.filter((e) => e.listId === l.id && inScope.has(e.paperId)).map((e) => inScope.get(e.paperId)!),
  }));
  // One pass over the papers, not one per tag.
  const byTag = new Map<string, Paper[]>();
  for (const p of papers) {
    for (const t of new Set(p.tags)) {
      const tagged = byTag.get(t);
      if (tagged) tagged.push(p);
      else byTag.set(t, [p]);
    }
  }
  const tagGroups = [...byTag.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((t) => ({ heading: `Tag: ${t}`, papers: byTag.get(t)! }));
  return [...queues, ...listGroups, ...tagGroups];
}

/** The Markdown file of a scope's papers; `lineOf` may hold their lines already formatted. */
export async function markdownFile(
  db: PapershelfDb,
  papers: Paper[],
  scope: ExportScope,
  lineOf?: (p: Paper) => string,
): Promise<string> {
  return toMarkdown(`Papershelf — ${scopeLabel(scope)}`, await markdownGroups(db, papers, scope), lineOf);
}
