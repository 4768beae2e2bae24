/** The Lists tab: the user's own lists with their counts, a form to make one, and the list chosen. */
import { useState } from 'preact/hooks';
import { listSummaries } from '../db/lists';
import type { PapershelfDb } from '../db/schema';
import { failureText, type WorkerConnection } from '../messaging/client';
import { useLiveQuery } from '../ui/use-live-query';
import { ListView } from './list-view';


export function ListsTab({ db, worker }: { db: PapershelfDb; worker: WorkerConnection }) {
  const lists = useLiveQuery(() => listSummaries(db), [db]);
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
      {lists.length === 0 ? <p class="empty">No lists yet. Make one for a project or a reading group, then add papers from a card’s “Lists” button or below.</p> : null}
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
        <input aria-label="New list name" placeholder="New list name" maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" disabled={name.trim() === ''}>
          Create list
        </button>
      </form>
      {error ? <p role="alert" class="error">{error}</p> : null}
    </>
  );
}
