/** Reads a pasted list of arXiv ids or URLs (any separators) into a chosen list. */
import { parseArxivId } from '../shared/ids';
import type { PartialPaper } from '../shared/records';
import { batchOf } from '../db/import';
import { ImportError, type ImportPlan, type Skipped } from './plan';

/** A built-in queue, the library only, or a custom list (by id). */
export type TargetList = 'toRead' | 'read' | 'library' | { listId: string };

export function readIdList(text: string, target: TargetList, now: number): ImportPlan {
  const tokens = text
    .split(/[\s,;]+/)
    .map((t) => t.replace(/^[<("']+|[>)"'.]+$/g, ''))
    .filter(Boolean);
  if (tokens.length === 0)
    throw new ImportError('Paste at least one arXiv id or URL, e.g. 1706.03762 or https://arxiv.org/abs/1706.03762.');
  const partial: PartialPaper[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  tokens.forEach((token, index) => {
    const id = parseArxivId(token);
    const entry = `item ${index + 1} (${JSON.stringify(token.slice(0, 80))})`;
    if (!id) return skipped.push({ entry, reason: 'not an arXiv id or URL' });
    if (seen.has(id.id)) return skipped.push({ entry, reason: `listed twice (${id.id})` });
    seen.add(id.id);
    partial.push({
      id: id.id,
      ...(id.version !== undefined ? { version: id.version } : {}),
      ...(target === 'toRead' ? { savedAt: now } : target === 'read' ? { readAt: now } : {}),
    });
  });
  if (partial.length === 0)
    throw new ImportError(
      `None of the ${tokens.length} pasted items is an arXiv id or URL (first: ${JSON.stringify(tokens[0]!.slice(0, 80))}).`,
    );
  return {
    kind: 'Pasted ids',
    batch: batchOf('import:pasted', {
      partial,
      listAdds: typeof target === 'object' ? partial.map((p) => ({ listId: target.listId, paperId: p.id })) : [],
    }),
    skipped,
  };
}
