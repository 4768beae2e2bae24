/**
 * The Sync section: the status in words (with the 10 % guard's question), "Sync now", turning sync
 * off, and the server form. Everything goes through the worker, which alone keeps the server
 * settings; turning sync off also gives back the browser's access to that server.
 */
import { useState } from 'preact/hooks';
import { browserServerAccess, serverPattern, type ServerAccess } from '../grants/server-access';
import { failureText, type WorkerConnection } from '../messaging/client';
import type { SyncStatus } from '../shared/sync-status';
import { SyncStatusView } from '../ui/sync-status-view';
import { useSyncStatus } from '../ui/use-sync-status';
import { SyncServerForm } from './sync-server-form';

export function SyncPanel({
  worker,
  access = browserServerAccess,
  now,
}: {
  worker: WorkerConnection;
  access?: ServerAccess;
  now?: number;
}) {
  const [status, setStatus, unread] = useSyncStatus(worker);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function ask(what: () => Promise<SyncStatus>, failure: string) {
    setBusy(true);
    setError('');
    try {
      setStatus(await what());
    } catch (err) {
      setError(`${failure}: ${failureText(err)}`);
    } finally {
      setBusy(false);
    }
  }

  const turnOff = (server: NonNullable<SyncStatus['server']>) =>
    ask(async () => {
      const next = await worker.request({ type: 'sync/configure', config: null });
      const saved = serverPattern(server.url);
      if ('pattern' in saved) await access.remove(saved.pattern).catch(() => undefined);
      return next;
    }, 'Sync is still on');

  return (
    <>
      <h2>Sync (preview)</h2>
      <section class="card" aria-labelledby="sync-status-heading">
        <h3 id="sync-status-heading">Status</h3>
        {status ? (
          <>
            <SyncStatusView
              status={status}
              now={now}
              confirming={busy}
              onConfirm={() => void ask(() => worker.request({ type: 'sync/confirm' }), 'Could not continue')}
            />
            {status.enabled && status.server ? (
              <>
                <p class="hint">
                  Folder <code>{status.server.folder || '(the address itself)'}</code> at{' '}
                  <code>{status.server.url}</code>.
                </p>
                <div class="buttons">
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void ask(() => worker.request({ type: 'sync/now' }), 'Could not sync')}
                  >
                    Sync now
                  </button>
                  <button type="button" disabled={busy} onClick={() => void turnOff(status.server!)}>
                    Turn sync off
                  </button>
                </div>
              </>
            ) : null}
          </>
        ) : (
          <p role="status">{unread ?? 'Reading the sync status…'}</p>
        )}
        {error ? (
          <p role="alert" class="sync-error">
            {error}
          </p>
        ) : null}
      </section>
      {status ? <SyncServerForm worker={worker} access={access} status={status} onStatus={setStatus} /> : null}
      <p class="hint">
        Your library goes to a folder on a WebDAV server you already have (Nextcloud, ownCloud, Synology, Apache…), one
        set of files per device, not encrypted: whoever runs the server can read them. Papers you only saw, the search
        index and the learnt suggestions stay on each device.
      </p>
    </>
  );
}
