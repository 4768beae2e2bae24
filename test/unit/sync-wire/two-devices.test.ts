// @vitest-environment node
// Two devices syncing through a real Apache mod_dav folder: what one does shows on the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApache, type DavServer } from '../../webdav/apache';
import { device, libraryOf, type Device } from './devices';
import { recordSightings, setPaperState } from '../../../src/db/papers';
import { setNote, setTag } from '../../../src/db/annotations';
import { createList, reorderList, setListMembership } from '../../../src/db/lists';
import { writeSettings } from '../../../src/db/settings';

let server: DavServer;
let folders = 0;
beforeAll(async () => {
  server = await startApache();
});
afterAll(async () => {
  await server?.stop();
});

const pair = async (): Promise<[Device, Device]> => {
  const folder = `lib-${++folders}`;
  return [await device(server, folder), await device(server, folder)];
};

const see = (d: Device, ids: string[], now = Date.now()) =>
  recordSightings(
    d.db,
    ids.map((id) => ({ id, title: `Title of ${id}`, authors: ['Ada Lovelace'] })),
    'https://arxiv.org/list/cs.CL/new',
    now,
  );

describe('two devices, one folder', () => {
  it('read, saved, tag, note, list and a setting on A show on B after both sync', async () => {
    const [a, b] = await pair();
    await see(a, ['2401.00001', '2401.00002', '2401.00003']);
    await setPaperState(a.db, '2401.00001', { read: true }, 1_000);
    await setPaperState(a.db, '2401.00002', { saved: true }, 1_001);
    await setTag(a.db, '2401.00002', 'LLM', true, 1_002);
    await setNote(a.db, '2401.00003', 'Read the appendix', 1_003);
    const list = await createList(a.db, 'Reading group', 1_004);
    await setListMembership(a.db, list.id, '2401.00003', true, 1_005);
    await setListMembership(a.db, list.id, '2401.00001', true, 1_006);
    await reorderList(a.db, list.id, ['2401.00001', '2401.00003'], 1_007);
    await writeSettings(a.db, { keyboard: false, rules: [{ tag: 'RL', phrases: ['reward model'] }] }, 1_008);

    expect((await a.sync()).kind).toBe('done');
    expect((await b.sync()).kind).toBe('done');
    // Nothing B applied from A is recorded as B's own, to be sent back.
    expect(await b.db.syncPending.count()).toBe(0);
    const onB = await libraryOf(b.db);
    expect(onB).toEqual(await libraryOf(a.db));
    expect(onB.papers.find((p) => p.id === '2401.00002')).toMatchObject({
      title: 'Title of 2401.00002',
      tags: ['LLM'],
    });
    expect(onB.lists).toEqual([{ id: list.id, name: 'Reading group', papers: ['2401.00001', '2401.00003'] }]);
    expect(onB.settings.keyboard).toBe(false);
    // B's own changes go back to A.
    await setPaperState(b.db, '2401.00003', { read: true }, 2_000);
    await b.sync();
    await a.sync();
    expect((await a.db.papers.get('2401.00003'))?.readAt).toBe(2_000);
  });

  it('the same paper edited on both while apart: both end with the same library, the later edit winning', async () => {
    const [a, b] = await pair();
    await see(a, ['2402.00001']);
    await setPaperState(a.db, '2402.00001', { read: true }, 10);
    await a.sync();
    await b.sync();
    // Apart: A changes the note and adds a tag; later, B changes the note and removes read.
    await setNote(a.db, '2402.00001', 'from A', 20);
    await setTag(a.db, '2402.00001', 'vision', true, 21);
    await new Promise((r) => setTimeout(r, 5));
    await setNote(b.db, '2402.00001', 'from B', 30);
    await setTag(b.db, '2402.00001', 'nlp', true, 31);
    await a.sync();
    await b.sync();
    await a.sync();
    const onA = await libraryOf(a.db);
    expect(onA).toEqual(await libraryOf(b.db));
    expect(onA.papers[0]).toMatchObject({ note: 'from B', tags: ['nlp', 'vision'] });
  });

  it('a tag removed on A stays removed after B syncs', async () => {
    const [a, b] = await pair();
    await see(a, ['2403.00001']);
    await setTag(a.db, '2403.00001', 'llm', true, 10);
    await setTag(a.db, '2403.00001', 'keep', true, 11);
    await a.sync();
    await b.sync();
    expect((await b.db.papers.get('2403.00001'))?.tags).toEqual(['keep', 'llm']);
    await setTag(a.db, '2403.00001', 'LLM', false, 12);
    // B syncs first with nothing of its own to say, then after A's removal is up.
    await b.sync();
    await a.sync();
    await b.sync();
    await a.sync();
    expect((await b.db.papers.get('2403.00001'))?.tags).toEqual(['keep']);
    expect((await a.db.papers.get('2403.00001'))?.tags).toEqual(['keep']);
  });
});
