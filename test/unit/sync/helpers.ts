import type { Change } from '../../../src/sync/changes';
import { applyChanges } from '../../../src/sync/merge';
import { emptyState, stateToChanges, type SyncState } from '../../../src/sync/state';
import { libraryView } from '../../../src/sync/view';

export const stateOf = (changes: Iterable<Change>): SyncState => applyChanges(emptyState(), changes);

/** JSON with every object's keys sorted, so equal values print alike. */
export function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every register, in one order: two states are equal when these are. */
export const canonical = (state: SyncState): string[] => [...stateToChanges(state)].map(stable).sort();

/** What both devices would show, and the registers underneath. */
export const fingerprint = (state: SyncState) => ({ view: stable(libraryView(state)), state: canonical(state) });
