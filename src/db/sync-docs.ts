/**
 * The sync state kept in the database, one row per paper, list, keyword rule and setting: the
 * winning change of each of its fields (a register, src/sync/state.ts). A local change and a change
 * from another device go through the same merge (src/sync/merge.ts), so what this device shows
 * and what it would write in a snapshot are always the core's answer.
 */
import { applyChanges } from '../sync/merge';
import { emptyState, stateToChanges, tagKey, type SyncState } from '../sync/state';
import type { Change } from '../sync/changes';
import type { SyncDoc } from './schema';

/** The row a change belongs to. */
export function docKey(change: Change): string {
  switch (change.kind) {
    case 'list':
    case 'list-deleted':
      return `l:${change.list}`;
    case 'member':
    case 'position':
      return `l:${change.list}`;
    case 'rule':
      return `r:${tagKey(change.tag)}`;
    case 'setting':
      return `s:${change.key}`;
    default:
      return `p:${change.paper}`;
  }
}

/** The state of the given rows, as the core holds it. */
export function stateOf(docs: readonly (SyncDoc | undefined)[]): SyncState {
  const state = emptyState();
  for (const doc of docs) if (doc) applyChanges(state, doc.changes);
  return state;
}

/** The rows of a state, by key (each row rebuilt from its registers). */
export function docsOf(state: SyncState): Map<string, SyncDoc> {
  const docs = new Map<string, SyncDoc>();
  for (const change of stateToChanges(state)) {
    const k = docKey(change);
    let doc = docs.get(k);
    if (!doc) docs.set(k, (doc = { k, changes: [] }));
    doc.changes.push(change);
  }
  return docs;
}

/** Groups changes by row. */
export function byDoc(changes: Iterable<Change>): Map<string, Change[]> {
  const out = new Map<string, Change[]>();
  for (const c of changes) {
    const k = docKey(c);
    const list = out.get(k);
    if (list) list.push(c);
    else out.set(k, [c]);
  }
  return out;
}
