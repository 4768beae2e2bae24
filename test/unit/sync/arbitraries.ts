/**
 * Changes drawn from small domains (three devices, a handful of papers, tags and lists, walls a
 * few milliseconds apart), so the same field is touched often and stamps collide: the cases where
 * a merge could depend on order.
 */
import fc from 'fast-check';
import type { Change } from '../../../src/sync/changes';
import { formatHlc, type Hlc } from '../../../src/sync/hlc';
import { positionsFor } from '../../../src/sync/order';

export const DEVICES = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'];
const PAPERS = ['2401.00001', '2401.00002', '2401.00003'];
const LISTS = ['list-a', 'list-b'];
const TAGS = ['LLM', 'llm', 'vision'];
const POSITIONS = positionsFor(4);
const BASE = 1_767_000_000_000;

export const hlcArb: fc.Arbitrary<Hlc> = fc
  .record({
    wall: fc.integer({ min: 0, max: 4 }),
    counter: fc.integer({ min: 0, max: 2 }),
    device: fc.constantFrom(...DEVICES),
  })
  .map(({ wall, counter, device }) => formatHlc({ wall: BASE + wall, counter, device }));

const paper = fc.constantFrom(...PAPERS);
const list = fc.constantFrom(...LISTS);
const time = fc.option(fc.integer({ min: BASE, max: BASE + 5 }), { nil: null });

export const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constantFrom('read', 'saved', 'opened'), hlc: hlcArb, paper, value: time }),
  fc.record({ kind: fc.constant('note'), hlc: hlcArb, paper, value: fc.constantFrom('', 'good', 'see §3') }),
  fc.record({
    kind: fc.constant('meta'),
    hlc: hlcArb,
    paper,
    value: fc.oneof(
      fc.record({ title: fc.constantFrom('A', 'B') }),
      fc.record({ title: fc.constantFrom('A', 'C'), authors: fc.constantFrom(['X'], ['Y', 'Z']) }),
    ),
  }),
  fc.record({ kind: fc.constant('tag'), hlc: hlcArb, paper, tag: fc.constantFrom(...TAGS), present: fc.boolean() }),
  fc.record({ kind: fc.constant('paper-deleted'), hlc: hlcArb, paper, deleted: fc.boolean() }),
  fc.record({ kind: fc.constant('list'), hlc: hlcArb, list, name: fc.constantFrom('Reading group', 'Thesis') }),
  fc.record({ kind: fc.constant('list-deleted'), hlc: hlcArb, list, deleted: fc.boolean() }),
  fc.record({ kind: fc.constant('member'), hlc: hlcArb, list, paper, present: fc.boolean() }),
  fc.record({ kind: fc.constant('position'), hlc: hlcArb, list, paper, position: fc.constantFrom(...POSITIONS) }),
  fc.record({
    kind: fc.constant('rule'),
    hlc: hlcArb,
    tag: fc.constantFrom(...TAGS),
    phrases: fc.constantFrom(null, ['language model'], ['transformer', 'attention']),
  }),
  fc.record({ kind: fc.constant('setting'), hlc: hlcArb, key: fc.constant('keyboard'), value: fc.boolean() }),
  fc.record({
    kind: fc.constant('setting'),
    hlc: hlcArb,
    key: fc.constant('keepSeen'),
    value: fc.constantFrom('forever', 'month'),
  }),
) as fc.Arbitrary<Change>;

/** A list of changes, and the same changes in another order. */
export const permutedArb = fc
  .array(changeArb, { maxLength: 60 })
  .chain((changes) =>
    fc.tuple(
      fc.constant(changes),
      fc.shuffledSubarray(changes, { minLength: changes.length, maxLength: changes.length }),
    ),
  );
