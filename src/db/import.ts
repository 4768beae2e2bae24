/**
 * Merging imported papers into the library. Never overwrites blindly: a complete record (from a
 * Papershelf backup) wins field by field only where it is newer (later updatedAt); a partial one
 * (BibTeX, PaperMemory, pasted ids) only fills gaps and adds to lists. Importing the same file
 * twice changes nothing.
 */
import {
  INDEXING_FIELDS,
  sameTag,
  type ListEntry,
  type Paper,
  type PaperList,
  type SettingRecord,
} from '../shared/model';
import type { PartialPaper } from '../shared/records';
import { withDerived } from './papers';
import { entriesOf } from './lists';
import type { PapershelfDb } from './schema';

/** Whether the paper is read, saved or opened: a newer complete record decides these, present or not. */
const STATE_FIELDS = ['readAt', 'savedAt', 'openedAt'] as const;
const METADATA_FIELDS = [
  'title',
  'authors',
  'abstract',
  'version',
  'upvotes',
  'categories',
  'doi',
  'journalRef',
  'published',
  'note',
] as const;

/** Tags are united: an import adds tags, never takes one away. */
function unitedTags(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  const all = [...(a ?? [])];
  for (const t of b ?? []) if (!all.some((x) => sameTag(x, t))) all.push(t);
  return all.length ? all : undefined;
}

const isEmpty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Equal in everything the user or a source said; the worker's indexing fields are not compared. */
function sameRecord(a: Paper, b: Paper): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of INDEXING_FIELDS) keys.delete(k);
  for (const k of keys as Set<keyof Paper>) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return false;
  return true;
}

function clean(paper: Paper): Paper {
  const out = withDerived(paper);
  for (const k of Object.keys(out) as (keyof Paper)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** A backup's record against what the library has. */
export function mergeComplete(existing: Paper | undefined, incoming: Paper): Paper {
  if (!existing) return clean(incoming);
  const newer = incoming.updatedAt > existing.updatedAt;
  const [winner, other] = newer ? [incoming, existing] : [existing, incoming];
  const merged: Paper = { ...winner };
  for (const k of METADATA_FIELDS) {
    if (isEmpty(merged[k]) && !isEmpty(other[k])) (merged as unknown as Record<string, unknown>)[k] = other[k];
  }
  for (const k of STATE_FIELDS) {
    if (winner[k] === undefined) delete merged[k];
  }
  merged.tags = unitedTags(winner.tags, other.tags);
  // A suggestion dismissed on either side stays dismissed.
  merged.dismissed = unitedTags(winner.dismissed, other.dismissed);
  if (other.firstSeenAt < merged.firstSeenAt) {
    merged.firstSeenAt = other.firstSeenAt;
    merged.firstSeenUrl = other.firstSeenUrl;
  }
  merged.lastSeenAt = Math.max(existing.lastSeenAt, incoming.lastSeenAt);
  return clean(merged);
}

/** Another tool's knowledge of a paper against what the library has. */
export function mergePartial(existing: Paper | undefined, incoming: PartialPaper, source: string, now: number): Paper {
  if (!existing) {
    const seen = incoming.firstSeenAt ?? now;
    return clean({
      ...incoming,
      title: incoming.title ?? '',
      authors: incoming.authors ?? [],
      firstSeenAt: seen,
      firstSeenUrl: source,
      lastSeenAt: seen,
      updatedAt: now,
    });
  }
  const merged: Paper = { ...existing };
  for (const k of METADATA_FIELDS) {
    if (isEmpty(merged[k]) && !isEmpty(incoming[k])) (merged as unknown as Record<string, unknown>)[k] = incoming[k];
  }
  merged.tags = unitedTags(existing.tags, incoming.tags);
  // Lists are united: an import can add a paper to To read or Read, never take it out.
  for (const k of STATE_FIELDS) {
    if (merged[k] === undefined && incoming[k] !== undefined) merged[k] = incoming[k];
  }
  if (incoming.firstSeenAt !== undefined && incoming.firstSeenAt < merged.firstSeenAt)
    merged.firstSeenAt = incoming.firstSeenAt;
  const result = clean(merged);
  if (!sameRecord(result, existing)) result.updatedAt = Math.max(now, existing.updatedAt);
  return result;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportBatch {
  complete: Paper[];
  partial: PartialPaper[];
  settings: SettingRecord[];
  /** Custom lists and their entries, from a backup. */
  lists: PaperList[];
  entries: ListEntry[];
  /** Papers to append to existing lists (pasted ids). */
  listAdds: { listId: string; paperId: string }[];
  source: string;
}

/** A batch with only the parts given; the rest empty. */
export function batchOf(source: string, parts: Partial<Omit<ImportBatch, 'source'>>): ImportBatch {
  return { complete: [], partial: [], settings: [], lists: [], entries: [], listAdds: [], source, ...parts };
}

export interface MergeOutcome extends ImportCounts {
  /** Records to write: new or changed ones. */
  writes: Paper[];
  settings: SettingRecord[];
  lists: PaperList[];
  entries: ListEntry[];
  /** How many papers the import puts into a list they were not in. */
  listed: number;
}

/** What the library holds that an import is merged with. */
export interface Library {
  papers: Map<string, Paper>;
  settings: Map<string, SettingRecord>;
  lists: PaperList[];
  /** The entries of every list the import touches. */
  entries: ListEntry[];
}

/** Decides every record's fate against the existing ones; writes nothing (the preview uses it too). */
/** A record stamped later than this would win every later merge: it is refused. */
export const FUTURE_SLACK_MS = 24 * 3600 * 1000;

export function planMerge(batch: ImportBatch, library: Library, now: number): MergeOutcome {
  const { papers: existing, settings: existingSettings } = library;
  const late = [...batch.complete, ...batch.settings].find((r) => r.updatedAt > now + FUTURE_SLACK_MS);
  if (late) {
    const what = 'id' in late ? `paper ${late.id}` : `setting ${late.key}`;
    throw new Error(
      `${what} is dated ${new Date(late.updatedAt).toISOString()}, in the future; the file's clock or content is wrong`,
    );
  }
  const result = new Map<string, Paper>();
  const base = (id: string) => result.get(id) ?? existing.get(id);
  for (const p of batch.complete) result.set(p.id, mergeComplete(base(p.id), p));
  for (const p of batch.partial) result.set(p.id, mergePartial(base(p.id), p, batch.source, now));
  const outcome: MergeOutcome = {
    created: 0,
    updated: 0,
    unchanged: 0,
    writes: [],
    settings: [],
    lists: [],
    entries: [],
    listed: 0,
  };
  for (const [id, paper] of result) {
    const before = existing.get(id);
    if (!before) outcome.created++;
    else if (sameRecord(before, paper)) {
      outcome.unchanged++;
      continue;
    } else outcome.updated++;
    outcome.writes.push(paper);
  }
  for (const s of batch.settings) {
    const current = existingSettings.get(s.key);
    if (!current || s.updatedAt > current.updatedAt) outcome.settings.push(s);
  }
  planLists(batch, library, now, outcome);
  return outcome;
}

/**
 * Lists are united. A backup's list is the library's list of the same id, or else of the same
 * name (the same list made on two machines); a newer name wins. A list new to the library keeps
 * the backup's order; a list the library has keeps its order, and papers new to it are appended.
 */
function planLists(batch: ImportBatch, library: Library, now: number, outcome: MergeOutcome): void {
  const byId = new Map(library.lists.map((l) => [l.id, l]));
  const byName = new Map(library.lists.map((l) => [l.name.toLowerCase(), l]));
  const target = new Map<string, string>();
  const fresh = new Set<string>();
  for (const list of batch.lists) {
    const mine = byId.get(list.id) ?? byName.get(list.name.toLowerCase());
    target.set(list.id, mine?.id ?? list.id);
    if (!mine) {
      fresh.add(list.id);
      outcome.lists.push(list);
    } else if (mine.id === list.id && list.updatedAt > mine.updatedAt && list.name !== mine.name) {
      outcome.lists.push({ ...mine, name: list.name, updatedAt: list.updatedAt });
    }
  }
  const present = new Set(library.entries.map((e) => `${e.listId}\n${e.paperId}`));
  const next = new Map<string, number>();
  for (const e of library.entries) next.set(e.listId, Math.max(next.get(e.listId) ?? 0, e.position + 1));
  const add = (
    listId: string,
    paperId: string,
    entry: Omit<ListEntry, 'listId' | 'paperId' | 'position'>,
    position?: number,
  ) => {
    const key = `${listId}\n${paperId}`;
    if (present.has(key)) return;
    present.add(key);
    const at = position ?? next.get(listId) ?? 0;
    next.set(listId, Math.max(next.get(listId) ?? 0, at + 1));
    outcome.entries.push({ listId, paperId, position: at, ...entry });
    outcome.listed++;
  };
  const sorted = [...batch.entries].sort((a, b) => a.listId.localeCompare(b.listId) || a.position - b.position);
  for (const e of sorted) {
    const listId = target.get(e.listId) ?? e.listId;
    add(
      listId,
      e.paperId,
      { addedAt: e.addedAt, updatedAt: e.updatedAt },
      fresh.has(e.listId) ? e.position : undefined,
    );
  }
  for (const a of batch.listAdds) {
    if (!byId.has(a.listId)) throw new Error('The list chosen for these papers no longer exists; choose another.');
    add(a.listId, a.paperId, { addedAt: now, updatedAt: now });
  }
}

/** Every list, and the entries of the lists an import touches. */
export async function listsFor(db: PapershelfDb, batch: ImportBatch): Promise<Pick<Library, 'lists' | 'entries'>> {
  const lists = await db.lists.toArray();
  const names = new Set(batch.lists.map((l) => l.name.toLowerCase()));
  const ids = new Set([...batch.lists.map((l) => l.id), ...batch.listAdds.map((a) => a.listId)]);
  const touched = lists.filter((l) => ids.has(l.id) || names.has(l.name.toLowerCase())).map((l) => l.id);
  const entries = (await Promise.all(touched.map((id) => entriesOf(db, id).toArray()))).flat();
  return { lists, entries };
}

/**
 * The stored records among `ids`, read by key: the cost follows the import, not the library (an
 * import once listed every stored key first, which a 100,000-paper library made seconds long).
 */
export async function existingPapers(db: PapershelfDb, ids: string[]): Promise<Map<string, Paper>> {
  const found = await db.papers.bulkGet(ids);
  return new Map(found.filter((p): p is Paper => p !== undefined).map((p) => [p.id, p]));
}

/** What an import is merged with; call it inside a transaction over the four tables. */
export async function libraryFor(db: PapershelfDb, batch: ImportBatch): Promise<Library> {
  const ids = [...new Set([...batch.complete, ...batch.partial].map((p) => p.id))];
  const [papers, settings, lists] = await Promise.all([
    existingPapers(db, ids),
    db.settings.toArray(),
    listsFor(db, batch),
  ]);
  return { papers, settings: new Map(settings.map((s) => [s.key, s])), ...lists };
}

/** Applies an import in one transaction: all of it, or (on any error) none of it. */
export async function applyImport(db: PapershelfDb, batch: ImportBatch, now: number): Promise<MergeOutcome> {
  return db.transaction(
    'rw',
    [db.papers, db.paperWords, db.searchCards, db.toIndex, db.settings, db.lists, db.listEntries],
    async () => {
      const library = await libraryFor(db, batch);
      const outcome = planMerge(batch, library, now);
      // Written now, listed in toIndex, and indexed for search afterwards (indexPending): computing
      // and indexing the words of 10,000 papers would more than double the import. The old search
      // rows of papers it changes go now, so that until then a search does not show a paper as it
      // was before.
      await Promise.all([
        db.papers.bulkPut(outcome.writes),
        db.toIndex.bulkPut(outcome.writes.map((p) => ({ id: p.id }))),
      ]);
      const changed = outcome.writes.filter((p) => library.papers.has(p.id)).map((p) => p.id);
      await Promise.all([db.paperWords.bulkDelete(changed), db.searchCards.bulkDelete(changed)]);
      await db.settings.bulkPut(outcome.settings);
      await db.lists.bulkPut(outcome.lists);
      await db.listEntries.bulkPut(outcome.entries);
      return outcome;
    },
  );
}
