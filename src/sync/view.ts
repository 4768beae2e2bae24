/**
 * The library a state stands for: what a device shows and writes to its database. A pure
 * function of the state, so devices with equal states show equal libraries, in the same order.
 *
 * Tombstones: a deleted paper is gone with what the user had given it (read, saved, opened, note,
 * tags) up to the deletion. What anyone does to it later (on a device that had not yet heard of
 * the deletion, or after it) brings it back with only that, so no later action is lost; the same
 * holds for lists and their members. Bibliographic fields are facts, not the user's doing: they
 * show whenever the paper does. A deletion undone (`deleted: false`) shows everything again.
 */
import type { Metadata, SyncedSettingKey } from './changes';
import { compareHlc, type Hlc } from './hlc';
import type { ListDoc, PaperDoc, Reg, SyncState } from './state';

export interface PaperView {
  id: string;
  meta: Metadata;
  readAt?: number;
  savedAt?: number;
  openedAt?: number;
  note?: string;
  /** Sorted by the tag in lower case. */
  tags: string[];
}

export interface ListView {
  id: string;
  name: string;
  /** In the list's order: by position, then by paper id where two devices drew the same one. */
  papers: string[];
}

export interface LibraryView {
  /** Sorted by id. */
  papers: PaperView[];
  lists: ListView[];
  rules: { tag: string; phrases: string[] }[];
  settings: Partial<Record<SyncedSettingKey, unknown>>;
}

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The stamp before which a tombstone hides the user's changes, or undefined when none does. */
const hiddenUntil = (deleted: Reg<boolean> | undefined): Hlc | undefined => (deleted?.v ? deleted.h : undefined);
const shows = (reg: Reg<unknown> | undefined, until: Hlc | undefined): boolean =>
  reg !== undefined && (until === undefined || compareHlc(reg.h, until) > 0);

function* paperRegs(doc: PaperDoc): Generator<Reg<unknown>> {
  if (doc.read) yield doc.read;
  if (doc.saved) yield doc.saved;
  if (doc.opened) yield doc.opened;
  if (doc.note) yield doc.note;
  yield* Object.values(doc.meta) as Reg<unknown>[];
  yield* doc.tags.values();
}

/**
 * Whether the paper shows: it has something and no tombstone hides it all. `joined` is the latest
 * stamp at which it was put in a list: that too is something done to it after a deletion.
 */
export function paperVisible(doc: PaperDoc, joined?: Hlc): boolean {
  const until = hiddenUntil(doc.deleted);
  if (joined !== undefined && until !== undefined && compareHlc(joined, until) > 0) return true;
  for (const reg of paperRegs(doc)) if (shows(reg, until)) return true;
  return false;
}

export function paperView(id: string, doc: PaperDoc, joined?: Hlc): PaperView | undefined {
  if (!paperVisible(doc, joined)) return undefined;
  const until = hiddenUntil(doc.deleted);
  const view: PaperView = { id, meta: {}, tags: [] };
  for (const [field, reg] of Object.entries(doc.meta) as [keyof Metadata, Reg<never>][]) view.meta[field] = reg.v;
  for (const [kind, out] of [
    ['read', 'readAt'],
    ['saved', 'savedAt'],
    ['opened', 'openedAt'],
  ] as const) {
    const reg = doc[kind];
    if (shows(reg, until) && reg!.v !== null) view[out] = reg!.v;
  }
  if (shows(doc.note, until) && doc.note!.v !== '') view.note = doc.note!.v;
  view.tags = [...doc.tags]
    .filter(([, reg]) => reg.v.present && shows(reg, until))
    .sort(byKey)
    .map(([, reg]) => reg.v.name);
  return view;
}

export function listView(id: string, doc: ListDoc, shown: (paper: string) => boolean): ListView | undefined {
  if (!doc.name) return undefined;
  const until = hiddenUntil(doc.deleted);
  const regs = [doc.name, ...doc.members.values(), ...doc.positions.values()];
  if (until !== undefined && !regs.some((reg) => shows(reg, until))) return undefined;
  const members: [string, string][] = [];
  for (const [paper, reg] of doc.members) {
    if (!reg.v || !shows(reg, until) || !shown(paper)) continue;
    // A member whose position has not arrived yet goes last: U+FFFF sorts above every position.
    members.push([doc.positions.get(paper)?.v ?? '\uffff', paper]);
  }
  members.sort((a, b) => byKey(a, b) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return { id, name: doc.name.v, papers: members.map(([, paper]) => paper) };
}

/** Per paper, the latest stamp at which it was put in any list. */
function joinedAt(state: SyncState): Map<string, Hlc> {
  const joined = new Map<string, Hlc>();
  for (const list of state.lists.values()) {
    for (const [paper, reg] of list.members) {
      const seen = joined.get(paper);
      if (reg.v && (seen === undefined || compareHlc(reg.h, seen) > 0)) joined.set(paper, reg.h);
    }
  }
  return joined;
}

export function libraryView(state: SyncState): LibraryView {
  const joined = joinedAt(state);
  const papers: PaperView[] = [];
  const hidden = new Set<string>();
  for (const [id, doc] of [...state.papers].sort(byKey)) {
    const view = paperView(id, doc, joined.get(id));
    if (view) papers.push(view);
    else hidden.add(id);
  }
  const lists: ListView[] = [];
  for (const [id, doc] of [...state.lists].sort(byKey)) {
    const view = listView(id, doc, (paper) => !hidden.has(paper));
    if (view) lists.push(view);
  }
  const rules = [...state.rules]
    .sort(byKey)
    .flatMap(([, reg]) => (reg.v.phrases ? [{ tag: reg.v.tag, phrases: reg.v.phrases }] : []));
  const settings: LibraryView['settings'] = {};
  for (const [key, reg] of [...state.settings].sort(byKey)) settings[key] = reg.v;
  return { papers, lists, rules, settings };
}
