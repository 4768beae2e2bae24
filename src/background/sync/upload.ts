/**
 * Writing this device's files: its pending changes as the next numbered log chunk, and, when the
 * folder has none of its files (sync just turned on, or the folder was emptied), a snapshot of
 * everything it knows. The client writes each file under a temporary name and moves it into
 * place, so others never read half a chunk.
 *
 * A chunk's content is fixed before its upload (`inFlight`: its number and last change): if the
 * connection is cut after the server stored it, the retry writes the same chunk again, never a
 * chunk with more in it under a number another device has already read.
 */
import { encodeFile } from '../../sync/log-format';
import { fileName, logPath, snapshotPath } from '../../sync/layout';
import type { WebDavClient } from '../../sync/webdav/client';
import type { PapershelfDb } from '../../db/schema';
import { readOwn, writeOwn } from '../../db/sync-store';

/** Changes per chunk: a few hundred kB of JSON, a few tens compressed. */
export const CHUNK = 5_000;

/** Uploads every pending change; returns how many. */
export async function uploadPending(db: PapershelfDb, client: WebDavClient, device: string): Promise<number> {
  let sent = 0;
  for (;;) {
    const own = await readOwn(db);
    const rows = own.inFlight
      ? await db.syncPending.where('seq').belowOrEqual(own.inFlight.lastSeq).toArray()
      : await db.syncPending.limit(CHUNK).toArray();
    if (!rows.length) {
      if (own.inFlight) await writeOwn(db, { ...own, inFlight: undefined });
      return sent;
    }
    const inFlight = own.inFlight ?? { number: own.log + 1, lastSeq: rows.at(-1)!.seq! };
    if (!own.inFlight) await writeOwn(db, { ...own, inFlight });
    const bytes = await encodeFile(
      { device, kind: 'log', number: inFlight.number },
      rows.map((r) => r.change),
    );
    await client.put(logPath(device, inFlight.number), bytes);
    await db.transaction('rw', db.sync, db.syncPending, async () => {
      await db.syncPending.where('seq').belowOrEqual(inFlight.lastSeq).delete();
      const now = await readOwn(db);
      const sizes = { ...now.sizes, [fileName('log', inFlight.number)]: bytes.length };
      await writeOwn(db, { ...now, log: inFlight.number, inFlight: undefined, sizes });
    });
    sent += rows.length;
  }
}

/** Uploads everything this device knows as its next snapshot; returns the bytes written. */
export async function uploadSnapshot(db: PapershelfDb, client: WebDavClient, device: string): Promise<number> {
  const own = await readOwn(db);
  const number = own.snapshot + 1;
  const changes = (await db.syncDocs.toArray()).flatMap((d) => d.changes);
  const bytes = await encodeFile({ device, kind: 'snapshot', number }, changes, { [device]: own.log });
  await client.put(snapshotPath(device, number), bytes);
  // Files a snapshot covers need no checking any more: it holds all they held.
  await writeOwn(db, {
    ...(await readOwn(db)),
    snapshot: number,
    sizes: { [fileName('snapshot', number)]: bytes.length },
  });
  return bytes.length;
}
