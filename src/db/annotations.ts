/** Notes and tags: the user's own words about a paper. */
import type { Paper, PaperState, TagRule } from '../shared/model';
import { normaliseTag, sameTag, stateOf } from '../shared/model';
import { blankPaper, paperTables, putPapers } from './papers';
import type { PapershelfDb } from './schema';

/** Changes one paper in a transaction, creating a bare record for a paper not recorded yet. */
async function updatePaper(
  db: PapershelfDb,
  id: string,
  now: number,
  pageUrl: string,
  change: (p: Paper) => void,
  rules: readonly TagRule[],
): Promise<PaperState> {
  return db.transaction('rw', paperTables(db), async () => {
    const stored = await db.papers.get(id);
    const existing: Paper = stored ?? blankPaper(id, now, pageUrl);
    const next: Paper = { ...existing, updatedAt: now };
    change(next);
    const [record] = await putPapers(db, [next], [stored]);
    return stateOf(record!, rules);
  });
}

/** Sets or clears (empty text) a paper's note. */
export function setNote(
  db: PapershelfDb,
  id: string,
  note: string,
  now: number,
  pageUrl = '',
  rules: readonly TagRule[] = [],
): Promise<PaperState> {
  return updatePaper(
    db,
    id,
    now,
    pageUrl,
    (p) => {
      if (note.trim() === '') delete p.note;
      else p.note = note;
    },
    rules,
  );
}

/** Remembers that the user dismissed a suggested tag, so it is not suggested for this paper again. */
export function dismissSuggestion(
  db: PapershelfDb,
  id: string,
  tag: string,
  now: number,
  pageUrl = '',
  rules: readonly TagRule[] = [],
): Promise<PaperState> {
  const name = normaliseTag(tag);
  return updatePaper(
    db,
    id,
    now,
    pageUrl,
    (p) => {
      if (!name || p.dismissed?.some((d) => sameTag(d, name))) return;
      p.dismissed = [...(p.dismissed ?? []), name];
    },
    rules,
  );
}

/** Adds or removes one tag; a tag differing only in case from an existing one is the same tag. */
export function setTag(
  db: PapershelfDb,
  id: string,
  tag: string,
  on: boolean,
  now: number,
  pageUrl = '',
  rules: readonly TagRule[] = [],
): Promise<PaperState> {
  const name = normaliseTag(tag);
  return updatePaper(
    db,
    id,
    now,
    pageUrl,
    (p) => {
      const others = (p.tags ?? []).filter((t) => !sameTag(t, name));
      const tags = on && name ? [...others, name] : others;
      if (tags.length) p.tags = tags;
      else delete p.tags;
    },
    rules,
  );
}

/**
 * Every tag in use with its number of papers, most used first. Spellings that differ only in case
 * are one tag (as everywhere), shown as its first spelling in index order.
 *
 * One request per distinct spelling, not one cursor step per tagged paper: a cursor over every tag
 * link made each run grow with the library (seconds at 10,000 papers under load), holding up the
 * import batch that came next. Each request reads the tag's paper keys rather than counting them:
 * Dexie re-runs a live query that counts over an index after nearly every write to papers, so the
 * options page and the popup re-read this after each click, and the click after it waited for
 * them (110–300 ms at 10,000 papers, docs/performance.md). Read keys tie it to those papers only.
 */
export async function tagCounts(db: PapershelfDb): Promise<{ name: string; count: number }[]> {
  return db.transaction('r', db.papers, async () => {
    const spellings = (await db.papers.orderBy('tags').uniqueKeys()).map(String);
    const each = await Promise.all(
      spellings.map(async (t) => (await db.papers.where('tags').equals(t).primaryKeys()).length),
    );
    const counts = new Map<string, { name: string; count: number }>();
    spellings.forEach((name, i) => {
      const entry = counts.get(name.toLowerCase());
      if (entry) entry.count += each[i]!;
      else counts.set(name.toLowerCase(), { name, count: each[i]! });
    });
    return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  });
}

/**
 * The spellings in use of the given tags, in any case. Dexie's equalsIgnoreCase walks the index
 * with a cursor that costs seconds on a 10,000-paper library; listing the distinct tags and
 * asking for exact keys takes milliseconds.
 */
export async function tagSpellings(db: PapershelfDb, tags: readonly string[]): Promise<string[]> {
  const wanted = new Set(tags.map((t) => t.toLowerCase()));
  return ((await db.papers.orderBy('tags').uniqueKeys()) as string[]).filter((k) =>
    wanted.has(String(k).toLowerCase()),
  );
}

/** The papers that have any of `tags`, whatever the case. */
export async function papersWithTags(db: PapershelfDb, tags: readonly string[]) {
  const spellings = await tagSpellings(db, tags);
  return spellings.length ? db.papers.where('tags').anyOf(spellings).distinct() : db.papers.limit(0);
}

/**
 * Renames a tag on every paper that has it, in any case. Renaming to a tag that exists merges
 * the two: a paper with both keeps one. Returns the papers changed, as written.
 */
export async function renameTag(db: PapershelfDb, from: string, to: string, now: number): Promise<Paper[]> {
  const typed = normaliseTag(to);
  if (!typed) throw new Error('A tag needs a name.');
  // Merging into a tag in use keeps that tag's spelling.
  const existing = sameTag(typed, from) ? [] : await tagSpellings(db, [typed]);
  const target = existing[0] ?? typed;
  return retag(db, from, now, (tags) => {
    const rest = tags.filter((t) => !sameTag(t, from) && !sameTag(t, target));
    return [...rest, target];
  });
}

/** Takes a tag off every paper. Returns the papers changed, as written. */
export function deleteTag(db: PapershelfDb, tag: string, now: number): Promise<Paper[]> {
  return retag(db, tag, now, (tags) => tags.filter((t) => !sameTag(t, tag)));
}

async function retag(
  db: PapershelfDb,
  tag: string,
  now: number,
  change: (tags: string[]) => string[],
): Promise<Paper[]> {
  return db.transaction('rw', paperTables(db), async () => {
    const papers = await (await papersWithTags(db, [tag])).toArray();
    const changed = papers.map((p) => {
      const tags = change(p.tags ?? []);
      const next: Paper = { ...p, updatedAt: now };
      if (tags.length) next.tags = tags;
      else delete next.tags;
      return next;
    });
    return putPapers(db, changed);
  });
}
