/** Settings, read live from the database and written through the worker. */
import { useState } from 'preact/hooks';
import type { PapershelfDb } from '../db/schema';
import { readSettings } from '../db/settings';
import type { WorkerConnection } from '../messaging/client';
import { useLiveQuery } from '../ui/use-live-query';

export function Options({ db, worker }: { db: PapershelfDb; worker: WorkerConnection }) {
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const [error, setError] = useState('');
  if (!settings) return null;
  return (
    <main>
      <h1>Papershelf settings</h1>
      <label>
        <input
          type="checkbox"
          checked={settings.dimRead}
          onChange={(e) =>
            worker
              .request({ type: 'settings/set', patch: { dimRead: e.currentTarget.checked } })
              .then(() => setError(''), () => setError('The setting could not be saved.'))
          }
        />
        Dim read papers on feed pages
      </label>
      <p class="hint">Read papers stay visible, faded, so you can skim past them. Open tabs follow at once.</p>
      {error ? <p role="alert">{error}</p> : null}
    </main>
  );
}
