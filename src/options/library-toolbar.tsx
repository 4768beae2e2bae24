/**
 * What the library table does to the selected papers: mark read or unread, tag, add to a list,
 * delete. Every change goes through the worker; a deletion can be undone from the status line.
 */
import { useState } from 'preact/hooks';
import { listSummaries } from '../db/lists';
import type { PapershelfDb } from '../db/schema';
import { failureText, type WorkerConnection } from '../messaging/client';
import { papersCount } from '../ui/format';
import { normaliseTag } from '../shared/model';
import type { DeletedPapers } from '../shared/protocol';
import { useLiveQuery } from '../ui/use-live-query';

export function LibraryToolbar({
  db,
  worker,
  ids,
  onDeleted,
}: {
  db: PapershelfDb;
  worker: WorkerConnection;
  ids: string[];
  onDeleted(): void;
}) {
  const lists = useLiveQuery(() => listSummaries(db), [db]);
  const [tag, setTag] = useState('');
  const [listId, setListId] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [undo, setUndo] = useState<DeletedPapers | null>(null);
  const none = ids.length === 0;
  const list = lists?.find((l) => l.id === listId) ?? lists?.[0];

  /** Runs one action; its answer becomes the status line, a refusal the alert. */
  async function run(action: () => Promise<string>, failure: string) {
    setError('');
    setUndo(null);
    try {
      setStatus(await action());
    } catch (err) {
      setStatus('');
      setError(`${failure}: ${failureText(err)}`);
    }
  }

  const markRead = (read: boolean) =>
    run(async () => {
      await worker.request({ type: 'papers/setReadMany', ids, read });
      return `Marked ${papersCount(ids.length)} ${read ? 'read' : 'unread'}.`;
    }, 'Nothing was changed');

  const addTag = () =>
    run(async () => {
      const name = normaliseTag(tag);
      if (!name) throw new Error('type a tag first');
      await worker.request({ type: 'papers/tagMany', ids, tag: name });
      setTag('');
      return `Tagged ${papersCount(ids.length)} “${name}”.`;
    }, 'Nothing was tagged');

  const addToList = () =>
    run(async () => {
      if (!list) throw new Error('make a list first (from a card’s Lists menu or the popup)');
      const { added } = await worker.request({ type: 'lists/addMany', listId: list.id, ids });
      return `Added ${papersCount(added)} to “${list.name}”${added < ids.length ? ' (the others were in it already)' : ''}.`;
    }, 'Nothing was added');

  const remove = () =>
    run(async () => {
      const snapshot = await worker.request({ type: 'papers/delete', ids });
      onDeleted();
      setUndo(snapshot);
      return `Deleted ${papersCount(snapshot.papers.length)}.`;
    }, 'Nothing was deleted');

  const restore = (snapshot: DeletedPapers) =>
    run(async () => {
      const { restored } = await worker.request({
        type: 'papers/restore',
        papers: snapshot.papers,
        entries: snapshot.entries,
      });
      return `Restored ${papersCount(restored)}.`;
    }, 'Nothing was restored');

  return (
    <div role="group" aria-label="Selected papers">
      <div class="buttons">
        <span>{ids.length ? `${papersCount(ids.length)} selected` : 'Select papers to act on them'}</span>
        <button type="button" disabled={none} onClick={() => void markRead(true)}>
          Mark read
        </button>
        <button type="button" disabled={none} onClick={() => void markRead(false)}>
          Mark unread
        </button>
        <input
          type="text"
          aria-label="Tag for the selected papers"
          placeholder="tag"
          maxLength={60}
          value={tag}
          onInput={(e) => setTag(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && !none && void addTag()}
        />
        <button type="button" disabled={none} onClick={() => void addTag()}>
          Tag
        </button>
        <select
          aria-label="List for the selected papers"
          value={list?.id ?? ''}
          disabled={!lists?.length}
          onChange={(e) => setListId(e.currentTarget.value)}
        >
          {lists?.length ? (
            lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))
          ) : (
            <option value="">No lists yet</option>
          )}
        </select>
        <button type="button" disabled={none || !list} onClick={() => void addToList()}>
          Add to list
        </button>
        <button type="button" disabled={none} onClick={() => void remove()}>
          Delete
        </button>
      </div>
      <p role="status">
        {status}
        {undo ? (
          <>
            {' '}
            <button type="button" onClick={() => void restore(undo)}>
              Undo
            </button>
          </>
        ) : null}
      </p>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}
