/** One paper in the popup: title linking to arXiv, authors, when it was seen, and its toggles. */
import type { ComponentChildren, LiHTMLAttributes } from 'preact';
import { useState } from 'preact/hooks';
import type { WorkerConnection } from '../messaging/client';
import { arxivAbsUrl } from '../shared/ids';
import { stamp } from '../shared/stamp';
import type { ListSummary, Paper } from '../shared/model';
import { authorLine, timeAgo } from '../ui/format';
import { tint } from '../ui/tint';

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
  /** Tag colours, lower-case name → #rrggbb. */
  colors?: Record<string, string> | undefined;
}

export function PaperItem({ id, paper, fallbackTitle, worker, lists, children, itemProps, colors }: Props) {
  const read = paper?.readAt !== undefined;
  const saved = paper?.savedAt !== undefined;
  const [error, setError] = useState('');
  const send = (p: Promise<unknown>) =>
    p.then(
      () => setError(''),
      () => setError('Not saved — try again'),
    );
  return (
    <li
      {...itemProps}
      class={`${read ? 'paper is-read' : 'paper'} ${itemProps?.class ?? ''}`.trim()}
      data-papershelf-id={id}
    >
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
      {paper?.tags?.length ? (
        <ul class="chips" aria-label="Tags">
          {paper.tags.map((t) => (
            <li key={t} class="tag" style={tint(colors?.[t.toLowerCase()])}>
              {t}
            </li>
          ))}
        </ul>
      ) : null}
      {paper?.note ? (
        <p class="note" title={paper.note}>
          <span class="visually-hidden">Note: </span>
          {paper.note}
        </p>
      ) : null}
      <div class="actions">
        <button
          type="button"
          class="toggle read"
          aria-label="Mark read"
          title="Mark read"
          aria-pressed={read}
          onClick={() => send(worker.request({ type: 'paper/setRead', id, read: !read, at: stamp() }))}
        >
          Read
        </button>
        <button
          type="button"
          class="toggle saved"
          aria-label="Save for later"
          title="Save for later"
          aria-pressed={saved}
          onClick={() => send(worker.request({ type: 'paper/setSaved', id, saved: !saved, at: stamp() }))}
        >
          Save
        </button>
        {lists?.length ? (
          <select
            aria-label="Add to list"
            value=""
            onChange={(e) => {
              const listId = e.currentTarget.value;
              e.currentTarget.value = '';
              if (listId) send(worker.request({ type: 'lists/member', listId, paperId: id, on: true, at: stamp() }));
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
        {error ? (
          <span role="status" class="error">
            {error}
          </span>
        ) : null}
      </div>
    </li>
  );
}
