import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/sync/changes';
import { formatHlc } from '../../../src/sync/hlc';
import { applyChanges, mergeState } from '../../../src/sync/merge';
import { emptyState, stateToChanges } from '../../../src/sync/state';
import { libraryView } from '../../../src/sync/view';
import { changeArb, DEVICES, permutedArb } from './arbitraries';
import { canonical, fingerprint, stateOf } from './helpers';

const RUNS = { numRuns: 300 };

describe('merge: every device ends with the same library', () => {
  it('applying the same changes in any order gives the same library', () => {
    fc.assert(
      fc.property(permutedArb, ([changes, shuffled]) => {
        expect(fingerprint(stateOf(shuffled))).toEqual(fingerprint(stateOf(changes)));
      }),
      RUNS,
    );
  });

  it('split into chunks merged in any order, with chunks and changes repeated, gives the same library', () => {
    fc.assert(
      fc.property(
        permutedArb.chain(([changes, shuffled]) =>
          fc.tuple(
            fc.constant(changes),
            // Cut the shuffled changes into chunks, then repeat some chunks and some changes.
            fc.array(fc.nat(shuffled.length), { maxLength: 6 }).map((cuts) => {
              const at = [0, ...[...new Set(cuts)].sort((a, b) => a - b), shuffled.length];
              return at.slice(1).map((end, i) => shuffled.slice(at[i], end));
            }),
            fc.array(fc.nat(), { maxLength: 8 }),
          ),
        ),
        ([changes, chunks, repeats]) => {
          const repeated = [...chunks, ...repeats.flatMap((r) => (chunks.length ? [chunks[r % chunks.length]!] : []))];
          const dupes = repeats.flatMap((r) => (changes.length ? [changes[r % changes.length]!] : []));
          // Each chunk is applied by a device of its own; the devices then merge their states.
          const merged = repeated.map((chunk) => stateOf(chunk)).reduce(mergeState, stateOf(dupes));
          expect(fingerprint(merged)).toEqual(fingerprint(stateOf(changes)));
        },
      ),
      RUNS,
    );
  });

  it('merging states is commutative, associative and idempotent', () => {
    const states = fc.array(changeArb, { maxLength: 25 });
    fc.assert(
      fc.property(states, states, states, (a, b, c) => {
        const s = (changes: Change[]) => stateOf(changes);
        expect(canonical(mergeState(s(a), s(b)))).toEqual(canonical(mergeState(s(b), s(a))));
        expect(canonical(mergeState(mergeState(s(a), s(b)), s(c)))).toEqual(
          canonical(mergeState(s(a), mergeState(s(b), s(c)))),
        );
        expect(canonical(mergeState(s(a), s(a)))).toEqual(canonical(s(a)));
      }),
      RUNS,
    );
  });

  it('a state written as changes (a snapshot) and applied again is the same state', () => {
    fc.assert(
      fc.property(fc.array(changeArb, { maxLength: 60 }), (changes) => {
        const state = stateOf(changes);
        expect(fingerprint(stateOf([...stateToChanges(state)]))).toEqual(fingerprint(state));
      }),
      RUNS,
    );
  });
});

const [A, B] = DEVICES as [string, string];
const at = (wall: number, device: string, counter = 0) =>
  formatHlc({ wall: 1_767_000_000_000 + wall, counter, device });
const P = '2401.00001';
const tag = (hlc: string, name: string, present: boolean): Change => ({
  kind: 'tag',
  hlc,
  paper: P,
  tag: name,
  present,
});
const tagsOf = (changes: Change[]) => libraryView(stateOf(changes)).papers.find((p) => p.id === P)?.tags;

describe('tags are add/remove sets', () => {
  it('a tag removed on one device stays removed when the other device syncs its older add again', () => {
    const addOnA = tag(at(1, A), 'LLM', true);
    const removeOnB = tag(at(5, B), 'llm', false);
    expect(tagsOf([addOnA, removeOnB, addOnA])).toEqual([]);
    expect(tagsOf([removeOnB, addOnA])).toEqual([]);
  });

  it('a later re-add wins over the removal', () => {
    expect(tagsOf([tag(at(1, A), 'LLM', true), tag(at(5, B), 'LLM', false), tag(at(9, A), 'LLM', true)])).toEqual([
      'LLM',
    ]);
  });

  it('at the same stamp the removal wins, in either order', () => {
    const h = at(3, A);
    expect(tagsOf([tag(h, 'LLM', true), tag(h, 'LLM', false)])).toEqual([]);
    expect(tagsOf([tag(h, 'LLM', false), tag(h, 'LLM', true)])).toEqual([]);
  });

  it('whatever else happens, a removal stamped after every add of that tag keeps it off the paper', () => {
    fc.assert(
      fc.property(fc.array(changeArb, { maxLength: 60 }), (changes) => {
        // Stamped after every generated change (their walls are at most +4 ms).
        const removal = tag(at(10, B), 'vision', false);
        const all = [...changes.slice(0, changes.length / 2), removal, ...changes.slice(changes.length / 2)];
        expect(tagsOf(all) ?? []).not.toContain('vision');
      }),
      RUNS,
    );
  });
});

describe('fields, tombstones and lists', () => {
  it('the later stamp wins a field; a tie of stamps goes to the greater device id on every device', () => {
    const read = (hlc: string, value: number | null): Change => ({ kind: 'read', hlc, paper: P, value });
    expect(libraryView(stateOf([read(at(2, A), 7), read(at(1, B), null)])).papers[0]?.readAt).toBe(7);
    // B's value is the smaller, so only the device id can make it win.
    const tieA = read(at(2, A), 8);
    const tieB = read(at(2, B), 7);
    expect(libraryView(stateOf([tieA, tieB])).papers[0]?.readAt).toBe(7);
    expect(libraryView(stateOf([tieB, tieA])).papers[0]?.readAt).toBe(7);
  });

  it('a deleted paper loses what was given to it before; what is done later brings it back with that', () => {
    const meta: Change = { kind: 'meta', hlc: at(0, A), paper: P, value: { title: 'Attention' } };
    const early: Change[] = [meta, { kind: 'read', hlc: at(1, A), paper: P, value: 1 }, tag(at(1, A), 'LLM', true)];
    const del: Change = { kind: 'paper-deleted', hlc: at(5, A), paper: P, deleted: true };
    expect(libraryView(stateOf([...early, del])).papers).toEqual([]);
    const later = tag(at(7, B), 'vision', true);
    expect(libraryView(stateOf([later, del, ...early])).papers).toEqual([
      { id: P, meta: { title: 'Attention' }, tags: ['vision'] },
    ]);
    // Put in a list after the deletion: back, and in the list; in a list before it: gone from the list.
    const list: Change = { kind: 'list', hlc: at(0, B), list: 'list-a', name: 'Thesis' };
    const joinedBefore: Change = { kind: 'member', hlc: at(2, B), list: 'list-a', paper: P, present: true };
    expect(libraryView(stateOf([list, joinedBefore, del, ...early])).lists).toEqual([
      { id: 'list-a', name: 'Thesis', papers: [] },
    ]);
    const joinedAfter: Change = { ...joinedBefore, hlc: at(6, B) };
    expect(libraryView(stateOf([del, joinedAfter, list, ...early]))).toMatchObject({
      papers: [{ id: P, meta: { title: 'Attention' }, tags: [] }],
      lists: [{ id: 'list-a', papers: [P] }],
    });
    const undo: Change = { kind: 'paper-deleted', hlc: at(8, A), paper: P, deleted: false };
    expect(libraryView(stateOf([undo, ...early, del])).papers[0]).toMatchObject({ readAt: 1, tags: ['LLM'] });
  });

  it('a list keeps one order on every device, by position and then paper id where positions collide', () => {
    const changes: Change[] = [
      { kind: 'list', hlc: at(0, A), list: 'list-a', name: 'Thesis' },
      ...['2401.00003', '2401.00001', '2401.00002'].flatMap((paper, i): Change[] => [
        { kind: 'member', hlc: at(1, A, i), list: 'list-a', paper, present: true },
        // Two devices inserted 00001 and 00003 at the same place while apart: the same position.
        { kind: 'position', hlc: at(1, B, i), list: 'list-a', paper, position: paper === '2401.00002' ? 'a0' : 'a1' },
      ]),
    ];
    expect(libraryView(stateOf(changes)).lists).toEqual([
      { id: 'list-a', name: 'Thesis', papers: ['2401.00002', '2401.00001', '2401.00003'] },
    ]);
    expect(libraryView(applyChanges(emptyState(), [...changes].reverse())).lists[0]?.papers).toEqual([
      '2401.00002',
      '2401.00001',
      '2401.00003',
    ]);
  });
});
