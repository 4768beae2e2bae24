/**
 * Sync's status for a person: what it is doing, when it last synced, what waits to be sent, the
 * last error and warnings in words, and, when the 10 % guard stopped a run, the question with a
 * Confirm button. Shared by the popup and the options page's Sync section. The status sits in a
 * live region, so a screen reader hears a run end or fail.
 */
import type { SyncStatus } from '../shared/sync-status';
import { confirmText, lastSyncedText, pendingText, phaseText } from './sync-words';

export function SyncStatusView({
  status,
  now = Date.now(),
  confirming = false,
  onConfirm,
}: {
  status: SyncStatus;
  now?: number;
  confirming?: boolean;
  onConfirm: () => void;
}) {
  const asking = status.state === 'needs-confirmation' && status.confirm;
  return (
    <div class="sync-status">
      <div role="status">
        <p class={status.state === 'error' ? 'sync-error' : undefined}>{phaseText(status, now)}</p>
        {status.enabled ? (
          <p class="hint">
            {lastSyncedText(status, now)} {pendingText(status)}
          </p>
        ) : null}
        {status.warnings.length ? (
          <ul class="sync-warnings" aria-label="Sync warnings">
            {status.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {asking ? (
        <div role="group" aria-labelledby="sync-confirm-question" class="confirm">
          <p id="sync-confirm-question">{confirmText(asking)}</p>
          <button type="button" disabled={confirming} onClick={onConfirm}>
            Confirm
          </button>
          <p class="hint">Nothing from the other devices is applied until you confirm.</p>
        </div>
      ) : null}
    </div>
  );
}
