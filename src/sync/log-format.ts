/**
 * The bytes of one sync file (a chunk of a device's log, or a snapshot): a standard gzip file
 * whose body is the JSON array of changes, with a small JSON header in the gzip header's extra
 * field (RFC 1952 FEXTRA, subfield "Ps"). So `gunzip` on the server shows the changes as JSON,
 * and a reader learns what a file is (format, version, device, number, count, body length and
 * SHA-256) from its first bytes, before inflating anything: a foreign, misplaced or future file is
 * refused without decompressing it, and the declared length caps how much a corrupt file inflates.
 *
 * decodeFile() never throws: every failure is a typed reason a caller can show and act on
 * (truncated: an upload cut off, fetch again later; corrupt; foreign: not ours, or in the wrong
 * place; future-version: a newer Papershelf wrote it, update).
 */
import * as v from 'valibot';
import { checkChange, type Change } from './changes';
import { isDeviceId } from './device';
import { parseHlc } from './hlc';
import { MAX_CHUNK, type FileKind } from './layout';

export const FORMAT = 'papershelf-sync';
export const FORMAT_VERSION = 1;
/** 256 MB of JSON: ten times a 100,000-paper snapshot; a header asking for more is not ours. */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));
const HeaderSchema = v.strictObject({
  format: v.literal(FORMAT),
  version: v.literal(FORMAT_VERSION),
  device: v.pipe(v.string(), v.check(isDeviceId, 'not a device id')),
  kind: v.picklist(['log', 'snapshot']),
  number: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_CHUNK)),
  count: Count,
  /** Length of the JSON body, and of the compressed part after the gzip header. */
  bytes: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(MAX_BODY_BYTES)),
  gzipBytes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_BODY_BYTES)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  /** Snapshots: the last log chunk of each device they include. */
  covers: v.optional(v.record(v.pipe(v.string(), v.check(isDeviceId)), Count)),
});
export type FileHeader = v.InferOutput<typeof HeaderSchema>;

export type RejectReason = 'truncated' | 'corrupt' | 'foreign' | 'future-version';
export type Decoded =
  { ok: true; header: FileHeader; changes: Change[] } | { ok: false; reason: RejectReason; detail: string };

export interface FileId {
  device: string;
  kind: FileKind;
  number: number;
}

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];
const FEXTRA = 0x04;
const SUBFIELD = [0x50, 0x73]; // "Ps"

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (bytes: Uint8Array) =>
  hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The file for `changes`, as device `id.device` writes it under `id.kind` number `id.number`. */
export async function encodeFile(
  id: FileId,
  changes: readonly Change[],
  covers?: Record<string, number>,
): Promise<Uint8Array> {
  const body = new TextEncoder().encode(JSON.stringify(changes));
  const gz = await gzip(body);
  const header: FileHeader = {
    format: FORMAT,
    version: FORMAT_VERSION,
    ...id,
    count: changes.length,
    bytes: body.length,
    gzipBytes: gz.length - 10,
    sha256: await sha256(body),
    ...(covers ? { covers } : {}),
  };
  const json = new TextEncoder().encode(JSON.stringify(v.parse(HeaderSchema, header)));
  const sub = json.length + 4;
  if (sub > 0xffff) throw new RangeError('sync file header too long');
  const out = new Uint8Array(gz.length + 2 + sub);
  out.set(gz.subarray(0, 10));
  out[3]! |= FEXTRA;
  out.set([sub & 0xff, sub >> 8, SUBFIELD[0]!, SUBFIELD[1]!, json.length & 0xff, json.length >> 8], 10);
  out.set(json, 16);
  out.set(gz.subarray(10), 12 + sub);
  return out;
}

const fail = (reason: RejectReason, detail: string): Decoded => ({ ok: false, reason, detail });

/** The header's JSON and where the compressed body starts, or why there is none. */
function readHeader(bytes: Uint8Array): { json: unknown; bodyAt: number } | Decoded {
  const known = Math.min(bytes.length, 3);
  for (let i = 0; i < known; i++) if (bytes[i] !== GZIP_MAGIC[i]) return fail('foreign', 'not a gzip file');
  if (bytes.length < 12) return fail('truncated', `only ${bytes.length} bytes`);
  if (!(bytes[3]! & FEXTRA)) return fail('foreign', 'a gzip file without a Papershelf header');
  const xlen = bytes[10]! | (bytes[11]! << 8);
  const bodyAt = 12 + xlen;
  if (bytes.length < bodyAt) return fail('truncated', 'the header is cut off');
  for (let at = 12; at + 4 <= bodyAt;) {
    const len = bytes[at + 2]! | (bytes[at + 3]! << 8);
    if (bytes[at] === SUBFIELD[0] && bytes[at + 1] === SUBFIELD[1]) {
      if (at + 4 + len > bodyAt) return fail('corrupt', 'the header runs past its field');
      try {
        return {
          json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at + 4, at + 4 + len))),
          bodyAt,
        };
      } catch {
        return fail('corrupt', 'the header is not JSON');
      }
    }
    at += 4 + len;
  }
  return fail('foreign', 'a gzip file without a Papershelf header');
}

function checkHeader(json: unknown, expect: FileId | undefined): FileHeader | Decoded {
  const rec = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (rec.format !== FORMAT) return fail('foreign', 'not a Papershelf sync file');
  if (typeof rec.version === 'number' && rec.version > FORMAT_VERSION) {
    return fail('future-version', `format version ${rec.version}; this Papershelf reads up to ${FORMAT_VERSION}`);
  }
  const parsed = v.safeParse(HeaderSchema, json);
  if (!parsed.success) return fail('corrupt', `header: ${parsed.issues[0].message}`);
  const h = parsed.output;
  if (expect && (h.device !== expect.device || h.kind !== expect.kind || h.number !== expect.number)) {
    return fail(
      'foreign',
      `a ${h.kind} ${h.number} of device ${h.device} where ${expect.kind} ${expect.number} of ${expect.device} belongs`,
    );
  }
  return h;
}

/** Inflates at most `limit` bytes; more means the header lied. */
async function gunzip(bytes: Uint8Array, limit: number): Promise<Uint8Array | Decoded> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > limit) {
        void reader.cancel().catch(() => {});
        return fail('corrupt', 'the body is longer than its header says');
      }
      parts.push(value);
    }
  } catch (e) {
    return fail('corrupt', `the body does not inflate (${e instanceof Error ? e.message : String(e)})`);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Reads one file. `expect` is what its path says it is (layout.ts): a file that claims to be
 * another device's, or another chunk, is foreign where it lies.
 */
export async function decodeFile(bytes: Uint8Array, expect?: FileId): Promise<Decoded> {
  try {
    const head = readHeader(bytes);
    if ('ok' in head) return head;
    const header = checkHeader(head.json, expect);
    if ('ok' in header) return header;
    const rest = bytes.length - head.bodyAt;
    if (rest < header.gzipBytes) return fail('truncated', `${rest} of ${header.gzipBytes} compressed bytes`);
    if (rest > header.gzipBytes) return fail('corrupt', `${rest - header.gzipBytes} bytes past the end`);
    const body = await gunzip(bytes, header.bytes);
    if ('ok' in body) return body;
    if (body.length !== header.bytes) return fail('corrupt', `${body.length} of ${header.bytes} body bytes`);
    if ((await sha256(body)) !== header.sha256) return fail('corrupt', 'the body does not match its SHA-256');
    const list: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    if (!Array.isArray(list) || list.length !== header.count) return fail('corrupt', `not ${header.count} changes`);
    const changes: Change[] = [];
    for (const [i, item] of list.entries()) {
      const checked = checkChange(item);
      if (!checked.ok) return fail('corrupt', `change ${i}: ${checked.error}`);
      // A log holds only its own device's changes; another device's stamp there is forged or misfiled.
      if (header.kind === 'log' && parseHlc(checked.change.hlc)?.device !== header.device) {
        return fail('corrupt', `change ${i} is stamped by another device`);
      }
      changes.push(checked.change);
    }
    return { ok: true, header, changes };
  } catch (e) {
    return fail('corrupt', e instanceof Error ? e.message : String(e));
  }
}
