/**
 * Applying changes to a state (state.ts). Each change sets one register, and a register keeps the
 * change with the greatest HLC; the HLC ends with the device id, so two devices never tie unless
 * they are the same device. Taking a maximum under a total order is commutative, associative and
 * idempotent, so any order of the same changes, split over any chunks and with any repeats, ends
 * in the same state (test/unit/sync/merge.test.ts checks it with fast-check).
 *
 * For a full tie (the same stamp twice with two values, which only a corrupt or forged file can
 * hold) the value decides, removals first, so even then every device picks the same one.
 *
 * Sets (tags, list members) are registers per element: a removal is kept as a register, so an add
 * stamped before it loses and an add stamped after it wins. Deletions are registers too; view.ts
 * decides what a tombstone hides.
 */
import type { Change, Metadata } from './changes';
import { compareHlc, type Hlc } from './hlc';
import {
  emptyList,
  emptyPaper,
  stateToChanges,
  tagKey,
  type ListDoc,
  type PaperDoc,
  type Reg,
  type SyncState,
} from './state';

type Tie<T> = (a: T, b: T) => number;

const byJson: Tie<unknown> = (a, b) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
/** Among equal stamps the removal wins: a tag removed stays removed. */
const removalWins: Tie<{ present: boolean } | boolean> = (a, b) => {
  const pa = typeof a === 'boolean' ? a : a.present;
  const pb = typeof b === 'boolean' ? b : b.present;
  return pa === pb ? byJson(a, b) : pa ? -1 : 1;
};
/** `null` (unread, unsaved, a rule removed) sorts above any value under byJson. */
const nullWins: Tie<unknown> = byJson;

/** The register that wins between the current one and a change's (h, v). */
function pick<T>(current: Reg<T> | undefined, h: Hlc, v: T, tie: Tie<T>): Reg<T> {
  if (!current) return { v, h };
  const order = compareHlc(h, current.h);
  if (order > 0 || (order === 0 && tie(v, current.v) > 0)) return { v, h };
  return current;
}

function paperDoc(state: SyncState, id: string): PaperDoc {
  let doc = state.papers.get(id);
  if (!doc) state.papers.set(id, (doc = emptyPaper()));
  return doc;
}

function listDoc(state: SyncState, id: string): ListDoc {
  let doc = state.lists.get(id);
  if (!doc) state.lists.set(id, (doc = emptyList()));
  return doc;
}

function setIn<K, T>(map: Map<K, Reg<T>>, key: K, h: Hlc, v: T, tie: Tie<T>): void {
  const current = map.get(key);
  const next = pick(current, h, v, tie);
  if (next !== current) map.set(key, next);
}

/** Applies one checked change to the state, in place. */
export function applyChange(state: SyncState, change: Change): void {
  const h = change.hlc;
  switch (change.kind) {
    case 'read':
    case 'saved':
    case 'opened': {
      const doc = paperDoc(state, change.paper);
      doc[change.kind] = pick(doc[change.kind], h, change.value, nullWins);
      return;
    }
    case 'note': {
      const doc = paperDoc(state, change.paper);
      doc.note = pick(doc.note, h, change.value, byJson);
      return;
    }
    case 'meta': {
      const meta = paperDoc(state, change.paper).meta as Record<string, Reg<unknown> | undefined>;
      for (const [field, value] of Object.entries(change.value) as [keyof Metadata, unknown][]) {
        if (value !== undefined) meta[field] = pick(meta[field], h, value, byJson);
      }
      return;
    }
    case 'tag':
      setIn(
        paperDoc(state, change.paper).tags,
        tagKey(change.tag),
        h,
        { name: change.tag, present: change.present },
        removalWins,
      );
      return;
    case 'paper-deleted': {
      const doc = paperDoc(state, change.paper);
      // A deletion beats its undo at the same stamp: true sorts above false under byJson.
      doc.deleted = pick(doc.deleted, h, change.deleted, byJson);
      return;
    }
    case 'list': {
      const doc = listDoc(state, change.list);
      doc.name = pick(doc.name, h, change.name, byJson);
      return;
    }
    case 'list-deleted': {
      const doc = listDoc(state, change.list);
      doc.deleted = pick(doc.deleted, h, change.deleted, byJson);
      return;
    }
    case 'member':
      setIn(listDoc(state, change.list).members, change.paper, h, change.present, removalWins);
      return;
    case 'position':
      setIn(listDoc(state, change.list).positions, change.paper, h, change.position, byJson);
      return;
    case 'rule':
      setIn(state.rules, tagKey(change.tag), h, { tag: change.tag, phrases: change.phrases }, (a, b) =>
        a.phrases === null && b.phrases !== null ? 1 : b.phrases === null && a.phrases !== null ? -1 : byJson(a, b),
      );
      return;
    case 'setting':
      setIn(state.settings, change.key, h, change.value, byJson);
      return;
  }
}

export function applyChanges(state: SyncState, changes: Iterable<Change>): SyncState {
  for (const change of changes) applyChange(state, change);
  return state;
}

/** Merges `from` into `into` (in place): the same as applying every change `from` was made of. */
export function mergeState(into: SyncState, from: SyncState): SyncState {
  return applyChanges(into, stateToChanges(from));
}
