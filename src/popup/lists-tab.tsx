/** The Lists tab: the user's own lists with their counts, a form to make one, and the list chosen. */
import { useState } from 'preact/hooks';
import type { PapershelfDb } from '../db/schema';
import { failureText, type WorkerConnection } from '../messaging/client';
import type { ListSummary } from '../shared/model';
import { ListView } from './list-view';

/** `lists` comes from the popup, which reads it once for this tab and for every item's Add to list. */
export function ListsTab({
  db,
  worker,
  lists,
}: {
  db: PapershelfDb;
  worker: WorkerConnection;
  lists: ListSummary[] | undefined;
}) {
  const [open, setOpen] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  if (!lists) return null;
  const current = lists.find((l) => l.id === open);
  if (current) return <ListView db={db} worker={worker} list={current} onBack={() => setOpen(undefined)} />;

  async function create(e: Event) {
    e.preventDefault();
    try {
      const made = await worker.request({ type: 'lists/create', name });
      setName('');
      setError('');
      setOpen(made.id);
    } catch (err) {
      setError(failureText(err));
    }
  }

  return (
    <>
      {lists.length === 0 ? (
        <p class="empty">
          No lists yet. Make one for a project or a reading group, then add papers from a card’s “Lists” button or
          below.
        </p>
      ) : null}
      <ul class="lists">
        {lists.map((l) => (
          <li key={l.id}>
            <button type="button" onClick={() => setOpen(l.id)}>
              {l.name} <span class="count">{l.count}</span>
            </button>
          </li>
        ))}
      </ul>
      <form class="new-list" onSubmit={(e) => void create(e)}>
        <input
          aria-label="New list name"
          placeholder="New list name"
          maxLength={80}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" disabled={name.trim() === ''}>
          Create list
        </button>
      </form>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
    </>
  );
}
