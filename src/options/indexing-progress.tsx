/**
 * "Indexing for search: 3,200 of 10,000 papers", while the worker computes the search rows of the
 * papers an import wrote (the `toIndex` list); nothing once it is done. Indexing writes the
 * search tables and `toIndex` only, so this count re-runs once per indexing batch (100 papers).
 */
import type { PapershelfDb } from '../db/schema';
import { useLiveQuery } from '../ui/use-live-query';

export function IndexingProgress({ db }: { db: PapershelfDb }) {
  const left = useLiveQuery(() => db.toIndex.count(), [db]);
  // Over an index: counting the table would walk every record.
  const papers = useLiveQuery(() => (left ? db.papers.orderBy('firstSeenAt').count() : Promise.resolve(0)), [db, left]);
  if (!left || !papers) return null;
  const done = Math.max(0, papers - left);
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    // Not a live region: a count that changes every 100 papers would be read out again and again.
    <p class="indexing">
      Indexing for search: {n(done)} of {n(papers)} papers{' '}
      <progress max={papers} value={done} aria-label="Indexing for search" />
      <span class="hint"> Search finds these papers once they are indexed.</span>
    </p>
  );
}
