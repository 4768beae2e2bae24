// Two (or more) devices in one process: each a database of its own, syncing through one real
// Apache WebDAV folder (test/webdav/apache.ts).
import 'fake-indexeddb/auto';
import { openRecordingDatabase } from '../../../src/db/recording';
import type { PapershelfDb } from '../../../src/db/schema';
import { setRecording } from '../../../src/db/sync-store';
import { runSync, type RunResult } from '../../../src/background/sync/run';
import { WebDavClient } from '../../../src/sync/webdav/client';
import { entriesOf } from '../../../src/db/lists';
import { readSettings } from '../../../src/db/settings';
import { hasOwnState } from '../../../src/db/papers';
import type { DavServer } from '../../webdav/apache';

let n = 0;

export interface Device {
  db: PapershelfDb;
  /** The wall clock this device reads: tests move it. */
  clock: { offsetMs: number };
  sync(options?: {
    confirmed?: { deletes: number; unreads: number };
    origin?: string;
    password?: string;
  }): Promise<RunResult>;
}

export async function device(server: DavServer, folder: string): Promise<Device> {
  const clock = { offsetMs: 0 };
  const now = () => Date.now() + clock.offsetMs;
  const db = openRecordingDatabase(`device-${++n}-${Math.random().toString(36).slice(2)}`, { now });
  await setRecording(db, true);
  return {
    db,
    clock,
    sync: (options = {}) =>
      runSync({
        db,
        now,
        client: new WebDavClient({
          url: `${options.origin ?? server.origin}/dav/${folder}/`,
          user: server.user,
          password: options.password ?? server.password,
          timeoutMs: 10_000,
        }),
        ...(options.confirmed ? { confirmed: options.confirmed } : {}),
      }),
  };
}

/** What the user sees of the library: papers they did something with, lists, synced settings. */
export async function libraryOf(db: PapershelfDb) {
  const papers = (await db.papers.orderBy(':id').toArray())
    .filter((p) => hasOwnState(p))
    .map((p) => ({
      id: p.id,
      title: p.title,
      readAt: p.readAt,
      savedAt: p.savedAt,
      note: p.note,
      tags: [...(p.tags ?? [])].sort(),
    }));
  const lists = [];
  for (const l of await db.lists.orderBy('id').toArray()) {
    lists.push({ id: l.id, name: l.name, papers: (await entriesOf(db, l.id).toArray()).map((e) => e.paperId) });
  }
  const { keyboard, rules, tagColors, keepSeen } = await readSettings(db);
  return { papers, lists, settings: { keyboard, rules, tagColors, keepSeen } };
}
