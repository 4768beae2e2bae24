/**
 * A linear classifier per tag, as arxiv-sanity-lite does with scikit-learn's LinearSVC: here
 * L2-regularised logistic regression fitted by SGD over the sparse vectors. The tag's papers are
 * the positives, every other paper a negative, and both classes weigh the same in total since a
 * tag has a handful of papers against thousands of others.
 */
import type { SparseVector } from '../../../src/suggest/tfidf';

export interface LinearOptions {
  epochs: number;
  /** L2 strength: larger spreads weight over more words instead of betting on a few. */
  lambda: number;
}

export function linearWeights(
  positives: readonly SparseVector[],
  negatives: readonly SparseVector[],
  options: LinearOptions,
): { weights: SparseVector; bias: number } {
  const examples = [
    ...positives.map((x) => ({ x, y: 1, weight: 0.5 / positives.length })),
    ...negatives.map((x) => ({ x, y: -1, weight: 0.5 / Math.max(1, negatives.length) })),
  ];
  // Weights are kept as scale × v so that the L2 shrink of every step costs one multiplication.
  const v: SparseVector = new Map();
  let scale = 1;
  let bias = 0;
  let step = 0;
  const random = seededRandom(examples.length);
  const count = examples.length;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(examples, random);
    for (const { x, y, weight } of examples) {
      step += 1;
      const rate = 1 / (options.lambda * (step + count));
      let margin = bias;
      for (const [term, value] of x) margin += scale * (v.get(term) ?? 0) * value;
      // Per-example gradient of the weighted log loss, scaled by the number of examples so the
      // class weights average to 1 and the learning rate keeps its usual meaning.
      const gradient = (y * weight * count) / (1 + Math.exp(y * margin));
      scale *= 1 - rate * options.lambda;
      if (scale < 1e-9) scale = rescale(v, scale);
      for (const [term, value] of x) v.set(term, (v.get(term) ?? 0) + (rate * gradient * value) / scale);
      bias += rate * gradient;
    }
  }
  const weights: SparseVector = new Map();
  for (const [term, value] of v) weights.set(term, value * scale);
  return { weights, bias };
}

function rescale(v: SparseVector, scale: number): number {
  for (const [term, value] of v) v.set(term, value * scale);
  return 1;
}

/** Training must give the same model for the same papers, or suggestions would flicker. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
