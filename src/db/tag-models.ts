/**
 * The learnt tag models, kept in the `derived` table: the corpus statistics their vectors use, and
 * per tag the sum of its papers' vectors (the centroid, unnormalised) with the papers counted in
 * it. A tag given to or taken from one paper adds or subtracts that paper's vector: no other paper
 * is read. Everything is recomputed after an import, and when the library has grown or shrunk by
 * a tenth since the statistics were taken (new words change every weight a little).
 */
import { centroidModel, MIN_PAPERS_PER_TAG, type TagModel } from '../suggest/model';
import { termsOf } from '../suggest/terms';
import {
  addDocument,
  emptyStats,
  statsFromRecord,
  statsToRecord,
  vectorize,
  type CorpusStats,
  type SparseVector,
  type StoredCorpusStats,
} from '../suggest/tfidf';
import type { Paper } from '../shared/model';
import type { PapershelfDb } from './schema';

const KEY = 'tagModels';

/** One tag's running centroid. */
interface TagSum {
  tag: string;
  sum: Record<string, number>;
  /** The papers whose vectors are in `sum`. */
  members: string[];
}

interface Stored {
  stats: StoredCorpusStats;
  /** How many papers the statistics were taken over. */
  papers: number;
  sums: Record<string, TagSum>;
  models: TagModel[];
}

/**
 * Document frequencies over the library's titles and abstracts: the same terms the vectors are
 * made of, so user-made words (tags, notes) never shift the weights.
 */
async function corpusStats(db: PapershelfDb, turn: Turn): Promise<CorpusStats> {
  const stats = emptyStats();
  await eachPaper(db, (p) => addDocument(stats, termsOf(p)), turn);
  return stats;
}

/** Resolves when background work may start its next transaction (the worker's priority gate). */
export type Turn = () => Promise<void>;

/** Papers read per transaction when the whole library is read for the models. */
const READ_CHUNK = 500;

/**
 * Every paper, in id order, READ_CHUNK per transaction with a turn before each: one cursor over
 * 100,000 papers was one read transaction of many seconds that every write (a click) waited for.
 * A paper changed between two chunks is read as it is then; the next tag change corrects the sums.
 */
async function eachPaper(db: PapershelfDb, visit: (p: Paper) => void, turn: Turn): Promise<void> {
  for (let after: string | undefined; ;) {
    await turn();
    const chunk = await (after === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(after))
      .limit(READ_CHUNK)
      .toArray();
    for (const p of chunk) visit(p);
    if (chunk.length < READ_CHUNK) return;
    after = chunk[chunk.length - 1]!.id;
  }
}

const keyOf = (t: string) => t.toLowerCase();

/** The nearest-centroid model of a running sum (see suggest/model.ts for why this method). */
function modelOf(entry: TagSum): TagModel | undefined {
  if (entry.members.length < MIN_PAPERS_PER_TAG) return undefined;
  return centroidModel(entry.tag, new Map(Object.entries(entry.sum)), entry.members.length);
}

function addVector(entry: TagSum, vector: SparseVector, factor: 1 | -1): void {
  for (const [term, w] of vector) {
    const next = (entry.sum[term] ?? 0) + factor * w;
    if (Math.abs(next) < 1e-9) delete entry.sum[term];
    else entry.sum[term] = next;
  }
}

async function rebuild(db: PapershelfDb, turn: Turn): Promise<Stored> {
  const stats = await corpusStats(db, turn);
  const sums: Record<string, TagSum> = {};
  const tagged = [...new Set(await db.papers.where('tags').above('').primaryKeys())];
  for (let i = 0; i < tagged.length; i += READ_CHUNK) {
    await turn();
    for (const p of await db.papers.bulkGet(tagged.slice(i, i + READ_CHUNK))) if (p) addTagged(p);
  }
  function addTagged(p: Paper) {
    const vector = vectorize(termsOf(p), stats);
    for (const key of new Set((p.tags ?? []).map(keyOf))) {
      const entry = (sums[key] ??= { tag: p.tags!.find((t) => keyOf(t) === key)!, sum: {}, members: [] });
      entry.members.push(p.id);
      addVector(entry, vector, 1);
    }
  }
  return { stats: statsToRecord(stats), papers: stats.docs, sums, models: [] };
}

/** What changed: one paper's tags, or (after an import) anything. */
export type TagChange = { paperId: string; tags: string[] } | 'all';

/**
 * The stored models with what they were computed from. The worker keeps the last one it read or
 * wrote in memory (it is the only writer), so a tag change does not read back and parse the whole
 * record; a restarted worker starts from the database.
 */
export interface TagModelState {
  stored: Stored;
  stats: CorpusStats;
}

export async function readTagModelState(db: PapershelfDb): Promise<TagModelState | undefined> {
  const record = await db.derived.get(KEY);
  if (!record) return undefined;
  const stored = record.value as Stored;
  return { stored, stats: statsFromRecord(stored.stats) };
}

/** Brings the models in step with the library after `change`; returns the new state. */
export async function updateTagModels(
  db: PapershelfDb,
  change: TagChange,
  now: number,
  known?: TagModelState,
  turn: Turn = async () => undefined,
): Promise<TagModelState> {
  const current = known ?? (await readTagModelState(db));
  // Changed in place: on a failed write the caller drops its copy and reads the database again.
  let stored = current?.stored;
  let stats = current?.stats;
  // Over an index: counting the table walks every record.
  const count = await db.papers.orderBy('firstSeenAt').count();
  const stale = !stored || !stats || change === 'all' || Math.abs(count - stored.papers) > stored.papers / 10;
  let changed: string[];
  if (stale || !stored || !stats) {
    stored = await rebuild(db, turn);
    stats = statsFromRecord(stored.stats);
    changed = Object.keys(stored.sums);
    stored.models = [];
  } else {
    const paper: Paper | undefined = await db.papers.get(change.paperId);
    const has = new Set((paper?.tags ?? []).map(keyOf));
    const vector = paper ? vectorize(termsOf(paper), stats) : new Map<string, number>();
    changed = [];
    for (const tag of change.tags) {
      const key = keyOf(tag);
      const entry = (stored.sums[key] ??= { tag, sum: {}, members: [] });
      const counted = entry.members.includes(change.paperId);
      // The database says whether the paper has the tag now; the sum follows, so a repeated or
      // reordered change is harmless.
      if (has.has(key) && !counted && paper) {
        entry.members.push(paper.id);
        addVector(entry, vector, 1);
      } else if (!has.has(key) && counted) {
        entry.members = entry.members.filter((id) => id !== change.paperId);
        addVector(entry, vector, -1);
      } else continue;
      if (entry.members.length === 0) delete stored.sums[key];
      else entry.tag = paper?.tags?.find((t) => keyOf(t) === key) ?? entry.tag;
      changed.push(key);
    }
  }
  const kept = stored.models.filter((m) => !changed.includes(keyOf(m.tag)));
  const retrained = changed.map((k) => stored.sums[k]).flatMap((entry) => (entry ? (modelOf(entry) ?? []) : []));
  stored.models = [...kept, ...retrained];
  if (stale || changed.length) await db.derived.put({ key: KEY, value: stored, updatedAt: now });
  return { stored, stats };
}
