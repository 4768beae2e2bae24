/** One paper in the popup: title linking to arXiv, authors, when it was seen, and its toggles. */
import type { ComponentChildren, LiHTMLAttributes } from 'preact';
import { useState } from 'preact/hooks';
import type { WorkerConnection } from '../messaging/client';
import { arxivAbsUrl } from '../shared/ids';
import type { ListSummary, Paper } from '../shared/model';
import { authorLine, timeAgo } from '../ui/format';

interface Props {
  id: string;
  /** The stored record; absent for a paper open in a tab that Papershelf has not recorded yet. */
  paper?: Paper | undefined;
  /** What to call it when nothing is stored (the tab's title). */
  fallbackTitle?: string;
  worker: WorkerConnection;
  /** The custom lists, for “Add to list”; none given, no menu. */
  lists?: ListSummary[] | undefined;
  /** More actions (a list's handle and “Remove from list”). */
  children?: ComponentChildren;
  /** More attributes for the item (a list's drag and drop). */
  itemProps?: LiHTMLAttributes<HTMLLIElement>;
}

export function PaperItem({ id, paper, fallbackTitle, worker, lists, children, itemProps }: Props) {
  const read = paper?.readAt !== undefined;
  const saved = paper?.savedAt !== undefined;
  const [error, setError] = useState('');
  const send = (p: Promise<unknown>) => p.then(() => setError(''), () => setError('Not saved — try again'));
  return (
    <li {...itemProps} class={`${read ? 'paper is-read' : 'paper'} ${itemProps?.class ?? ''}`.trim()} data-papershelf-id={id}>
      <a class="title" href={arxivAbsUrl(id)} target="_blank" rel="noreferrer">
        {paper?.title || fallbackTitle || id}
      </a>
      <div class="meta">
        {paper?.authors.length ? <span class="authors">{authorLine(paper.authors)}</span> : null}
        {paper ? (
          <span class="seen" title={new Date(paper.firstSeenAt).toLocaleString()}>
            seen {timeAgo(paper.firstSeenAt)}
          </span>
        ) : (
          <span class="seen">arXiv:{id} · not in your library yet</span>
        )}
      </div>
      <div class="actions">
        <button type="button" aria-pressed={read} onClick={() => send(worker.request({ type: 'paper/setRead', id, read: !read }))}>
          Mark read
        </button>
        <button type="button" aria-pressed={saved} onClick={() => send(worker.request({ type: 'paper/setSaved', id, saved: !saved }))}>
          Save for later
        </button>
        {lists?.length ? (
          <select
            aria-label="Add to list"
            value=""
            onChange={(e) => {
              const listId = e.currentTarget.value;
              e.currentTarget.value = '';
              if (listId) send(worker.request({ type: 'lists/member', listId, paperId: id, on: true }));
            }}
          >
            <option value="">Add to list…</option>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        ) : null}
        {children}
        {error ? <span role="status" class="error">{error}</span> : null}
      </div>
    </li>
  );
}
