/**
 * One model per tag: a sparse weight per word, and the score a paper must reach to be suggested
 * the tag. Plain data, so the worker can keep models in IndexedDB and retrain only the tag whose
 * papers changed.
 *
 * Default: nearest centroid, suggesting a tag when a paper's cosine with the tag's centroid is at
 * least 0.1. Measured on the seed's hand-assigned topics (test/fixtures/seed/topic-tags.tsv; 3
 * papers a topic tagged, 43 held out, see test/unit/topic-eval.ts), best settings of each:
 *   centroid:             precision 0.53, recall 0.51 (F1 0.52)
 *   logistic regression:  precision 0.37, recall 0.66 (F1 0.47), λ 0.03, 5 epochs, threshold −0.4
 * Likely why the classifier loses: from 3 to 8 positives, and every untagged paper (held-out papers
 * of the topic too) counted as a negative, it has too little to go on beyond their mean. Subtracting a
 * share of the other papers' mean (Rocchio, 0.1–0.5) traded recall for precision without a better
 * F1, and leaving it out makes training cost depend on the tag's papers only. Calibrating the
 * threshold per tag (mean + k·σ of the other papers' scores) did worse than one cosine for all.
 * Thresholds were tuned on the held-out papers themselves, so expect somewhat less on new ones.
 * The evaluation trains both methods itself (test/unit/train/); the worker keeps a running sum
 * per tag (db/tag-models.ts) and makes its centroid model here.
 */
import { scaleToUnit, type SparseVector } from './tfidf';

/** 'linear' models exist only in the evaluation, scored by the same `suggestForVector`. */
export type ModelMethod = 'centroid' | 'linear';

export interface TagModel {
  tag: string;
  method: ModelMethod;
  /** The words that matter for the tag, the strongest `KEPT_TERMS` of them. */
  weights: Record<string, number>;
  /** A paper is suggested the tag when its vector's dot product with `weights` reaches this. */
  threshold: number;
  /** How many of the library's papers had the tag. */
  trainedOn: number;
}

/** The least cosine between a paper and a tag's centroid for the tag to be suggested. */
export const CENTROID_THRESHOLD = 0.1;

/** A tag needs this many papers before its papers say more than their own quirks. */
export const MIN_PAPERS_PER_TAG = 3;

/** Enough words to explain and to score; more only make the stored model and each scoring slower. */
export const KEPT_TERMS = 100;

/**
 * A nearest-centroid model from the mean of a tag's vectors — or their sum, which the worker keeps
 * up to date one paper at a time: the weights are scaled to unit length, so the scale is moot.
 */
export function centroidModel(
  tag: string,
  centroid: SparseVector,
  trainedOn: number,
  threshold = CENTROID_THRESHOLD,
): TagModel {
  return {
    tag,
    method: 'centroid',
    weights: Object.fromEntries(scaleToUnit(strongest(centroid))),
    threshold,
    trainedOn,
  };
}

/** The `KEPT_TERMS` weights of largest magnitude. */
export function strongest(weights: SparseVector): SparseVector {
  const sorted = [...weights].filter(([, w]) => w !== 0).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  return new Map(sorted.slice(0, KEPT_TERMS));
}
