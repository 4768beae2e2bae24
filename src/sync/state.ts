/**
 * What a device knows after applying changes: per field, the winning change's value and stamp (a
 * last-writer-wins register). Nothing here is a list of events: a field holds one register however
 * many changes touched it, so the state of a 100,000-paper library is the size of the library.
 * Removals stay as registers too (a removed tag, a deleted paper), so a late add with an older
 * stamp cannot bring them back.
 *
 * stateToChanges() writes the state back as changes, one per register: applying them to an empty
 * state gives the same state. That is what a snapshot holds (log-format.ts), and how two states
 * merge (merge.ts).
 */
import type { Change, Metadata, SyncedSettingKey } from './changes';
import type { Hlc } from './hlc';

export interface Reg<T> {
  v: T;
  h: Hlc;
}

export interface PaperDoc {
  read?: Reg<number | null>;
  saved?: Reg<number | null>;
  opened?: Reg<number | null>;
  note?: Reg<string>;
  /** One register per bibliographic field: two devices may each know a different field. */
  meta: { [K in keyof Metadata]?: Reg<Metadata[K]> };
  /** By the tag in lower case (tags match whatever their case); `name` is the spelling shown. */
  tags: Map<string, Reg<{ name: string; present: boolean }>>;
  deleted?: Reg<boolean>;
}

export interface ListDoc {
  name?: Reg<string>;
  deleted?: Reg<boolean>;
  members: Map<string, Reg<boolean>>;
  positions: Map<string, Reg<string>>;
}

export interface SyncState {
  papers: Map<string, PaperDoc>;
  lists: Map<string, ListDoc>;
  /** Keyword rules by their tag in lower case; `phrases: null` once removed. */
  rules: Map<string, Reg<{ tag: string; phrases: string[] | null }>>;
  settings: Map<SyncedSettingKey, Reg<unknown>>;
}

export const emptyState = (): SyncState => ({
  papers: new Map(),
  lists: new Map(),
  rules: new Map(),
  settings: new Map(),
});

export const emptyPaper = (): PaperDoc => ({ meta: {}, tags: new Map() });

export const emptyList = (): ListDoc => ({ members: new Map(), positions: new Map() });

/** The tag key: "LLM" and "llm" are one tag (model.ts `sameTag`). */
export const tagKey = (tag: string): string => tag.toLowerCase();

/** Every register as the change that sets it. */
export function* stateToChanges(state: SyncState): Generator<Change> {
  for (const [paper, doc] of state.papers) {
    for (const kind of ['read', 'saved', 'opened'] as const) {
      const reg = doc[kind];
      if (reg) yield { kind, hlc: reg.h, paper, value: reg.v };
    }
    if (doc.note) yield { kind: 'note', hlc: doc.note.h, paper, value: doc.note.v };
    for (const [field, reg] of Object.entries(doc.meta) as [keyof Metadata, Reg<unknown>][]) {
      yield { kind: 'meta', hlc: reg.h, paper, value: { [field]: reg.v } };
    }
    for (const reg of doc.tags.values()) {
      yield { kind: 'tag', hlc: reg.h, paper, tag: reg.v.name, present: reg.v.present };
    }
    if (doc.deleted) yield { kind: 'paper-deleted', hlc: doc.deleted.h, paper, deleted: doc.deleted.v };
  }
  for (const [list, doc] of state.lists) {
    if (doc.name) yield { kind: 'list', hlc: doc.name.h, list, name: doc.name.v };
    if (doc.deleted) yield { kind: 'list-deleted', hlc: doc.deleted.h, list, deleted: doc.deleted.v };
    for (const [paper, reg] of doc.members) yield { kind: 'member', hlc: reg.h, list, paper, present: reg.v };
    for (const [paper, reg] of doc.positions) yield { kind: 'position', hlc: reg.h, list, paper, position: reg.v };
  }
  for (const reg of state.rules.values()) yield { kind: 'rule', hlc: reg.h, tag: reg.v.tag, phrases: reg.v.phrases };
  for (const [key, reg] of state.settings) yield { kind: 'setting', hlc: reg.h, key, value: reg.v } as Change;
}
