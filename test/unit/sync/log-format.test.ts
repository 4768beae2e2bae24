import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/sync/changes';
import { formatHlc, parseHlc } from '../../../src/sync/hlc';
import { applyChanges } from '../../../src/sync/merge';
import { emptyState } from '../../../src/sync/state';
import { decodeFile, encodeFile, type Decoded, type FileId } from '../../../src/sync/log-format';
import { changeArb, DEVICES } from './arbitraries';
import { fingerprint, stateOf } from './helpers';

const [A, B] = DEVICES as [string, string];
const ID: FileId = { device: A, kind: 'log', number: 7 };
const own = (wall: number, counter = 0) => formatHlc({ wall: 1_767_000_000_000 + wall, counter, device: A });
const CHANGES: Change[] = [
  { kind: 'read', hlc: own(1), paper: '2401.00001', value: 1_767_000_000_001 },
  { kind: 'tag', hlc: own(2), paper: '2401.00001', tag: 'LLM', present: true },
  { kind: 'note', hlc: own(3), paper: '2401.00002', value: 'Compare with §4 — “robust”' },
];

/** The header's JSON and the rest of a file, to forge variants of it. */
function split(file: Uint8Array): { header: Record<string, unknown>; gzHead: Uint8Array; body: Uint8Array } {
  const xlen = file[10]! | (file[11]! << 8);
  const len = file[14]! | (file[15]! << 8);
  return {
    header: JSON.parse(new TextDecoder().decode(file.subarray(16, 16 + len))) as Record<string, unknown>,
    gzHead: file.subarray(0, 10),
    body: file.subarray(12 + xlen),
  };
}

function join(header: unknown, gzHead: Uint8Array, body: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(16 + json.length + body.length);
  out.set(gzHead);
  out.set([(json.length + 4) & 0xff, (json.length + 4) >> 8, 0x50, 0x73, json.length & 0xff, json.length >> 8], 10);
  out.set(json, 16);
  out.set(body, 16 + json.length);
  return out;
}

describe('sync file format', () => {
  it('round-trips any changes, for logs and snapshots', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(changeArb, { maxLength: 40 }),
        fc.integer({ min: 1, max: 999_999 }),
        async (changes, n) => {
          const id: FileId = { device: A, kind: 'snapshot', number: n };
          const decoded = await decodeFile(await encodeFile(id, changes, { [B]: 3 }), id);
          expect(decoded).toEqual({
            ok: true,
            header: expect.objectContaining({ ...id, count: changes.length }),
            changes,
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("devices' logs cut into chunk files, read in any order and some twice, give the library of all their changes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(changeArb, { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.nat(),
        async (changes, size, repeats, seed) => {
          // Each device's log holds only its own changes, in the order it made them.
          const files: { id: FileId; bytes: Uint8Array }[] = [];
          for (const device of DEVICES) {
            const own = changes.filter((c) => parseHlc(c.hlc)!.device === device);
            for (let at = 0, n = 1; at < own.length; at += size, n++) {
              const id: FileId = { device, kind: 'log', number: n };
              files.push({ id, bytes: await encodeFile(id, own.slice(at, at + size)) });
            }
          }
          const read = [...files, ...repeats.flatMap((r) => (files.length ? [files[r % files.length]!] : []))];
          const shuffled = read.map((f, i) => ({ f, k: (i * 7919 + seed) % 104_729 })).sort((a, b) => a.k - b.k);
          const state = emptyState();
          for (const { f } of shuffled) {
            const decoded = await decodeFile(f.bytes, f.id);
            expect(decoded.ok).toBe(true);
            applyChanges(state, (decoded as Extract<Decoded, { ok: true }>).changes);
          }
          expect(fingerprint(state)).toEqual(fingerprint(stateOf(changes)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is a standard gzip file: gunzip shows the changes as JSON, and the header names the file', async () => {
    const file = await encodeFile(ID, CHANGES);
    expect(JSON.parse(gunzipSync(file).toString('utf8'))).toEqual(CHANGES);
    expect(split(file).header).toMatchObject({
      format: 'papershelf-sync',
      version: 1,
      device: A,
      kind: 'log',
      count: 3,
    });
  });

  it('every cut-off copy of a file is refused as truncated', async () => {
    const file = await encodeFile(ID, CHANGES);
    for (let length = 0; length < file.length; length++) {
      expect(await decodeFile(file.subarray(0, length), ID), `cut at ${length}`).toMatchObject({
        ok: false,
        reason: 'truncated',
      });
    }
  });

  it('a file changed anywhere in its compressed body is refused as corrupt', async () => {
    const file = await encodeFile(ID, CHANGES);
    const bodyAt = file.length - split(file).body.length;
    for (let at = bodyAt; at < file.length; at++) {
      const bad = file.slice();
      bad[at]! ^= 0x20;
      expect(await decodeFile(bad, ID), `byte ${at}`).toMatchObject({ ok: false, reason: 'corrupt' });
    }
    expect(await decodeFile(new Uint8Array([...file, 0]), ID)).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('a header that lies about its body, or a record that breaks the rules, is corrupt', async () => {
    const file = await encodeFile(ID, CHANGES);
    const { header, gzHead, body } = split(file);
    for (const lie of [
      { sha256: '0'.repeat(64) },
      { count: 2 },
      { bytes: (header.bytes as number) - 1 },
      { number: 0 },
    ]) {
      expect(await decodeFile(join({ ...header, ...lie }, gzHead, body)), JSON.stringify(lie)).toMatchObject({
        ok: false,
        reason: 'corrupt',
      });
    }
    const invalid = await encodeFile(ID, [{ ...CHANGES[1]!, tag: 'a, b' } as Change]);
    expect(await decodeFile(invalid, ID)).toMatchObject({
      ok: false,
      reason: 'corrupt',
      detail: expect.stringMatching(/^change 0/),
    });
    const forged = await encodeFile(ID, [{ ...CHANGES[0]!, hlc: formatHlc({ wall: 1, counter: 0, device: B }) }]);
    expect(await decodeFile(forged, ID)).toMatchObject({
      ok: false,
      reason: 'corrupt',
      detail: expect.stringMatching(/another device/),
    });
  });

  it('a file that is not ours, or not where it lies, is foreign', async () => {
    const file = await encodeFile(ID, CHANGES);
    const { header, gzHead, body } = split(file);
    const foreign = [
      new TextEncoder().encode('<html>Not found</html>'),
      new Uint8Array(gzipSync('[]')),
      join({ ...header, format: 'floccus' }, gzHead, body),
    ];
    for (const bytes of foreign) expect(await decodeFile(bytes, ID)).toMatchObject({ ok: false, reason: 'foreign' });
    expect(await decodeFile(file, { ...ID, device: B })).toMatchObject({ ok: false, reason: 'foreign' });
    expect(await decodeFile(file, { ...ID, number: 8 })).toMatchObject({ ok: false, reason: 'foreign' });
  });

  it('a file from a newer format version is refused as such, before anything else is read', async () => {
    const { header, gzHead } = split(await encodeFile(ID, CHANGES));
    const future = join({ ...header, version: 2, somethingNew: true }, gzHead, new Uint8Array([1, 2, 3]));
    expect(await decodeFile(future, ID)).toMatchObject({ ok: false, reason: 'future-version' });
  });

  it('never throws, whatever the bytes', async () => {
    const file = await encodeFile(ID, CHANGES);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc
            .array(fc.tuple(fc.nat(file.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 })
            .map((flips) => {
              const bad = file.slice();
              for (const [at, x] of flips) bad[at]! ^= x;
              return bad;
            }),
        ),
        async (bytes) => {
          const decoded = await decodeFile(bytes, ID);
          // Flips in the gzip header's time or OS bytes leave a valid file: 'ok' is then right.
          expect(decoded.ok ? 'ok' : decoded.reason).toBeOneOf([
            'ok',
            'truncated',
            'corrupt',
            'foreign',
            'future-version',
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
