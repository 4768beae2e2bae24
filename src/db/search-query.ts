/**
 * The popup's search language: words, and the filters `tag:`, `is:` and `list:`; and the tests a
 * found paper must pass. Pure: the search itself (search.ts) reads the database.
 */
import { sameTag, type Paper } from '../shared/model';
import { wordsIn } from '../shared/words';

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
  const rest = text.replace(
    /\b(tag|is|list):(?:"([^"]*)"|(\S+))/gi,
    (whole, key: string, quoted?: string, bare?: string) => {
      const value = (quoted ?? bare ?? '').trim();
      const k = key.toLowerCase();
      if (k === 'tag' && value) query.tags.push(value);
      else if (k === 'is' && IS.includes(value.toLowerCase())) query.is.push(value.toLowerCase() as IsFilter);
      else if (k === 'list' && LISTS.includes(value.toLowerCase())) query.list = value.toLowerCase() as ListFilter;
      else if (k === 'list' && value) query.customList = value;
      else return ` ${whole.replace(/:/, ' ')} `;
      return ' ';
    },
  );
  query.terms = [...new Set(wordsIn(rest))];
  return query;
}

export function isEmptyQuery(q: SearchQuery): boolean {
  return (
    q.terms.length === 0 &&
    q.tags.length === 0 &&
    q.is.length === 0 &&
    q.list === undefined &&
    q.customList === undefined
  );
}

/** What a search reads, ranks and shows of a paper: a search card (see schema.ts) or the paper. */
export type Findable = Pick<
  Paper,
  'id' | 'title' | 'authors' | 'tags' | 'note' | 'firstSeenAt' | 'readAt' | 'savedAt' | 'openedAt' | 'toReadSince'
>;

export const LIST_INDEX = { 'to-read': 'toReadSince', read: 'readAt', opened: 'openedAt' } as const;

/** Whether a paper passes the query's filters (its words are matched elsewhere). */
export function passes(p: Findable, q: SearchQuery): boolean {
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

const FIELD_WEIGHTS: ['title' | 'tags' | 'authors' | 'note', number][] = [
  ['title', 5],
  ['tags', 4],
  ['authors', 3],
  ['note', 3],
];

function fieldWords(p: Findable, field: 'title' | 'tags' | 'authors' | 'note'): string[] {
  const v = p[field];
  return wordsIn(Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : '');
}

/**
 * A match in the title ranks above one in the tags, then authors and notes, then the abstract (a
 * paper found by the index but in none of these); a whole word above a prefix.
 */
export function score(p: Findable, terms: string[]): number {
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
    total += best || 1;
  }
  return total;
}
