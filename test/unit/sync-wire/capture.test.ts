// Local change capture: every synced write records its stamped changes in the same transaction.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openRecordingDatabase } from '../../../src/db/recording';
import { paperTables, setPaperState } from '../../../src/db/papers';
import { setNote, setTag } from '../../../src/db/annotations';
import { createList, deleteList, reorderList, setListMembership } from '../../../src/db/lists';
import { deletePapers, restorePapers } from '../../../src/db/library';
import { writeSettings } from '../../../src/db/settings';
import { localRow, setRecording } from '../../../src/db/sync-store';
import type { Change } from '../../../src/sync/changes';

let n = 0;
async function recordingDb() {
  const db = openRecordingDatabase(`capture-${++n}`);
  await setRecording(db, true);
  return db;
}
const pending = async (db: ReturnType<typeof openRecordingDatabase>) =>
  (await db.syncPending.toArray()).map((r) => r.change);
const strip = (changes: Change[]) => changes.map(({ hlc: _h, ...rest }) => rest);

describe('capture', () => {
  it('records nothing while sync is off', async () => {
    const db = openRecordingDatabase(`capture-${++n}`);
    await setPaperState(db, '2401.00001', { read: true }, 1000);
    expect(await db.syncPending.count()).toBe(0);
    expect(await db.syncDocs.count()).toBe(0);
  });

  it('records read, saved, note and tags with increasing stamps of this device', async () => {
    const db = await recordingDb();
    const { device } = await localRow(db);
    await setPaperState(db, '2401.00001', { read: true }, 1000);
    await setNote(db, '2401.00001', 'good', 1001);
    await setTag(db, '2401.00001', 'LLM', true, 1002);
    await setTag(db, '2401.00001', 'llm', false, 1003);
    const changes = await pending(db);
    expect(strip(changes)).toEqual([
      { kind: 'read', paper: '2401.00001', value: 1000 },
      { kind: 'note', paper: '2401.00001', value: 'good' },
      { kind: 'tag', paper: '2401.00001', tag: 'LLM', present: true },
      { kind: 'tag', paper: '2401.00001', tag: 'LLM', present: false },
    ]);
    const stamps = changes.map((c) => c.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(stamps.every((h) => h.endsWith(device))).toBe(true);
    expect((await localRow(db)).clock).toBe(stamps.at(-1));
    expect(await db.syncDocs.get('p:2401.00001')).toBeDefined();
  });

  it('a write that fails records nothing (one transaction)', async () => {
    const db = await recordingDb();
    await expect(
      db.transaction('rw', paperTables(db), async () => {
        await setPaperState(db, '2401.00002', { saved: true }, 5);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.papers.count()).toBe(0);
    expect(await db.syncPending.count()).toBe(0);
  });

  it('lists: create, members, order, delete; deletion and restore of papers; settings and rules', async () => {
    const db = await recordingDb();
    await setPaperState(db, '2401.00011', { saved: true }, 1);
    const list = await createList(db, 'Reading group', 2);
    await setListMembership(db, list.id, '2401.00011', true, 3);
    await setListMembership(db, list.id, '2401.00012', true, 4);
    await reorderList(db, list.id, ['2401.00012', '2401.00011'], 5);
    await writeSettings(db, { keyboard: false, rules: [{ tag: 'RL', phrases: ['reward'] }] }, 6);
    const deleted = await deletePapers(db, ['2401.00011']);
    await restorePapers(db, deleted);
    await deleteList(db, list.id);
    const kinds = strip(await pending(db)).map((c) => `${c.kind}:${'present' in c ? c.present : ''}`);
    expect(kinds).toContain('list:');
    expect(kinds).toContain('member:true');
    expect(kinds).toContain('position:');
    expect(kinds).toContain('setting:');
    expect(kinds).toContain('rule:');
    expect(kinds).toContain('paper-deleted:');
    expect(kinds).toContain('list-deleted:');
    expect(kinds.filter((k) => k === 'member:false').length).toBeGreaterThanOrEqual(2);
  });
});
