/**
 * Sync's status in words, for the options page's Sync section and the popup: one sentence per
 * state of `SyncStatus`, the pending count, the last sync, and the 10 % guard's question.
 */
import type { SyncStatus } from '../shared/sync-status';

const papers = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'paper' : 'papers'}`;
const changes = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'change' : 'changes'}`;

/** "just now", "5 minutes ago", "3 hours ago", else the date and time. */
export function ago(at: number, now: number): string {
  const minutes = Math.round((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
  return new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** What sync is doing, in one sentence. */
export function phaseText(status: SyncStatus, now: number): string {
  switch (status.state) {
    case 'off':
      return 'Sync is off.';
    case 'idle':
      return 'Sync is up to date.';
    case 'syncing':
      return 'Syncing…';
    case 'waiting-retry': {
      const when = status.nextRetryAt;
      const retry =
        when === undefined
          ? 'Sync will try again shortly.'
          : `Sync will try again in ${Math.max(1, Math.ceil((when - now) / 60_000))} min.`;
      return `${status.error ?? 'The last sync failed.'} ${retry}`;
    }
    case 'needs-confirmation':
      return 'Sync is waiting for you: the changes from your other devices would remove a lot.';
    case 'error':
      return `Sync stopped: ${status.error ?? 'the last sync failed.'} Fix it, then choose Sync now.`;
  }
}

export const lastSyncedText = (status: SyncStatus, now: number) =>
  status.lastSyncedAt === undefined ? 'Not synced yet.' : `Last synced ${ago(status.lastSyncedAt, now)}.`;

export const pendingText = (status: SyncStatus) =>
  status.pending === 0 ? 'No changes waiting.' : `${changes(status.pending)} waiting to be sent.`;

/** The 10 % guard's question. */
export function confirmText(confirm: NonNullable<SyncStatus['confirm']>): string {
  return `This sync would delete ${papers(confirm.deletes)} and mark ${papers(confirm.unreads)} unread of your ${papers(confirm.library)}: continue?`;
}
