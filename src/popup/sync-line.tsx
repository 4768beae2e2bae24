/**
 * The popup's sync status, in its foot: while sync is on, what it is doing, when it last synced,
 * what waits to be sent, the last error, and the 10 % guard's question with Confirm. Nothing at
 * all while sync is off, so a user who never syncs sees no trace of it.
 */
import { useState } from 'preact/hooks';
import { failureText, type WorkerConnection } from '../messaging/client';
import { SyncStatusView } from '../ui/sync-status-view';
import { useSyncStatus } from '../ui/use-sync-status';

export function SyncLine({ worker, now }: { worker: WorkerConnection; now?: number }) {
  const [status, setStatus] = useSyncStatus(worker);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!status?.enabled) return null;
  async function confirm() {
    setBusy(true);
    setError('');
    try {
      setStatus(await worker.request({ type: 'sync/confirm' }));
    } catch (err) {
      setError(`Could not continue: ${failureText(err)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="sync-line" aria-label="Sync">
      <SyncStatusView status={status} now={now} confirming={busy} onConfirm={() => void confirm()} />
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
