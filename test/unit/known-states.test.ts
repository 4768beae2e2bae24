import { describe, expect, it } from 'vitest';
import { KnownStates } from '../../src/content/known-states';
import type { PaperState } from '../../src/shared/model';

const state = (id: string, read: boolean): PaperState => ({
  id,
  read,
  saved: false,
  tags: [],
  note: '',
  suggestions: [],
});

describe('KnownStates', () => {
  it('keeps a change over an answer to a request sent before it', () => {
    const shown: PaperState[] = [];
    const known = new KnownStates((s) => shown.push(s));
    const asked = known.asking();
    known.changed(state('a', true));
    known.answered(state('a', false), asked);
    known.answered(state('b', false), asked);
    expect(known.get('a')).toEqual(state('a', true));
    expect(known.get('b')).toEqual(state('b', false));
    expect(shown.map((s) => `${s.id}:${s.read}`)).toEqual(['a:true', 'b:false']);
  });

  it('applies an answer to a request sent after the change', () => {
    const known = new KnownStates(() => {});
    known.changed(state('a', true));
    known.answered(state('a', false), known.asking());
    expect(known.get('a')?.read).toBe(false);
  });
});
