/** What the worker says about sync, for the options page and the popup (`sync/status`). */
export type SyncPhase = 'off' | 'idle' | 'syncing' | 'waiting-retry' | 'needs-confirmation' | 'error';

export interface SyncStatus {
  /** A server is configured. */
  enabled: boolean;
  /** The saved server and folder, for the options page; never the user name or the password. */
  server?: { url: string; folder: string };
  state: SyncPhase;
  /** The end of the last run that finished. */
  lastSyncedAt?: number;
  /** Changes made here and not uploaded yet. */
  pending: number;
  /** The last failure, in words the user can act on (never a password or an address's user part). */
  error?: string;
  /** Files skipped (foreign, corrupt, from a newer Papershelf), a device whose clock is far ahead. */
  warnings: string[];
  /** When the next try after a failure is due. */
  nextRetryAt?: number;
  /** Set in `needs-confirmation`: what the waiting changes would take away. */
  confirm?: { deletes: number; unreads: number; library: number };
}
