import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newDeviceId } from '../../../src/sync/device';
import {
  fileName,
  logPath,
  MAX_CHUNK,
  parseFileName,
  parsePath,
  snapshotPath,
  tempPath,
} from '../../../src/sync/layout';
import { DEVICES } from './arbitraries';

const [A] = DEVICES as [string];

describe('folder layout', () => {
  it('each device writes under its own folder, and every name it writes reads back as what it is', () => {
    expect(logPath(A, 1)).toBe(`devices/${A}/log-000001.json.gz`);
    expect(snapshotPath(A, 12)).toBe(`devices/${A}/snapshot-000012.json.gz`);
    fc.assert(
      fc.property(
        fc.constantFrom('log' as const, 'snapshot' as const),
        fc.integer({ min: 1, max: MAX_CHUNK }),
        (kind, n) => {
          const path = kind === 'log' ? logPath(A, n) : snapshotPath(A, n);
          expect(parsePath(path)).toEqual({ ok: true, device: A, name: fileName(kind, n), file: { kind, number: n } });
          expect(parseFileName(tempPath(fileName(kind, n), 'k3j2x9'))).toEqual({ kind: 'temp', of: fileName(kind, n) });
        },
      ),
    );
  });

  it('a new device id is a valid folder name', () => {
    const id = newDeviceId();
    expect(parsePath(logPath(id, 3))).toMatchObject({ ok: true, device: id });
    expect(newDeviceId()).not.toBe(id);
  });

  it('names read from a server that are not ours are refused, never taken for a chunk', () => {
    for (const name of [
      'log-1.json.gz',
      'log-0000001.json.gz', // another spelling of chunk 1
      'log-000000.json.gz',
      'log-1000000000.json.gz',
      'log-000001.json',
      'LOG-000001.json.gz',
      'log-000001.json.gz.tmp-',
      'log-000001.json.gz.tmp-../x',
      'notes.txt',
      '.DS_Store',
    ]) {
      expect(parseFileName(name), name).toBeUndefined();
    }
    for (const path of [
      `devices/${A}`,
      `devices/${A}/sub/log-000001.json.gz`,
      `devices/../log-000001.json.gz`,
      `devices/${A.toUpperCase()}/log-000001.json.gz`,
      `devices/${A}%2F/log-000001.json.gz`,
      `other/${A}/log-000001.json.gz`,
      'log-000001.json.gz',
    ]) {
      expect(parsePath(path), path).toMatchObject({ ok: false });
    }
  });

  it('paths are only made from valid ids and numbers', () => {
    expect(() => logPath('../../etc', 1)).toThrow(RangeError);
    expect(() => logPath(A, 0)).toThrow(RangeError);
    expect(() => logPath(A, 1.5)).toThrow(RangeError);
    expect(() => tempPath(logPath(A, 1), '../x')).toThrow(RangeError);
  });
});
