/** Settings, read live from the database and written through the worker. */
import { useState } from 'preact/hooks';
import type { PapershelfDb } from '../db/schema';
import { readSettings } from '../db/settings';
import type { WorkerConnection } from '../messaging/client';
import type { ReadDisplay } from '../shared/model';
import { ADAPTERS } from '../sites/registry';
import { useLiveQuery } from '../ui/use-live-query';
import { ExportPanel } from './export-panel';
import { ImportPanel } from './import-panel';
import { LibraryTable } from './library-table';
import { RulesEditor } from './rules-editor';
import { TagManager } from './tag-manager';
import { WeeklyChart } from './weekly-chart';

const DISPLAY_LABELS: Record<ReadDisplay, string> = {
  dim: 'Marked',
  hide: 'Hidden',
  show: 'Shown as usual',
};

export function Options({ db, worker }: { db: PapershelfDb; worker: WorkerConnection }) {
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const [error, setError] = useState('');
  if (!settings) return null;
  return (
    <main>
      <h1>Papershelf settings</h1>
      <fieldset>
        <legend>Papers you have read, on listing pages</legend>
        {ADAPTERS.map((site) => (
          <label key={site.id}>
            <span class="site">{site.name}</span>
            <select
              aria-label={`Read papers on ${site.name}`}
              value={settings.readDisplay[site.id]}
              onChange={(e) =>
                worker
                  .request({
                    type: 'settings/set',
                    patch: { readDisplay: { [site.id]: e.currentTarget.value as ReadDisplay } },
                  })
                  .then(() => setError(''), () => setError('The setting could not be saved.'))
              }
            >
              {(Object.keys(DISPLAY_LABELS) as ReadDisplay[]).map((d) => (
                <option key={d} value={d}>
                  {DISPLAY_LABELS[d]}
                </option>
              ))}
            </select>
          </label>
        ))}
        <p class="hint">
          Marked papers get a grey edge and muted pictures; their text keeps full contrast. Hidden ones are out of
          the page until you mark them unread (from the popup), with an Undo right after. Open tabs follow at once;
          a paper's own page is never marked or hidden.
        </p>
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={settings.keyboard}
          onChange={(e) =>
            worker
              .request({ type: 'settings/set', patch: { keyboard: e.currentTarget.checked } })
              .then(() => setError(''), () => setError('The setting could not be saved.'))
          }
        />
        Keyboard shortcuts on listing pages (j/k move, r read, s save, t tags, n note, o open, ? help)
      </label>
      <p class="hint">Open the popup from anywhere with Alt+Shift+P (change it at chrome://extensions/shortcuts).</p>
      {error ? <p role="alert">{error}</p> : null}
      <RulesEditor rules={settings.rules} worker={worker} />
      <LibraryTable db={db} worker={worker} />
      <TagManager db={db} worker={worker} colors={settings.tagColors} />
      <WeeklyChart db={db} />
      <ExportPanel db={db} />
      <ImportPanel db={db} worker={worker} />
    </main>
  );
}
