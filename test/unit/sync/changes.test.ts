import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkChange } from '../../../src/sync/changes';
import { formatHlc } from '../../../src/sync/hlc';
import { positionBetween } from '../../../src/sync/order';
import { changeArb, DEVICES } from './arbitraries';

const hlc = formatHlc({ wall: 1_767_000_000_000, counter: 0, device: DEVICES[0]! });
const read = { kind: 'read', hlc, paper: '2401.00001', value: null };

describe('change records read from another device', () => {
  it('accepts every change the library makes', () => {
    fc.assert(
      fc.property(changeArb, (change) => {
        expect(checkChange(change)).toEqual({ ok: true, change });
      }),
    );
  });

  it('refuses, with the reason, what no Papershelf writes', () => {
    for (const bad of [
      { ...read, kind: 'delete-everything' },
      { ...read, hlc: '2026-12-03T07:00:00Z' },
      { ...read, paper: '../../etc/passwd' },
      { ...read, value: 'yesterday' },
      { ...read, extra: 1 },
      { kind: 'meta', hlc, paper: '2401.00001', value: {} },
      { kind: 'position', hlc, paper: '2401.00001', list: 'list-a', position: 'a0 ' },
      { kind: 'position', hlc, paper: '2401.00001', list: 'list-a', position: 'a00' }, // a trailing zero
      { kind: 'setting', hlc, key: 'rules', value: [] }, // rules sync one at a time
      { kind: 'setting', hlc, key: 'keyboard', value: 'yes' },
    ]) {
      expect(checkChange(bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: expect.any(String) });
    }
  });

  it('accepts positions made between any two positions', () => {
    const a = positionBetween(undefined, undefined);
    const b = positionBetween(a, undefined);
    const mid = positionBetween(a, b);
    expect(a < mid && mid < b).toBe(true);
    expect(checkChange({ kind: 'position', hlc, paper: '2401.00001', list: 'list-a', position: mid }).ok).toBe(true);
  });
});
