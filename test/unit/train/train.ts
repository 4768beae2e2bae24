/**
 * Training from a whole library at once, for the evaluation (topic-eval.ts) and the model tests:
 * nearest centroid (what the worker ships, see src/suggest/model.ts) and the logistic-regression
 * classifier it was measured against. The worker itself keeps a running sum per tag instead.
 */
import {
  centroidModel,
  CENTROID_THRESHOLD,
  MIN_PAPERS_PER_TAG,
  strongest,
  type ModelMethod,
  type TagModel,
} from '../../../src/suggest/model';
import type { SparseVector } from '../../../src/suggest/tfidf';
import { centroidWeights } from './centroid';
import { linearWeights } from './linear';

export interface VectorWithTags {
  vector: SparseVector;
  tags?: readonly string[] | undefined;
}

export interface TrainOptions {
  method: ModelMethod;
  /** Centroid: the least cosine; linear: added to the decision boundary. */
  threshold: number;
  /** Centroid: how much of the other papers' mean is taken away. */
  negativeFraction: number;
  epochs: number;
  lambda: number;
}

/** What the worker does, trained in one go. */
export const DEFAULT_TRAINING: TrainOptions = {
  method: 'centroid',
  threshold: CENTROID_THRESHOLD,
  negativeFraction: 0,
  epochs: 5,
  lambda: 0.03,
};

/** The classifier's best settings on the seed, kept to measure it against the default. */
export const LINEAR_TRAINING: TrainOptions = { ...DEFAULT_TRAINING, method: 'linear', threshold: -0.4 };

export function trainTagModel(
  tag: string,
  positives: readonly SparseVector[],
  negatives: readonly SparseVector[],
  options: TrainOptions = DEFAULT_TRAINING,
): TagModel | undefined {
  if (positives.length < MIN_PAPERS_PER_TAG) return undefined;
  if (options.method === 'centroid') {
    const centroid = centroidWeights(positives, negatives, options.negativeFraction);
    return centroidModel(tag, centroid, positives.length, options.threshold);
  }
  const { weights, bias } = linearWeights(positives, negatives, options);
  const kept = Object.fromEntries(strongest(weights));
  return { tag, method: 'linear', weights: kept, threshold: options.threshold - bias, trainedOn: positives.length };
}

/** A model for every tag that at least `MIN_PAPERS_PER_TAG` papers have. */
export function trainModels(papers: readonly VectorWithTags[], options: TrainOptions = DEFAULT_TRAINING): TagModel[] {
  const spelling = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const paper of papers) {
    for (const tag of new Set((paper.tags ?? []).map((t) => t.toLowerCase())))
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
    for (const tag of paper.tags ?? []) if (!spelling.has(tag.toLowerCase())) spelling.set(tag.toLowerCase(), tag);
  }
  const models: TagModel[] = [];
  for (const [key, count] of counts) {
    if (count < MIN_PAPERS_PER_TAG) continue;
    const model = trainModelFor(spelling.get(key) ?? key, papers, options);
    if (model) models.push(model);
  }
  return models;
}

function trainModelFor(tag: string, papers: readonly VectorWithTags[], options: TrainOptions): TagModel | undefined {
  const key = tag.toLowerCase();
  const positives: SparseVector[] = [];
  const negatives: SparseVector[] = [];
  for (const paper of papers)
    (paper.tags?.some((t) => t.toLowerCase() === key) ? positives : negatives).push(paper.vector);
  return trainTagModel(tag, positives, negatives, options);
}
