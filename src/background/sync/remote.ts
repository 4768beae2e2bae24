/**
 * Reading the folder: which devices wrote what, and the other devices' files this device has not
 * taken in yet, decoded (src/sync/log-format.ts). Nothing here throws on a bad file: a truncated
 * one stops that device's reading until the next run (its upload may still be under way), a
 * corrupt or foreign one is skipped with a warning, a newer format waits for an update.
 */
import { DEVICES, fileName, parseFileName } from '../../sync/layout';
import { isDeviceId } from '../../sync/device';
import { decodeFile } from '../../sync/log-format';
import type { Change } from '../../sync/changes';
import type { WebDavClient } from '../../sync/webdav/client';
import { WebDavError } from '../../sync/webdav/errors';
import type { ReadMark } from '../../db/sync-store';

export interface DeviceFiles {
  logs: number[];
  snapshots: number[];
  /** Bytes of each sync file, by name, as the server lists them. */
  sizes: Record<string, number>;
}

export interface Listing {
  devices: Map<string, DeviceFiles>;
  warnings: string[];
}

/** Every device folder and its sync files; a folder without `devices/` (new or emptied) lists none. */
export async function listFolder(client: WebDavClient): Promise<Listing> {
  const devices = new Map<string, DeviceFiles>();
  const warnings: string[] = [];
  let top;
  try {
    top = await client.list(DEVICES);
  } catch (e) {
    if (e instanceof WebDavError && e.kind === 'not-found') return { devices, warnings };
    throw e;
  }
  for (const entry of top) {
    if (!entry.isCollection || !isDeviceId(entry.name)) {
      warnings.push(`Ignored “${DEVICES}/${entry.name}” in the sync folder: not a Papershelf device folder.`);
      continue;
    }
    const files: DeviceFiles = { logs: [], snapshots: [], sizes: {} };
    for (const f of await client.list(`${DEVICES}/${entry.name}`)) {
      const parsed = f.isCollection ? undefined : parseFileName(f.name);
      if (!parsed) {
        warnings.push(`Ignored “${DEVICES}/${entry.name}/${f.name}”: not a Papershelf sync file.`);
        continue;
      }
      if (parsed.kind === 'temp') continue;
      (parsed.kind === 'log' ? files.logs : files.snapshots).push(parsed.number);
      if (f.size !== undefined) files.sizes[f.name] = f.size;
    }
    files.logs.sort((a, b) => a - b);
    files.snapshots.sort((a, b) => a - b);
    devices.set(entry.name, files);
  }
  return { devices, warnings };
}

export interface DeviceRead {
  changes: Change[];
  /** The mark to keep once these changes are applied. */
  mark: ReadMark;
  warnings: string[];
}

/**
 * The changes of one other device that `mark` says were not taken in: its newest snapshot if
 * there is a newer one (it holds all the device knew), then its later log chunks in order.
 */
export async function readDevice(
  client: WebDavClient,
  device: string,
  files: DeviceFiles,
  mark: ReadMark,
): Promise<DeviceRead> {
  const changes: Change[] = [];
  const warnings: string[] = [];
  const next: ReadMark = { ...mark };
  const fetchDecoded = async (kind: 'log' | 'snapshot', number: number) => {
    const path = `${DEVICES}/${device}/${fileName(kind, number)}`;
    const { body } = await client.get(path);
    return { path, decoded: await decodeFile(body, { device, kind, number }) };
  };
  const newest = files.snapshots.at(-1);
  if (newest !== undefined && newest > mark.snapshot) {
    const { path, decoded } = await fetchDecoded('snapshot', newest);
    if (decoded.ok) {
      changes.push(...decoded.changes);
      next.snapshot = newest;
      next.log = Math.max(next.log, decoded.header.covers?.[device] ?? 0);
    } else if (decoded.reason === 'truncated') {
      return { changes: [], mark, warnings };
    } else {
      warnings.push(skipWarning(path, decoded.reason));
      next.snapshot = newest;
    }
  }
  for (const n of files.logs) {
    if (n <= next.log) continue;
    const { path, decoded } = await fetchDecoded('log', n);
    if (decoded.ok) changes.push(...decoded.changes);
    else if (decoded.reason === 'truncated') break;
    else if (decoded.reason === 'future-version') {
      warnings.push(skipWarning(path, decoded.reason));
      break;
    } else warnings.push(skipWarning(path, decoded.reason));
    next.log = n;
  }
  return { changes, mark: next, warnings };
}

function skipWarning(path: string, reason: string): string {
  if (reason === 'future-version') return `“${path}” was written by a newer Papershelf: update to read it.`;
  return `Skipped “${path}”: the file is ${reason === 'corrupt' ? 'damaged' : 'not a Papershelf sync file'}.`;
}
