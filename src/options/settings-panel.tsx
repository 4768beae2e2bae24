/** Settings: how read papers show on each site, and the keyboard shortcuts. */
import { useState } from 'preact/hooks';
import type { PapershelfDb } from '../db/schema';
import type { StorageState } from '../grants/storage';
import { LibrarySize } from '../ui/library-size';
import { SeenHistory } from './seen-history';
import type { WorkerConnection } from '../messaging/client';
import type { ReadDisplay, Settings } from '../shared/model';
import { ADAPTERS } from '../sites/registry';

const DISPLAY_LABELS: Record<ReadDisplay, string> = {
  dim: 'Marked',
  hide: 'Hidden',
  show: 'Shown as usual',
};

// Each browser names its own page for extension shortcuts.
const SHORTCUTS_PAGE =
  location.protocol === 'moz-extension:'
    ? 'about:addons (⚙ → Manage Extension Shortcuts)'
    : 'chrome://extensions/shortcuts';

const STORAGE_TEXT: Record<StorageState['kind'] | 'persistent' | 'checking', string> = {
  checking: 'Checking…',
  persistent:
    'Kept until you remove Papershelf: the browser has made its storage persistent and will not clear it to free disk space.',
  kept: 'Stored on this computer, but not as persistent storage: the browser may clear it when the disk is nearly full. Export a JSON backup now and then.',
  forgotten:
    'Kept only until the browser closes (private mode, e.g. Firefox’s “Never remember history”). Export a JSON backup before closing.',
  unusable: 'The browser gives Papershelf no database here: nothing is kept.',
};

export function SettingsPanel({
  db,
  settings,
  worker,
  storage,
}: {
  db: PapershelfDb;
  settings: Settings;
  worker: WorkerConnection;
  storage: StorageState | undefined;
}) {
  const [error, setError] = useState('');
  const save = (patch: Parameters<typeof worker.request<'settings/set'>>[0]['patch']) =>
    worker.request({ type: 'settings/set', patch }).then(
      () => setError(''),
      () => setError('The setting could not be saved.'),
    );
  return (
    <>
      <h2>Settings</h2>
      <fieldset class="card">
        <legend>Papers you have read, on listing pages</legend>
        {ADAPTERS.map((site) => (
          <label key={site.id} class="row">
            <span class="site">{site.name}</span>
            <select
              aria-label={`Read papers on ${site.name}`}
              value={settings.readDisplay[site.id]}
              onChange={(e) => void save({ readDisplay: { [site.id]: e.currentTarget.value as ReadDisplay } })}
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
          Marked papers get a grey edge and muted pictures; their text keeps full contrast. Hidden ones are out of the
          page until you mark them unread (from the popup), with an Undo right after. Open tabs follow at once; a
          paper's own page is never marked or hidden.
        </p>
      </fieldset>
      <fieldset class="card">
        <legend>Keyboard</legend>
        <label class="row">
          <input
            type="checkbox"
            checked={settings.keyboard}
            onChange={(e) => void save({ keyboard: e.currentTarget.checked })}
          />
          Keyboard shortcuts on listing pages (j/k move, r read, s save, t tags, n note, l lists, o open, ? help)
        </label>
        <p class="hint">Open the popup from anywhere with Alt+Shift+P (change it at {SHORTCUTS_PAGE}).</p>
      </fieldset>
      <SeenHistory settings={settings} worker={worker} save={(patch) => void save(patch)} />
      <fieldset class="card">
        <legend>Your library’s storage</legend>
        <LibrarySize db={db} />
        <p class="storage-state">
          {
            STORAGE_TEXT[
              storage ? (storage.kind === 'kept' && storage.persistent ? 'persistent' : storage.kind) : 'checking'
            ]
          }
        </p>
      </fieldset>
      {error ? <p role="alert">{error}</p> : null}
    </>
  );
}
