/**
 * Where sync's files sit in the user's folder on the server. No file has two writers: each device
 * writes only under `devices/<its id>/`, and only reads the other devices' folders.
 *
 *   devices/<id>/log-000001.json.gz        the device's changes, in numbered chunks, never rewritten
 *   devices/<id>/snapshot-000003.json.gz   the whole state as the device knew it (log-format.ts)
 *   devices/<id>/log-000002.json.gz.tmp-<nonce>   a file being uploaded; moved into place when whole
 *
 * A file is uploaded under its temporary name and then moved to its own, so a reader never takes
 * a half-written file for a chunk. Names read from the server are checked here before they become
 * a path or a number: anything else in the folder is foreign, and ignored with a warning.
 */
import { isDeviceId } from './device';

export const DEVICES = 'devices';
const CHUNK_DIGITS = 6;
/** A billion chunks: far beyond any library, and it keeps chunk numbers exact integers. */
export const MAX_CHUNK = 999_999_999;

export type FileKind = 'log' | 'snapshot';

export type ParsedName =
  | { kind: FileKind; number: number }
  /** An upload in progress or cut off; its owner may delete it, nobody reads it. */
  | { kind: 'temp'; of: string };

export type ParsedPath = { ok: true; device: string; name: string; file: ParsedName } | { ok: false; reason: string };

const padded = (n: number) => String(n).padStart(CHUNK_DIGITS, '0');

function checkNumber(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CHUNK) throw new RangeError(`not a chunk number: ${n}`);
}

function checkDevice(device: string): void {
  if (!isDeviceId(device)) throw new RangeError(`not a device id: ${device}`);
}

export function deviceFolder(device: string): string {
  checkDevice(device);
  return `${DEVICES}/${device}`;
}

export function fileName(kind: FileKind, n: number): string {
  checkNumber(n);
  return `${kind}-${padded(n)}.json.gz`;
}

export const logPath = (device: string, n: number): string => `${deviceFolder(device)}/${fileName('log', n)}`;
export const snapshotPath = (device: string, n: number): string => `${deviceFolder(device)}/${fileName('snapshot', n)}`;

/** The name to upload `path` under before moving it into place; `nonce` makes two attempts differ. */
export function tempPath(path: string, nonce: string): string {
  if (!/^[a-z0-9]{4,32}$/.test(nonce)) throw new RangeError(`not a temporary-name nonce: ${nonce}`);
  return `${path}.tmp-${nonce}`;
}

const NAME = /^(log|snapshot)-(\d{6,9})\.json\.gz$/;
const TEMP = /^((?:log|snapshot)-\d{6,9}\.json\.gz)\.tmp-[a-z0-9]{4,32}$/;

/** One file name from a device's folder, or undefined when it is not one of ours. */
export function parseFileName(name: string): ParsedName | undefined {
  const temp = TEMP.exec(name);
  if (temp) return parseFileName(temp[1]!) ? { kind: 'temp', of: temp[1]! } : undefined;
  const m = NAME.exec(name);
  if (!m) return undefined;
  const n = Number(m[2]);
  // One spelling per number ("log-0000001" is not chunk 1), so two names never mean one chunk.
  if (n < 1 || n > MAX_CHUNK || m[2] !== padded(n)) return undefined;
  return { kind: m[1] as FileKind, number: n };
}

/** A path relative to the sync folder, as listed by the server (already percent-decoded). */
export function parsePath(path: string): ParsedPath {
  const parts = path.replace(/^\/+/, '').split('/');
  if (parts.length !== 3 || parts[0] !== DEVICES) return { ok: false, reason: 'not in a device folder' };
  const [, device, name] = parts as [string, string, string];
  if (!isDeviceId(device)) return { ok: false, reason: 'not a device id' };
  const file = parseFileName(name);
  if (!file) return { ok: false, reason: 'not a sync file name' };
  return { ok: true, device, name, file };
}
