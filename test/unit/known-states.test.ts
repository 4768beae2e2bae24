import { describe, expect, it } from 'vitest';
import { KnownStates } from '../../src/content/known-states';
import type { PaperState } from '../../src/shared/model';

const state = (id: string, read: boolean, asOf: number): PaperState => ({
  id,
  read,
  saved: false,
  tags: [],
  note: '',
  suggestions: [],
  asOf,
});

describe('KnownStates', () => {
  it('keeps a pushed change over an answer read before it, and shows the newer one again', () => {
    const shown: string[] = [];
    const known = new KnownStates((s) => shown.push(`${s.id}:${s.read}`));
    known.take(state('a', true, 20));
    known.take(state('a', false, 10));
    known.take(state('b', false, 10));
    expect(known.get('a')).toEqual(state('a', true, 20));
    expect(known.get('b')).toEqual(state('b', false, 10));
    // The late answer settles the card on the newer state rather than being dropped unseen.
    expect(shown).toEqual(['a:true', 'a:true', 'b:false']);
  });

  it('takes a state read after the one it has', () => {
    const known = new KnownStates(() => {});
    known.take(state('a', true, 10));
    known.take(state('a', false, 11));
    expect(known.get('a')?.read).toBe(false);
  });

  it('takes the same reading twice (a push and the answer it preceded)', () => {
    const known = new KnownStates(() => {});
    known.take(state('a', true, 10));
    known.take({ ...state('a', true, 10), tags: ['x'] });
    expect(known.get('a')?.tags).toEqual(['x']);
  });
});
