/**
 * The learnt tag models, kept in the `derived` table: the corpus statistics their vectors use and
 * one model per tag with enough papers. Retraining one tag reads only that tag's papers; the
 * statistics are recomputed (and every model with them) when the library has grown or shrunk by
 * a tenth since they were taken.
 */
import { trainTagModel, MIN_PAPERS_PER_TAG, type TagModel } from '../suggest/model';
import { termsOf } from '../suggest/terms';
import { statsFromRecord, statsToRecord, vectorize, type CorpusStats, type StoredCorpusStats } from '../suggest/tfidf';
import { stem } from '../shared/rules';
import type { PapershelfDb } from './schema';

const KEY = 'tagModels';

export interface TagModels {
  stats: CorpusStats;
  models: TagModel[];
  /** How many papers the statistics were taken over. */
  papers: number;
}

interface Stored {
  stats: StoredCorpusStats;
  models: TagModel[];
  papers: number;
}

export async function loadTagModels(db: PapershelfDb): Promise<TagModels | undefined> {
  const record = await db.derived.get(KEY);
  if (!record) return undefined;
  const stored = record.value as Stored;
  return { stats: statsFromRecord(stored.stats), models: stored.models, papers: stored.papers };
}

/**
 * Document frequencies over the library. Each paper's stored search words stand for its text
 * (stemmed as the model stems): reading them is ten times faster than tokenising every abstract.
 */
async function corpusStats(db: PapershelfDb): Promise<{ stats: CorpusStats; papers: number }> {
  const df = new Map<string, number>();
  let papers = 0;
  await db.papers.each((p) => {
    papers++;
    const seen = new Set<string>();
    for (const w of p.words ?? []) seen.add(stem(w));
    for (const term of seen) df.set(term, (df.get(term) ?? 0) + 1);
  });
  return { stats: { docs: papers, df }, papers };
}

const tagKey = (t: string) => t.toLowerCase();

async function trainTag(db: PapershelfDb, tag: string, stats: CorpusStats): Promise<TagModel | undefined> {
  const papers = await db.papers.where('tags').equalsIgnoreCase(tag).toArray();
  if (papers.length < MIN_PAPERS_PER_TAG) return undefined;
  const spelled = papers[0]!.tags!.find((t) => tagKey(t) === tagKey(tag)) ?? tag;
  // Nearest centroid needs only the tag's own papers (see suggest/model.ts for why that method).
  return trainTagModel(spelled, papers.map((p) => vectorize(termsOf(p), stats)), []);
}

/**
 * Retrains the models of `tags` (after papers were tagged or untagged), or all of them when the
 * statistics are missing or stale. Returns the models now stored.
 */
export async function retrainTagModels(db: PapershelfDb, tags: string[] | 'all', now: number): Promise<TagModels> {
  const current = await loadTagModels(db);
  const count = await db.papers.count();
  const stale = tags === 'all' || !current || Math.abs(count - current.papers) > current.papers / 10;
  let stats: CorpusStats;
  let models: TagModel[];
  let papers: number;
  let todo: string[];
  if (stale) {
    ({ stats, papers } = await corpusStats(db));
    models = [];
    const all = new Set<string>();
    await db.papers.orderBy('tags').eachKey((k) => void all.add(tagKey(String(k))));
    todo = [...all];
  } else {
    ({ stats, papers } = current);
    const changed = new Set(tags.map(tagKey));
    models = current.models.filter((m) => !changed.has(tagKey(m.tag)));
    todo = [...changed];
  }
  for (const tag of todo) {
    const model = await trainTag(db, tag, stats);
    if (model) models.push(model);
  }
  const value: Stored = { stats: statsToRecord(stats), models, papers };
  await db.derived.put({ key: KEY, value, updatedAt: now });
  return { stats, models, papers };
}
