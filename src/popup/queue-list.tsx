/** One queue's papers. Reads only what the screen shows; "Show more" loads the next page. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { queuePage, type QueueName } from '../db/papers';
import type { PapershelfDb } from '../db/schema';
import type { WorkerConnection } from '../messaging/client';
import type { ListSummary } from '../shared/model';
import { useLiveQuery } from '../ui/use-live-query';
import { PaperItem } from './paper-item';
import { QueueExport } from './queue-export';

const PAGE = 30;

interface Props {
  db: PapershelfDb;
  worker: WorkerConnection;
  queue: QueueName;
  empty: ComponentChildren;
  lists?: ListSummary[] | undefined;
  /** Tag colours, lower-case name → #rrggbb. */
  colors?: Record<string, string> | undefined;
  /** Called once the first page of papers is on screen. */
  onShown?: () => void;
}

export function QueueList({ db, worker, queue, empty, lists, colors, onShown }: Props) {
  const [limit, setLimit] = useState(PAGE);
  const papers = useLiveQuery(() => queuePage(db, queue, limit + 1), [db, queue, limit]);
  useEffect(() => {
    if (papers) requestAnimationFrame(() => onShown?.());
  }, [papers !== undefined]);
  if (!papers) return null;
  if (papers.length === 0) return <p class="empty">{empty}</p>;
  return (
    <>
      <QueueExport db={db} scope={queue} />
      <ul class="papers">
        {papers.slice(0, limit).map((p) => (
          <PaperItem key={p.id} id={p.id} paper={p} worker={worker} lists={lists} colors={colors} />
        ))}
      </ul>
      {papers.length > limit ? (
        <button class="more" onClick={() => setLimit(limit + PAGE)}>
          Show more
        </button>
      ) : null}
    </>
  );
}
