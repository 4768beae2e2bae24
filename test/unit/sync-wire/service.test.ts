// @vitest-environment node
// The worker's sync service against a real Apache folder: configure (tested first), status,
// "Sync now", confirmation; and the requests that reach it.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApache, type DavServer } from '../../webdav/apache';
import { openRecordingDatabase } from '../../../src/db/recording';
import { readConfig, type SyncConfig } from '../../../src/db/sync-store';
import { recordSightings, setPaperState } from '../../../src/db/papers';
import { folderAddress, syncService } from '../../../src/background/sync/service';
import { parseRequest } from '../../../src/shared/requests';
import { mayAsk } from '../../../src/background/sender';
import { exportText } from '../../../src/export/formats';
import { streamedParts } from '../../../src/export/stream';
import type { SyncStatus } from '../../../src/shared/sync-status';
import type { PaperState } from '../../../src/shared/model';

let server: DavServer;
let n = 0;
beforeAll(async () => {
  server = await startApache();
});
afterAll(async () => {
  await server?.stop();
});

const configOf = (folder: string, password = server.password): SyncConfig => ({
  url: `${server.origin}/dav/`,
  user: server.user,
  password,
  folder,
});

function service() {
  const db = openRecordingDatabase(`service-${++n}`);
  const pushed: SyncStatus[] = [];
  const states: PaperState[][] = [];
  const svc = syncService({
    db,
    config: () => readConfig(db),
    pushStatus: (s) => pushed.push(s),
    statesChanged: async (s) => void states.push(s),
    scheduler: { setTimer: () => 0, clearTimer: () => undefined },
  });
  return { db, svc, pushed, states };
}

describe('sync service', () => {
  it('a wrong password is refused with the sentence, and nothing is saved or recorded', async () => {
    const { db, svc } = service();
    await expect(svc.configure(configOf('svc-a', 'wrong'))).rejects.toThrow(/did not accept the user name or password/);
    expect(await readConfig(db)).toBeUndefined();
    await setPaperState(db, '2410.00001', { read: true }, 1);
    expect(await db.syncPending.count()).toBe(0);
    expect(await svc.status()).toMatchObject({ enabled: false, state: 'off' });
  });

  it('configured: the library syncs, the status says when, and the other device hears of it', async () => {
    const a = service();
    const b = service();
    await recordSightings(
      a.db,
      [{ id: '2410.00002', title: 'A title', authors: [] }],
      'https://arxiv.org/list/cs.AI/new',
      5,
    );
    await setPaperState(a.db, '2410.00002', { saved: true }, 6);
    const status = await a.svc.configure(configOf('svc-b'));
    expect(status).toMatchObject({ enabled: true, state: 'idle', pending: 0, warnings: [] });
    expect(status.lastSyncedAt).toBeGreaterThan(0);
    expect(a.pushed.map((s) => s.state)).toContain('syncing');
    await b.svc.configure(configOf('svc-b'));
    expect((await b.db.papers.get('2410.00002'))?.savedAt).toBe(6);
    expect(b.states.flat().map((s) => s.id)).toContain('2410.00002');
    // The password is in the worker's own table, never in a status.
    expect(JSON.stringify([...a.pushed, await a.svc.status()])).not.toContain(server.password);
    await setPaperState(a.db, '2410.00002', { read: true }, 7);
    expect((await a.svc.status()).pending).toBeGreaterThan(0);
    expect((await a.svc.syncNow()).pending).toBe(0);
    const before = Date.now() * 1000;
    await b.svc.syncNow();
    expect((await b.db.papers.get('2410.00002'))?.readAt).toBe(7);
    // B's open tabs are told the paper as written, stamped when the write began: after the first
    // push, and not before this run, so a tab orders it against its own clicks.
    const pushes = b.states.flat().filter((s) => s.id === '2410.00002');
    expect(pushes.at(-1)).toMatchObject({ read: true, saved: true });
    expect(pushes.at(-1)!.asOf).toBeGreaterThan(Math.max(before - 1, pushes.at(-2)!.asOf!));
  });

  it('the server settings and sync records are in no backup or export', async () => {
    const { db, svc } = service();
    await recordSightings(
      db,
      [{ id: '2410.00004', title: 'Kept', authors: [] }],
      'https://arxiv.org/list/cs.AI/new',
      5,
    );
    await svc.configure(configOf('svc-d'));
    await setPaperState(db, '2410.00004', { read: true }, 6);
    expect(await db.syncPending.count()).toBeGreaterThan(0);
    const outputs = [
      await exportText(db, 'backup', 'all', new Date(0)),
      ...(await Promise.all(
        (['backup', 'csv', 'csl', 'bibtex'] as const).map(async (f) =>
          new Blob(await streamedParts(db, f, new Date(0))).text(),
        ),
      )),
    ];
    for (const text of outputs) {
      expect(text).toContain('2410.00004');
      for (const secret of [server.password, server.user, 'syncPending', 'syncDocs', '"hlc"'])
        expect(text).not.toContain(secret);
    }
  });

  it('"Test connection" says why a wrong password fails, passes a right one, and saves nothing either way', async () => {
    const { db, svc } = service();
    await expect(svc.test(configOf('svc-e', 'wrong'))).rejects.toThrow(/did not accept the user name or password/);
    await svc.test(configOf('svc-e'));
    expect(await readConfig(db)).toBeUndefined();
    await setPaperState(db, '2410.00005', { read: true }, 1);
    expect(await db.syncPending.count()).toBe(0);
    expect(await svc.status()).toMatchObject({ enabled: false, state: 'off' });
  });

  it('the status names the saved server and folder for the options page, never the user or password', async () => {
    const { svc } = service();
    await svc.configure(configOf('svc-f'));
    const status = await svc.status();
    expect(status.server).toEqual({ url: `${server.origin}/dav/`, folder: 'svc-f' });
    expect(JSON.stringify(status)).not.toContain(server.password);
    expect(JSON.stringify(status)).not.toContain(`"${server.user}"`);
  });

  it('turned off: nothing more is recorded', async () => {
    const { db, svc } = service();
    await svc.configure(configOf('svc-c'));
    expect((await svc.configure(null)).state).toBe('off');
    await setPaperState(db, '2410.00003', { read: true }, 1);
    expect(await db.syncPending.count()).toBe(0);
  });
});

describe('sync requests', () => {
  it('checks the configuration and refuses credentials in the address and ".." in the folder', () => {
    const good = {
      type: 'sync/configure',
      config: { url: 'https://cloud.example.org/dav/', user: 'ada', password: 'p', folder: 'Papershelf' },
    };
    expect(parseRequest(good).ok).toBe(true);
    expect(parseRequest({ type: 'sync/configure', config: null }).ok).toBe(true);
    for (const bad of [
      { ...good.config, url: 'https://ada:secret@cloud.example.org/' },
      { ...good.config, url: 'ftp://cloud.example.org/' },
      { ...good.config, folder: 'a/../b' },
      { ...good.config, password: '' },
    ]) {
      expect(parseRequest({ type: 'sync/configure', config: bad }).ok).toBe(false);
    }
    expect(parseRequest({ type: 'sync/now', extra: 1 }).ok).toBe(false);
  });

  it('no content script may ask for sync', () => {
    for (const type of ['sync/status', 'sync/now', 'sync/confirm', 'sync/configure', 'sync/test'] as const) {
      expect(mayAsk({ ok: true, pageUrl: 'https://arxiv.org/list/cs.AI/new' }, type)).toBe(false);
      expect(mayAsk({ ok: true }, type)).toBe(true);
    }
  });

  it('the folder address encodes each segment', () => {
    expect(folderAddress({ url: 'https://h.example/dav', user: 'u', password: 'p', folder: 'My papers/2026' })).toBe(
      'https://h.example/dav/My%20papers/2026/',
    );
  });
});
