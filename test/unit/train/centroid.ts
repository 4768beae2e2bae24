/**
 * Nearest centroid (Rocchio): the mean of a tag's papers, minus a fraction of the mean of the
 * others so that words every paper uses ("model", "method") stop counting as evidence.
 */
import type { SparseVector } from '../../../src/suggest/tfidf';

export function centroidWeights(
  positives: readonly SparseVector[],
  negatives: readonly SparseVector[],
  negativeFraction: number,
): SparseVector {
  const weights: SparseVector = new Map();
  addMean(weights, positives, 1);
  if (negativeFraction > 0) addMean(weights, negatives, -negativeFraction);
  return weights;
}

function addMean(into: SparseVector, vectors: readonly SparseVector[], factor: number): void {
  if (vectors.length === 0) return;
  const share = factor / vectors.length;
  for (const vector of vectors) {
    for (const [term, weight] of vector) into.set(term, (into.get(term) ?? 0) + weight * share);
  }
}
