/**
 * Sync in the worker: the configuration, the status the pages show, and the runs (run.ts) on the
 * scheduler's beat (scheduler.ts). The server settings live in the database's `sync` table, which
 * only the worker reads: storage.local would hand the password to every content script. Errors
 * shown to the user are the WebDAV client's sentences, which never hold the password or the user
 * name; anything else reads as a generic failure.
 */
import type { PaperState, Settings } from '../../shared/model';
import { stateOf } from '../../shared/model';
import type { SyncStatus } from '../../shared/sync-status';
import { stamper } from '../../shared/stamp';
import type { PapershelfDb } from '../../db/schema';
import { readSettings } from '../../db/settings';
import type { Applied } from '../../db/sync-apply';
import {
  readOwn,
  readSaved,
  setRecording,
  writeConfig,
  writeOwn,
  writeSaved,
  type SyncConfig,
} from '../../db/sync-store';
import { WebDavClient } from '../../sync/webdav/client';
import { WebDavError } from '../../sync/webdav/errors';
import { runSync } from './run';
import { syncScheduler, type Outcome, type Scheduler } from './scheduler';

export interface SyncDeps {
  db: PapershelfDb;
  config: () => Promise<SyncConfig | undefined>;
  now?: () => number;
  turn?: () => Promise<void>;
  statesChanged?: (states: PaperState[]) => Promise<void>;
  settingsChanged?: (settings: Settings) => void;
  pushStatus?: (status: SyncStatus) => void;
  /** Tests: a short deadline, a fake clock. */
  clientOptions?: { timeoutMs?: number; isOnline?: () => boolean };
  scheduler?: Partial<Parameters<typeof syncScheduler>[0]>;
}

export interface SyncService {
  status(): Promise<SyncStatus>;
  syncNow(): Promise<SyncStatus>;
  confirm(): Promise<SyncStatus>;
  /** Tests the connection, then saves; `null` turns sync off. Throws the reason when the test fails. */
  configure(config: SyncConfig | null): Promise<SyncStatus>;
  /** The connection test alone: saves nothing. Throws the reason when it fails. */
  test(config: SyncConfig): Promise<void>;
  changed(): void;
  alarm(): Promise<void>;
}

/** The folder's address: the server address, then the folder's segments, each encoded. */
export function folderAddress(config: SyncConfig): string {
  const base = config.url.endsWith('/') ? config.url : `${config.url}/`;
  const segments = config.folder.split('/').filter(Boolean).map(encodeURIComponent);
  return new URL(segments.length ? `${segments.join('/')}/` : '', base).href;
}

const GENERIC = 'Sync failed unexpectedly. It will try again.';

export function syncService(deps: SyncDeps): SyncService {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const asOf = stamper();
  const client = (config: SyncConfig) =>
    new WebDavClient({
      url: folderAddress(config),
      user: config.user,
      password: config.password,
      ...deps.clientOptions,
    });
  let current: Omit<SyncStatus, 'pending'> = { enabled: false, state: 'off', warnings: [] };
  let confirmed: { deletes: number; unreads: number } | undefined;

  // Whether sync is configured comes from the stored settings: right before the first run too.
  const status = async (): Promise<SyncStatus> => {
    const config = await deps.config();
    return {
      ...current,
      enabled: config !== undefined,
      server: config && { url: config.url, folder: config.folder },
      lastSyncedAt: (await readSaved<number>(db, 'lastSyncedAt')) ?? current.lastSyncedAt,
      pending: await db.syncPending.count(),
    };
  };
  const set = async (next: Partial<SyncStatus>) => {
    current = { ...current, ...next };
    deps.pushStatus?.(await status());
  };

  async function runOnce(): Promise<Outcome> {
    const config = await deps.config();
    if (!config) {
      await set({ enabled: false, state: 'off', error: undefined, confirm: undefined });
      return 'stop';
    }
    await set({ enabled: true, state: 'syncing' });
    try {
      const result = await runSync({ db, client: client(config), now, turn: deps.turn, stamp: asOf, confirmed });
      if (result.kind === 'needs-confirmation') {
        await set({ state: 'needs-confirmation', confirm: result.plan, warnings: result.warnings });
        return 'stop';
      }
      confirmed = undefined;
      const at = now();
      await writeSaved(db, 'lastSyncedAt', at);
      await set({ state: 'idle', lastSyncedAt: at, error: undefined, confirm: undefined, warnings: result.warnings });
      await announce(result.applied);
      return 'ok';
    } catch (error) {
      const known = error instanceof WebDavError;
      // Only the kind of an unexpected failure is logged: its message might quote a record.
      if (!known) console.error('Papershelf: sync failed', error instanceof Error ? error.name : typeof error);
      const transient = known ? error.transient : true;
      await set({ state: transient ? 'waiting-retry' : 'error', error: known ? error.message : GENERIC });
      return transient ? 'retry' : 'stop';
    }
  }

  async function announce(applied: Applied) {
    if (applied.settings) deps.settingsChanged?.(await readSettings(db));
    if (!applied.papers.length || !deps.statesChanged) return;
    const { rules } = await readSettings(db);
    // Each as its transaction wrote it, stamped before: a tab that saw a later click keeps that.
    await deps.statesChanged(
      applied.papers.map(({ id, record, asOf }) => ({ ...stateOf(record ?? { id }, rules), asOf })),
    );
  }

  const scheduler: Scheduler = syncScheduler({
    run: runOnce,
    now,
    onRetryAt: (at) => void set({ nextRetryAt: at }),
    ...deps.scheduler,
  });

  async function testConnection(config: SyncConfig) {
    try {
      const dav = client(config);
      await dav.mkcol('');
      await dav.list('');
    } catch (error) {
      throw new Error(error instanceof WebDavError ? error.message : 'That is not a WebDAV folder address.', {
        cause: error,
      });
    }
  }

  return {
    status,
    test: testConnection,
    async syncNow() {
      await scheduler.now();
      return status();
    },
    async confirm() {
      if (current.state === 'needs-confirmation' && current.confirm) confirmed = current.confirm;
      await scheduler.now();
      return status();
    },
    async configure(config) {
      if (config === null) {
        await writeConfig(db, undefined);
        await setRecording(db, false);
        // Changes made while sync is off are not recorded: turned on again, the library is read afresh.
        await writeOwn(db, { ...(await readOwn(db)), bootstrapped: false });
        await set({ enabled: false, state: 'off', error: undefined, warnings: [], confirm: undefined });
        return status();
      }
      await testConnection(config);
      await writeConfig(db, config);
      await setRecording(db, true);
      await scheduler.now();
      return status();
    },
    changed: () => scheduler.changed(),
    alarm: () => scheduler.alarm(),
  };
}
