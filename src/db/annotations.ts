/** Notes and tags: the user's own words about a paper. */
import type { Paper, PaperState, TagRule } from '../shared/model';
import { normaliseTag, stateOf } from '../shared/model';
import { withDerived } from './papers';
import type { PapershelfDb } from './schema';

/** Changes one paper in a transaction, creating a bare record for a paper not recorded yet. */
async function updatePaper(db: PapershelfDb, id: string, now: number, pageUrl: string, change: (p: Paper) => void, rules: readonly TagRule[]): Promise<PaperState> {
  return db.transaction('rw', db.papers, async () => {
    const existing: Paper = (await db.papers.get(id)) ?? { id, title: '', authors: [], firstSeenAt: now, firstSeenUrl: pageUrl, lastSeenAt: now, updatedAt: now };
    const next: Paper = { ...existing, updatedAt: now };
    change(next);
    const record = withDerived(next);
    await db.papers.put(record);
    return stateOf(record, rules);
  });
}

/** Sets or clears (empty text) a paper's note. */
export function setNote(db: PapershelfDb, id: string, note: string, now: number, pageUrl = '', rules: readonly TagRule[] = []): Promise<PaperState> {
  return updatePaper(db, id, now, pageUrl, (p) => {
    if (note.trim() === '') delete p.note;
    else p.note = note;
  }, rules);
}

/** Remembers that the user dismissed a suggested tag, so it is not suggested for this paper again. */
export function dismissSuggestion(db: PapershelfDb, id: string, tag: string, now: number, pageUrl = '', rules: readonly TagRule[] = []): Promise<PaperState> {
  const name = normaliseTag(tag);
  return updatePaper(db, id, now, pageUrl, (p) => {
    if (!name || p.dismissed?.some((d) => d.toLowerCase() === name.toLowerCase())) return;
    p.dismissed = [...(p.dismissed ?? []), name];
  }, rules);
}

/** Adds or removes one tag; a tag differing only in case from an existing one is the same tag. */
export function setTag(db: PapershelfDb, id: string, tag: string, on: boolean, now: number, pageUrl = '', rules: readonly TagRule[] = []): Promise<PaperState> {
  const name = normaliseTag(tag);
  return updatePaper(db, id, now, pageUrl, (p) => {
    const others = (p.tags ?? []).filter((t) => t.toLowerCase() !== name.toLowerCase());
    const tags = on && name ? [...others, name] : others;
    if (tags.length) p.tags = tags;
    else delete p.tags;
  }, rules);
}

/** Every tag in use with its number of papers, most used first. */
export async function tagCounts(db: PapershelfDb): Promise<{ name: string; count: number }[]> {
  const counts = new Map<string, number>();
  await db.papers.orderBy('tags').eachKey((key) => {
    const name = String(key);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/**
 * The spellings in use of the given tags, in any case. Dexie's equalsIgnoreCase walks the index
 * with a cursor that costs seconds on a 10,000-paper library; listing the distinct tags and
 * asking for exact keys takes milliseconds.
 */
export async function tagSpellings(db: PapershelfDb, tags: readonly string[]): Promise<string[]> {
  const wanted = new Set(tags.map((t) => t.toLowerCase()));
  return ((await db.papers.orderBy('tags').uniqueKeys()) as string[]).filter((k) => wanted.has(String(k).toLowerCase()));
}

/** The papers that have any of `tags`, whatever the case. */
export async function papersWithTags(db: PapershelfDb, tags: readonly string[]) {
  const spellings = await tagSpellings(db, tags);
  return spellings.length ? db.papers.where('tags').anyOf(spellings).distinct() : db.papers.limit(0);
}
