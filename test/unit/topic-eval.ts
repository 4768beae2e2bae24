/**
 * Measures the tag model on the seed: the hand-assigned topics in fixtures/seed/topic-tags.tsv
 * are the truth. As a user would, the first `TRAINING_PER_TOPIC` papers of each topic (in feed
 * order) are tagged, with all their topics; the model then suggests tags for every other paper,
 * and suggestions are scored as (paper, tag) pairs, micro-averaged over topics.
 */
import { suggestForVector } from '../../src/suggest/suggest';
import { termsOf, TITLE_WEIGHT } from '../../src/suggest/terms';
import { addDocument, emptyStats, vectorize } from '../../src/suggest/tfidf';
import { fixture } from './capture';
import { seedPapers } from './seed';
import { DEFAULT_TRAINING, trainModels, type TrainOptions } from './train/train';

export const TRAINING_PER_TOPIC = 3;

export function seedTopics(): Map<string, string[]> {
  const rows = fixture('seed/topic-tags.tsv')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .slice(1);
  return new Map(
    rows.map((row) => {
      const [id, tags] = row.split('\t');
      return [id!, (tags ?? '').split(',').filter(Boolean)];
    }),
  );
}

export interface Evaluation {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  heldOut: number;
  /** Per topic: [true positives, false positives, false negatives], to see which topics the model misses. */
  byTopic: Record<string, [number, number, number]>;
}

export function evaluateOnSeed(options: TrainOptions = DEFAULT_TRAINING, titleWeight = TITLE_WEIGHT): Evaluation {
  const papers = seedPapers();
  const truth = seedTopics();
  const training = new Set<string>();
  const seen = new Map<string, number>();
  for (const paper of papers) {
    for (const topic of truth.get(paper.id) ?? []) {
      const n = seen.get(topic) ?? 0;
      if (n < TRAINING_PER_TOPIC) training.add(paper.id);
      seen.set(topic, n + 1);
    }
  }
  const stats = emptyStats();
  const terms = papers.map((p) => termsOf(p, titleWeight));
  for (const t of terms) addDocument(stats, t);
  const library = papers.map((p, i) => ({
    id: p.id,
    vector: vectorize(terms[i]!, stats),
    tags: training.has(p.id) ? truth.get(p.id) : [],
  }));
  const models = trainModels(library, options);
  let heldOut = 0;
  const byTopic: Record<string, [number, number, number]> = {};
  const count = (tag: string, slot: 0 | 1 | 2) => {
    (byTopic[tag] ??= [0, 0, 0])[slot] += 1;
  };
  for (const paper of library) {
    if (training.has(paper.id)) continue;
    heldOut += 1;
    const expected = new Set(truth.get(paper.id));
    const suggested = new Set(suggestForVector(models, paper.vector, new Set()).map((s) => s.tag));
    for (const tag of suggested) count(tag, expected.has(tag) ? 0 : 1);
    for (const tag of expected) if (!suggested.has(tag)) count(tag, 2);
  }
  const sum = (slot: 0 | 1 | 2) => Object.values(byTopic).reduce((total, counts) => total + counts[slot], 0);
  const [truePositives, falsePositives, falseNegatives] = [sum(0), sum(1), sum(2)];
  return {
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: truePositives / Math.max(1, truePositives + falseNegatives),
    truePositives,
    falsePositives,
    falseNegatives,
    heldOut,
    byTopic,
  };
}
