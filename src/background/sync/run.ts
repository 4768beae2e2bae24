/**
 * One sync run: upload this device's pending changes, read what the other devices wrote since
 * the last run, merge it in, and tell open tabs. One run at a time per device (scheduler.ts).
 *
 *   1. The folder and this device's folder exist (MKCOL, parents included).
 *   2. The first run after sync is turned on records the library as it is (sync-bootstrap.ts).
 *   3. Pending changes go up as the next log chunk(s).
 *   4. If the folder holds none of this device's files (first run, or the folder was emptied),
 *      everything this device knows goes up as a snapshot: an emptied server gets the library back.
 *   5. The other devices' unread files are read and decoded; bad files become warnings.
 *   6. Guard: if the changes would remove or mark unread more than 10 % of the library (and more
 *      than one paper), nothing is applied until the user confirms.
 *   7. The changes are applied in small transactions, each after the user's requests
 *      (`turn`); then the read marks move, so a run cut off before this reads the files again
 *      (applying is idempotent).
 */
import { deviceFolder } from '../../sync/layout';
import { HybridClock, compareHlc } from '../../sync/hlc';
import type { Change } from '../../sync/changes';
import type { WebDavClient } from '../../sync/webdav/client';
import type { PapershelfDb } from '../../db/schema';
import { applyRemote, planRemote, type Applied, type RemotePlan } from '../../db/sync-apply';
import { bootstrapDocs } from '../../db/sync-bootstrap';
import {
  localRow,
  readMark,
  readOwn,
  saveClock,
  writeMark,
  writeOwn,
  type OwnFiles,
  type ReadMark,
} from '../../db/sync-store';
import { listFolder, readDevice } from './remote';
import { uploadPending, uploadSnapshot } from './upload';

export interface RunDeps {
  db: PapershelfDb;
  client: WebDavClient;
  now: () => number;
  /** Resolves when background work may start its next transaction (the worker's priority gate). */
  turn?: () => Promise<void>;
  /** Stamps what a write transaction is about to make true (PaperState.asOf). */
  stamp?: () => number;
  /** What the user confirmed for a run that stopped at the guard. */
  confirmed?: { deletes: number; unreads: number };
}

export type RunResult =
  | { kind: 'done'; uploaded: number; received: number; applied: Applied; warnings: string[] }
  | { kind: 'needs-confirmation'; plan: RemotePlan; warnings: string[] };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether this device's files on the server are not what it wrote: none there yet (the first run),
 * the folder emptied, a file deleted or cut short. A new snapshot then puts everything back.
 */
export function damaged(own: OwnFiles, listed: Record<string, number> | undefined): boolean {
  const there = listed ?? {};
  if (own.snapshot === 0 || Object.keys(there).length === 0) return true;
  return Object.entries(own.sizes ?? {}).some(([name, size]) => there[name] !== size);
}

/** More than 10 % of the library, and more than one paper. */
export function needsConfirmation(plan: RemotePlan, confirmed?: { deletes: number; unreads: number }): boolean {
  const risky = plan.deletes + plan.unreads;
  if (risky <= Math.max(1, plan.library * 0.1)) return false;
  return !(confirmed && plan.deletes <= confirmed.deletes && plan.unreads <= confirmed.unreads);
}

export async function runSync(deps: RunDeps): Promise<RunResult> {
  const { db, client, now } = deps;
  const turn = deps.turn ?? (async () => undefined);
  const { device } = await localRow(db);
  await client.mkcol(deviceFolder(device));
  const own = await readOwn(db);
  if (!own.bootstrapped) {
    await bootstrapDocs(db, device, now(), turn);
    await writeOwn(db, { ...(await readOwn(db)), bootstrapped: true });
  }
  const uploaded = await uploadPending(db, client, device);
  const listing = await listFolder(client);
  if (damaged(await readOwn(db), listing.devices.get(device)?.sizes)) await uploadSnapshot(db, client, device);

  const warnings = [...listing.warnings];
  const changes: Change[] = [];
  const marks = new Map<string, ReadMark>();
  for (const [other, files] of listing.devices) {
    if (other === device) continue;
    const read = await readDevice(client, other, files, await readMark(db, other));
    changes.push(...read.changes);
    warnings.push(...read.warnings);
    marks.set(other, read.mark);
  }
  warnings.push(...(await receiveClock(db, device, changes, now)));

  const plan = await planRemote(db, changes);
  if (needsConfirmation(plan, deps.confirmed)) return { kind: 'needs-confirmation', plan, warnings };
  const applied = await applyRemote(db, changes, now(), turn, deps.stamp);
  for (const [other, mark] of marks) await writeMark(db, other, mark);
  return { kind: 'done', uploaded, received: changes.length, applied, warnings };
}

/**
 * Moves this device's clock past every stamp received, so an edit made after seeing a change
 * orders after it, whatever the wall clocks say. A device more than a day ahead is named.
 */
async function receiveClock(db: PapershelfDb, device: string, changes: Change[], now: () => number) {
  if (!changes.length) return [];
  const latest = new Map<string, string>();
  for (const c of changes) {
    const from = c.hlc.slice(c.hlc.lastIndexOf('.') + 1);
    const seen = latest.get(from);
    if (seen === undefined || compareHlc(c.hlc, seen) > 0) latest.set(from, c.hlc);
  }
  const clock = new HybridClock(device, (await localRow(db)).clock || undefined, now);
  const warnings: string[] = [];
  for (const stamp of latest.values()) {
    const skew = clock.receive(stamp);
    if (skew) {
      const hours = Math.round(skew.aheadMs / (DAY_MS / 24));
      warnings.push(
        `The clock of device ${skew.device} is ${hours} hours ahead: its changes may win over later ones until it is set right.`,
      );
    }
  }
  await saveClock(db, clock.last);
  return warnings;
}
