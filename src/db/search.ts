/**
 * Searching the library (the popup as you type; the options page's filter and the export of a
 * search). Words are found by prefix: first among the search cards' key words (title, tags,
 * authors, note), whose matches outrank any paper matching only in its abstract, then, when those
 * are too few, in the abstract words of the papers the user did something with. The query
 * language and ranking are in search-query.ts.
 */
import type { Paper } from '../shared/model';
import { papersWithTags } from './annotations';
import { entriesOf, listByName } from './lists';
import type { PapershelfDb, SearchCard } from './schema';
import { isEmptyQuery, LIST_INDEX, parseQuery, passes, score, type Findable, type SearchQuery } from './search-query';

export { isEmptyQuery, parseQuery, type SearchQuery } from './search-query';

export interface Hit<T extends Findable> {
  paper: T;
  score: number;
}

/** A search result as the popup shows it. */
export type CardHit = Hit<Findable>;
/** A search result with the whole paper, for exports and the library table. */
export type SearchHit = Hit<Paper>;

export interface SearchOptions {
  /** How many hits to return (the popup shows 50). */
  limit?: number;
  /** Rank every match, not only the first 300 candidates (for exports, not keystrokes). */
  everything?: boolean;
}

/** Most candidates ranked per keystroke: beyond this a query is too broad to be worth ranking all. */
const MAX_CANDIDATES = 300;
/** IndexedDB takes a count up to 2^32 - 1 (an unsigned long): anything larger throws a TypeError. */
const ALL = 2 ** 32 - 1;

/** The papers of a custom list, in its order; none when no list has that name. */
async function listMembers(db: PapershelfDb, name: string): Promise<string[]> {
  const list = await listByName(db, name);
  if (!list) return [];
  return (await entriesOf(db, list.id).toArray()).map((e) => e.paperId);
}

const startsAll = (words: readonly string[], terms: string[]) => terms.every((t) => words.some((w) => w.startsWith(t)));

/**
 * Cards matching every term: in their key words, or else (looked up) in those and their abstract's
 * words (which a paper only seen has none of, see papers.ts).
 */
async function withAllTerms(db: PapershelfDb, cards: SearchCard[], terms: string[]): Promise<SearchCard[]> {
  if (terms.length === 1) return cards;
  const unsure = cards.filter((c) => !startsAll(c.keyWords, terms));
  if (!unsure.length) return cards;
  const rows = await db.paperWords.bulkGet(unsure.map((c) => c.id));
  const inAbstract = new Set(
    unsure.filter((c, i) => rows[i] && startsAll([...c.keyWords, ...rows[i].words], terms)).map((c) => c.id),
  );
  return cards.filter((c) => startsAll(c.keyWords, terms) || inAbstract.has(c.id));
}

/** The first `cap` distinct cards of index entries (a card appears once per matching word). */
function distinct<T extends { id: string }>(cards: T[], cap: number): T[] {
  const seen = new Map<string, T>();
  for (const c of cards) {
    if (seen.size >= cap) break;
    if (!seen.has(c.id)) seen.set(c.id, c);
  }
  return [...seen.values()];
}

/** The longest, so most selective, term. */
const leadOf = (terms: string[]) => [...terms].sort((a, b) => b.length - a.length)[0]!;

/**
 * Cards with a word starting with every term. Cards are read straight from the key-word index (one
 * request per term); twice the cap in entries nearly always gives `cap` papers, as a paper seldom
 * has more than a couple of words with one prefix. Each term's cards are kept whole: with several
 * terms, a broad one ("model") must not crowd out the few cards of a narrow one ("spectral").
 */
async function matching(
  db: PapershelfDb,
  q: SearchQuery,
  keep: (p: Findable) => boolean,
  limit: number,
  cap: number,
): Promise<Findable[]> {
  const entries = Math.min(cap * 2, ALL);
  const keyed = await Promise.all(
    q.terms.map(async (t) =>
      distinct(await db.searchCards.where('keyWords').startsWith(t).limit(entries).toArray(), cap),
    ),
  );
  const strong = distinct(keyed.flat(), ALL);
  const found: Findable[] = (await withAllTerms(db, strong, q.terms)).filter(keep);
  // One broad word: its first `cap` cards are the answer. Otherwise, if too few: papers with the
  // longest (most selective) term anywhere, the abstract included.
  if (found.length >= limit || (q.terms.length === 1 && strong.length >= cap)) return distinct(found, ALL);
  const read = new Set(strong.map((c) => c.id));
  const ids = [
    ...new Set(await db.paperWords.where('words').startsWith(leadOf(q.terms)).limit(entries).primaryKeys()),
  ].filter((id) => !read.has(id));
  const more = (await db.searchCards.bulkGet(ids.slice(0, cap))).filter((c): c is SearchCard => c !== undefined);
  return distinct([...found, ...(await withAllTerms(db, more, q.terms)).filter(keep)], ALL);
}

interface Ranked {
  hits: CardHit[];
  /** Whether the hits hold whole papers already (filters without words read papers). */
  whole: boolean;
}

async function ranked(db: PapershelfDb, text: string, options: SearchOptions): Promise<Ranked> {
  const limit = options.limit ?? 50;
  const cap = options.everything ? ALL : MAX_CANDIDATES;
  const q = parseQuery(text);
  if (isEmptyQuery(q)) return { hits: [], whole: true };
  // A custom list holds what the user put there: its entries are the candidates, or the filter.
  const listed = q.customList === undefined ? undefined : await listMembers(db, q.customList);
  const place = listed && new Map(listed.map((id, i) => [id, i]));
  const keep = (p: Findable) => passes(p, q) && (!place || place.has(p.id));
  let candidates: Findable[];
  if (q.terms.length) candidates = await matching(db, q, keep, limit, cap);
  else if (listed)
    candidates = (await db.papers.bulkGet(listed.slice(0, cap))).filter((p): p is Paper => p !== undefined);
  else if (q.tags.length) candidates = await (await papersWithTags(db, q.tags)).limit(cap).toArray();
  else if (q.list && q.list !== 'seen')
    candidates = await db.papers.orderBy(LIST_INDEX[q.list]).reverse().limit(cap).toArray();
  else candidates = await db.papers.orderBy('firstSeenAt').reverse().limit(cap).toArray();
  // Without words to rank by, a list's papers keep the list's order.
  const order = (a: CardHit, b: CardHit) =>
    place ? place.get(a.paper.id)! - place.get(b.paper.id)! : b.paper.firstSeenAt - a.paper.firstSeenAt;
  const hits = candidates
    .filter(keep)
    .map((paper) => ({ paper, score: q.terms.length ? score(paper, q.terms) : 0 }))
    .sort((a, b) => b.score - a.score || order(a, b))
    .slice(0, limit);
  return { hits, whole: q.terms.length === 0 };
}

/** The popup's search: ranked search cards, everything its results show. */
export async function searchCards(db: PapershelfDb, text: string, options: SearchOptions = {}): Promise<CardHit[]> {
  return (await ranked(db, text, options)).hits;
}

/** The same search, with whole papers. */
export async function searchPapers(db: PapershelfDb, text: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const { hits, whole } = await ranked(db, text, options);
  if (whole) return hits as SearchHit[];
  const papers = await db.papers.bulkGet(hits.map((h) => h.paper.id));
  return hits.flatMap((h, i) => (papers[i] ? [{ paper: papers[i], score: h.score }] : []));
}
