/**
 * Searching the library from the popup: words by prefix through paperWords' `*words` index,
 * filters (`tag:`, `is:`, `list:`), and a ranking that prefers matches in the title, then tags,
 * authors and notes, then the abstract.
 */
import { sameTag, type Paper } from '../shared/model';
import { wordsIn } from '../shared/words';
import { papersWithTags } from './annotations';
import { entriesOf, listByName } from './lists';
import { searchWords } from './papers';
import type { PapershelfDb } from './schema';

/** The papers of a custom list, in its order; none when no list has that name. */
async function listMembers(db: PapershelfDb, name: string): Promise<string[]> {
  const list = await listByName(db, name);
  if (!list) return [];
  return (await entriesOf(db, list.id).toArray()).map((e) => e.paperId);
}

export type IsFilter = 'read' | 'unread' | 'saved' | 'opened';
export type ListFilter = 'to-read' | 'read' | 'seen' | 'opened';

export interface SearchQuery {
  terms: string[];
  tags: string[];
  is: IsFilter[];
  list?: ListFilter;
  /** A custom list, by name (`list:"reading group"`). */
  customList?: string;
}

const IS: readonly string[] = ['read', 'unread', 'saved', 'opened'];
const LISTS: readonly string[] = ['to-read', 'read', 'seen', 'opened'];

/** "tag:"graph nets" is:unread attention" → filters and words. Unknown filters are searched as words. */
export function parseQuery(text: string): SearchQuery {
  const query: SearchQuery = { terms: [], tags: [], is: [] };
  const rest = text.replace(/\b(tag|is|list):(?:"([^"]*)"|(\S+))/gi, (whole, key: string, quoted?: string, bare?: string) => {
    const value = (quoted ?? bare ?? '').trim();
    const k = key.toLowerCase();
    if (k === 'tag' && value) query.tags.push(value);
    else if (k === 'is' && IS.includes(value.toLowerCase())) query.is.push(value.toLowerCase() as IsFilter);
    else if (k === 'list' && LISTS.includes(value.toLowerCase())) query.list = value.toLowerCase() as ListFilter;
    else if (k === 'list' && value) query.customList = value;
    else return ` ${whole.replace(/:/, ' ')} `;
    return ' ';
  });
  query.terms = [...new Set(wordsIn(rest))];
  return query;
}

export interface SearchHit {
  paper: Paper;
  score: number;
}

/** Most candidates ranked per keystroke: beyond this a query is too broad to be worth ranking all. */
const MAX_CANDIDATES = 300;

const FIELD_WEIGHTS: [keyof Paper, number][] = [
  ['title', 5],
  ['tags', 4],
  ['authors', 3],
  ['note', 3],
];

function fieldWords(p: Paper, field: keyof Paper): string[] {
  const v = p[field];
  return wordsIn(Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : '');
}

function score(p: Paper, terms: string[]): number {
  let total = 0;
  const fields = FIELD_WEIGHTS.map(([f, w]) => [fieldWords(p, f), w] as const);
  for (const term of terms) {
    let best = 0;
    for (const [words, weight] of fields) {
      for (const w of words) {
        if (w === term) best = Math.max(best, weight + 1);
        else if (w.startsWith(term)) best = Math.max(best, weight);
      }
    }
    // The word index matched it somewhere: if not above, in the abstract.
    total += best || 1;
  }
  return total;
}

/** Whether the paper has a word starting with every term: its words, as the index has them. */
function hasAll(p: Paper, terms: string[]): boolean {
  const words = searchWords(p);
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}

const LIST_INDEX = { 'to-read': 'toReadSince', read: 'readAt', opened: 'openedAt' } as const;

function passes(p: Paper, q: SearchQuery): boolean {
  for (const t of q.tags) if (!p.tags?.some((x) => sameTag(x, t))) return false;
  for (const f of q.is) {
    if (f === 'read' && p.readAt === undefined) return false;
    if (f === 'unread' && p.readAt !== undefined) return false;
    if (f === 'saved' && p.savedAt === undefined) return false;
    if (f === 'opened' && p.openedAt === undefined) return false;
  }
  if (q.list && q.list !== 'seen' && p[LIST_INDEX[q.list]] === undefined) return false;
  return true;
}

export function isEmptyQuery(q: SearchQuery): boolean {
  return q.terms.length === 0 && q.tags.length === 0 && q.is.length === 0 && q.list === undefined && q.customList === undefined;
}

export interface SearchOptions {
  /** How many hits to return (the popup shows 50). */
  limit?: number;
  /** Rank every match, not only the first 300 candidates (for exports, not keystrokes). */
  everything?: boolean;
}

/**
 * Up to `cap` papers with a word starting with `prefix`. Index entries are read as keys in one
 * request and made distinct here: Dexie's distinct() walks a cursor, a round trip per entry,
 * which took 70-90 ms for a three-letter prefix in a 10,000-paper library.
 */
async function papersByPrefix(db: PapershelfDb, index: 'words' | 'keyWords', prefix: string, cap: number): Promise<string[]> {
  // A paper seldom has more than a couple of words with one prefix: twice the cap nearly always
  // finds `cap` papers (fewer only means the whole-text index is read too).
  const entries = await db.paperWords.where(index).startsWith(prefix).limit(Math.min(cap * 2, 2 ** 32 - 1)).primaryKeys();
  return [...new Set(entries)].slice(0, cap);
}

/**
 * The papers with a word starting with every term. Papers matching a term in their title, tags,
 * authors or note outrank any matching only in the abstract (see `score`), so they are read first
 * through the key-word index; the whole-text index is read only when they are too few.
 */
async function matching(db: PapershelfDb, q: SearchQuery, keep: (p: Paper) => boolean, limit: number, cap: number): Promise<Paper[]> {
  const fits = (p: Paper | undefined): p is Paper => p !== undefined && (q.terms.length === 1 || hasAll(p, q.terms)) && keep(p);
  const keyed = await Promise.all(q.terms.map((t) => papersByPrefix(db, 'keyWords', t, cap)));
  const strong = [...new Set(keyed.flat())].slice(0, cap);
  const found = (await db.papers.bulkGet(strong)).filter(fits);
  if (found.length >= limit || strong.length >= cap) return found;
  // The longest term is the most selective: the index gives its papers, the others are checked
  // on the records themselves.
  const lead = [...q.terms].sort((a, b) => b.length - a.length)[0]!;
  const read = new Set(strong);
  const rest = (await papersByPrefix(db, 'words', lead, cap)).filter((id) => !read.has(id));
  return [...found, ...(await db.papers.bulkGet(rest.slice(0, cap - strong.length))).filter(fits)];
}

export async function searchPapers(db: PapershelfDb, text: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const limit = options.limit ?? 50;
  // IndexedDB takes a count up to 2^32 - 1 (an unsigned long): anything larger throws a TypeError.
  const cap = options.everything ? 2 ** 32 - 1 : MAX_CANDIDATES;
  const q = parseQuery(text);
  if (isEmptyQuery(q)) return [];
  let candidates: Paper[];
  // A custom list holds what the user put there: its entries are the candidates, or the filter.
  const listed = q.customList === undefined ? undefined : await listMembers(db, q.customList);
  const place = listed && new Map(listed.map((id, i) => [id, i]));
  const keep = (p: Paper) => passes(p, q) && (!place || place.has(p.id));
  if (listed && !q.terms.length) {
    candidates = (await db.papers.bulkGet(listed.slice(0, cap))).filter((p): p is Paper => p !== undefined);
  } else if (q.terms.length) {
    candidates = await matching(db, q, keep, limit, cap);
  } else if (q.tags.length) {
    candidates = await (await papersWithTags(db, q.tags)).limit(cap).toArray();
  } else if (q.list && q.list !== 'seen') {
    candidates = await db.papers.orderBy(LIST_INDEX[q.list]).reverse().limit(cap).toArray();
  } else {
    candidates = await db.papers.orderBy('firstSeenAt').reverse().limit(cap).toArray();
  }
  // Without words to rank by, a list's papers keep the list's order.
  const order = (a: SearchHit, b: SearchHit) => (place ? place.get(a.paper.id)! - place.get(b.paper.id)! : b.paper.firstSeenAt - a.paper.firstSeenAt);
  return candidates
    .filter(keep)
    .map((paper) => ({ paper, score: q.terms.length ? score(paper, q.terms) : 0 }))
    .sort((a, b) => b.score - a.score || order(a, b))
    .slice(0, limit);
}
