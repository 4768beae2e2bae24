/**
 * Sync's status as the worker tells it: asked once, then followed through the worker's
 * `sync/status` pushes, which reach only the extension's own pages.
 */
import { useEffect, useState } from 'preact/hooks';
import type { WorkerConnection } from '../messaging/client';
import type { SyncStatus } from '../shared/sync-status';

export function useSyncStatus(
  worker: WorkerConnection,
): [SyncStatus | undefined, (status: SyncStatus) => void, string | undefined] {
  const [status, setStatus] = useState<SyncStatus>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let live = true;
    const stop = worker.onPush((push) => {
      if (push.type === 'sync/status') setStatus(push.status);
    });
    worker.request({ type: 'sync/status' }).then(
      (s) => live && setStatus((seen) => seen ?? s),
      () => live && setFailure('The sync status could not be read.'),
    );
    return () => {
      live = false;
      stop();
    };
  }, [worker]);
  return [status, setStatus, failure];
}
