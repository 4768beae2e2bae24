// @vitest-environment node
// Faults between two devices and a real Apache mod_dav folder: each ends with both devices
// showing the same library and nothing lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, rm, truncate, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { startApache, type DavServer } from '../../webdav/apache';
import { startRelay, type Relay } from '../../webdav/proxy';
import { device, libraryOf, type Device } from './devices';
import { recordSightings, setPaperState } from '../../../src/db/papers';
import { setNote, setTag } from '../../../src/db/annotations';
import { deletePapers } from '../../../src/db/library';
import { localRow } from '../../../src/db/sync-store';
import { WebDavError } from '../../../src/sync/webdav/errors';
import { WebDavClient } from '../../../src/sync/webdav/client';

let server: DavServer;
const relays: Relay[] = [];
let folders = 0;
beforeAll(async () => {
  server = await startApache();
});
afterAll(async () => {
  await Promise.all(relays.map((r) => r.close()));
  await server?.stop();
});

const pair = async (): Promise<[Device, Device, string]> => {
  const folder = `faults-${++folders}`;
  return [await device(server, folder), await device(server, folder), folder];
};
const ids = (n: number, prefix = '2404') => Array.from({ length: n }, (_, i) => `${prefix}.${String(10001 + i)}`);
const see = (d: Device, list: string[]) =>
  recordSightings(
    d.db,
    list.map((id) => ({ id, title: `Title of ${id}`, authors: ['Grace Hopper'] })),
    'https://arxiv.org/list/cs.LG/new',
    Date.now(),
  );
const equal = async (a: Device, b: Device) => expect(await libraryOf(a.db)).toEqual(await libraryOf(b.db));

describe('faults', () => {
  it('the server unreachable mid-sync (upload cut, then every connection dropped), then back', async () => {
    const [a, b] = await pair();
    const relay = await startRelay(server.port, { kind: 'none' });
    relays.push(relay);
    await see(a, ids(3));
    await a.sync();
    await b.sync();
    for (const id of ids(3)) await setPaperState(a.db, id, { read: true }, 50);
    await setNote(a.db, ids(3)[0]!, 'kept through the outage', 51);
    const waiting = await a.db.syncPending.count();
    relay.fault = { kind: 'cut-after', bytes: 300, times: 10 };
    await expect(a.sync({ origin: relay.origin })).rejects.toBeInstanceOf(WebDavError);
    expect(await a.db.syncPending.count()).toBe(waiting);
    relay.fault = { kind: 'drop-all' };
    await expect(b.sync({ origin: relay.origin })).rejects.toMatchObject({ transient: true });
    relay.fault = { kind: 'none' };
    expect((await a.sync({ origin: relay.origin })).kind).toBe('done');
    expect(await a.db.syncPending.count()).toBe(0);
    expect((await b.sync({ origin: relay.origin })).kind).toBe('done');
    await equal(a, b);
    expect((await b.db.papers.get(ids(3)[0]!))?.note).toBe('kept through the outage');
  });

  it('the worker stopped after a chunk reached the server, before it noted so: the retry sends the same chunk, a later change the next', async () => {
    const [a, b] = await pair();
    await see(a, ['2404.20001', '2404.20002']);
    await a.sync();
    await setPaperState(a.db, '2404.20001', { read: true }, 40);
    const put = WebDavClient.prototype.put;
    WebDavClient.prototype.put = async function (this: WebDavClient, ...args: Parameters<typeof put>) {
      await put.apply(this, args);
      if (args[0].includes('/log-')) throw new Error('worker stopped');
    };
    try {
      await expect(a.sync()).rejects.toThrow('worker stopped');
    } finally {
      WebDavClient.prototype.put = put;
    }
    await b.sync();
    expect((await b.db.papers.get('2404.20001'))?.readAt).toBe(40);
    await setPaperState(a.db, '2404.20002', { saved: true }, 41);
    await a.sync();
    await b.sync();
    await equal(a, b);
    expect((await b.db.papers.get('2404.20002'))?.savedAt).toBe(41);
  });

  it('a file truncated on the server: the reader waits, the writer notices and puts a snapshot up', async () => {
    const [a, b, folder] = await pair();
    await see(a, ids(2, '2405'));
    await a.sync();
    await setTag(a.db, '2405.10001', 'graphs', true, 60);
    await a.sync();
    const { device: idA } = await localRow(a.db);
    const dir = join(server.root, 'dav', folder, 'devices', idA);
    const log = (await readdir(dir)).find((f) => f.startsWith('log-'))!;
    await truncate(join(dir, log), Math.floor((await stat(join(dir, log))).size / 2));
    const first = await b.sync();
    expect(first.kind).toBe('done');
    expect((await b.db.papers.get('2405.10001'))?.tags).toBeUndefined();
    await a.sync();
    await b.sync();
    await equal(a, b);
    expect((await b.db.papers.get('2405.10001'))?.tags).toEqual(['graphs']);
  });

  it("A's clock 3 hours ahead: B's edit made after seeing A's still wins on both", async () => {
    const [a, b] = await pair();
    a.clock.offsetMs = 3 * 60 * 60 * 1000;
    await see(a, ['2406.10001']);
    await setNote(a.db, '2406.10001', 'from A, 3 h ahead', 70);
    await a.sync();
    await b.sync();
    await setNote(b.db, '2406.10001', 'from B, after seeing A', 80);
    await b.sync();
    await a.sync();
    await equal(a, b);
    expect((await a.db.papers.get('2406.10001'))?.note).toBe('from B, after seeing A');
  });

  it('a wrong password: a clear error, nothing changed here or there', async () => {
    const [a, b, folder] = await pair();
    await see(a, ['2407.10001']);
    await setPaperState(a.db, '2407.10001', { saved: true }, 90);
    const error = await a.sync({ password: 'not-the-password' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebDavError);
    expect((error as WebDavError).kind).toBe('unauthorized');
    expect((error as Error).message).toMatch(/did not accept the user name or password/);
    expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain(server.password);
    expect(await a.db.syncPending.count()).toBeGreaterThan(0);
    await expect(readdir(join(server.root, 'dav', folder))).rejects.toThrow();
    await a.sync();
    await b.sync();
    await equal(a, b);
  });

  it('the server folder wiped: both devices put the library back, and a new device gets all of it', async () => {
    const [a, b, folder] = await pair();
    await see(a, ids(3, '2408'));
    await setPaperState(a.db, '2408.10001', { read: true }, 100);
    await a.sync();
    await setTag(b.db, '2408.10002', 'from-b', true, 101);
    await b.sync();
    await a.sync();
    await rm(join(server.root, 'dav', folder), { recursive: true, force: true });
    await a.sync();
    await b.sync();
    await a.sync();
    await b.sync();
    await equal(a, b);
    const c = await device(server, folder);
    await c.sync();
    await equal(a, c);
    expect((await c.db.papers.get('2408.10002'))?.tags).toEqual(['from-b']);
  });

  it('a run that would delete or un-read more than 10 % of the library waits for confirmation', async () => {
    const [a, b] = await pair();
    const all = ids(10, '2409');
    await see(a, all);
    for (const id of all) await setPaperState(a.db, id, { read: true }, 110);
    await a.sync();
    await b.sync();
    await deletePapers(a.db, all.slice(0, 3));
    await a.sync();
    const held = await b.sync();
    expect(held).toMatchObject({ kind: 'needs-confirmation', plan: { deletes: 3, library: 10 } });
    expect(await b.db.papers.count()).toBe(10);
    expect((await b.sync({ confirmed: { deletes: 3, unreads: 0 } })).kind).toBe('done');
    await equal(a, b);
    expect(await b.db.papers.count()).toBe(7);
  });
});
