/** One queue's papers. Reads only what the screen shows; "Show more" loads the next page. */
import { useState } from 'preact/hooks';
import { queuePage, type QueueName } from '../db/papers';
import type { PapershelfDb } from '../db/schema';
import type { WorkerConnection } from '../messaging/client';
import { arxivAbsUrl } from '../shared/ids';
import type { Paper } from '../shared/model';
import { authorLine, timeAgo } from '../ui/format';
import { useLiveQuery } from '../ui/use-live-query';

const PAGE = 30;

interface Props {
  db: PapershelfDb;
  worker: WorkerConnection;
  queue: QueueName;
  empty: string;
}

export function QueueList({ db, worker, queue, empty }: Props) {
  const [limit, setLimit] = useState(PAGE);
  const papers = useLiveQuery(() => queuePage(db, queue, limit + 1), [db, queue, limit]);
  if (!papers) return null;
  if (papers.length === 0) return <p class="empty">{empty}</p>;
  return (
    <>
      <ul class="papers">
        {papers.slice(0, limit).map((p) => (
          <PaperItem key={p.id} paper={p} worker={worker} />
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

function PaperItem({ paper, worker }: { paper: Paper; worker: WorkerConnection }) {
  const read = paper.readAt !== undefined;
  const saved = paper.savedAt !== undefined;
  const [error, setError] = useState('');
  const send = (p: Promise<unknown>) => p.then(() => setError(''), () => setError('Not saved — try again'));
  return (
    <li class={read ? 'paper is-read' : 'paper'} data-papershelf-id={paper.id}>
      <a class="title" href={arxivAbsUrl(paper.id)} target="_blank" rel="noreferrer">
        {paper.title || paper.id}
      </a>
      <div class="meta">
        {paper.authors.length ? <span class="authors">{authorLine(paper.authors)}</span> : null}
        <span class="seen" title={new Date(paper.firstSeenAt).toLocaleString()}>
          seen {timeAgo(paper.firstSeenAt)}
        </span>
      </div>
      <div class="actions">
        <button
          type="button"
          aria-pressed={read}
          onClick={() => send(worker.request({ type: 'paper/setRead', id: paper.id, read: !read }))}
        >
          Mark read
        </button>
        <button
          type="button"
          aria-pressed={saved}
          onClick={() => send(worker.request({ type: 'paper/setSaved', id: paper.id, saved: !saved }))}
        >
          Save for later
        </button>
        {error ? <span role="status" class="error">{error}</span> : null}
      </div>
    </li>
  );
}
