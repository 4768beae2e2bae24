/** How many papers the library holds and how much storage this browser gives it, in one line. */
import { useEffect, useState } from 'preact/hooks';
import type { PapershelfDb } from '../db/schema';
import { useLiveQuery } from './use-live-query';

const megabytes = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1e6))} MB`;

export function LibrarySize({ db }: { db: PapershelfDb }) {
  // Over an index: counting the table would walk every record.
  const papers = useLiveQuery(() => db.papers.orderBy('firstSeenAt').count(), [db]);
  const [usage, setUsage] = useState<number | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void navigator.storage
      ?.estimate?.()
      .then((e) => live && setUsage(e.usage))
      .catch(() => undefined);
    return () => void (live = false);
  }, [papers]);
  if (papers === undefined) return null;
  return (
    <p class="library-size">
      {papers.toLocaleString('en-US')} {papers === 1 ? 'paper' : 'papers'}
      {usage !== undefined ? `, ${megabytes(usage)} of storage in this browser` : ''}.
    </p>
  );
}
