/**
 * Tag models for a library, and the tags they suggest for a paper with the words that weighed most.
 * Tags compare case-insensitively, as everywhere else in Papershelf.
 */
import type { TagModel } from './model';
import { surfaceForms, termsOf, type PaperText } from './terms';
import { vectorize, type CorpusStats, type SparseVector } from './tfidf';

export interface ModelSuggestion {
  tag: string;
  /** The paper's words that added most to the score, strongest first. */
  why: string[];
  /** The paper's vector · the model's weights; at least the model's threshold. */
  score: number;
}

export function suggestByModel(
  models: readonly TagModel[],
  paper: PaperText & { tags?: string[] | undefined; dismissed?: string[] | undefined },
  stats: CorpusStats,
): ModelSuggestion[] {
  if (models.length === 0) return [];
  const vector = vectorize(termsOf(paper), stats);
  const taken = new Set([...(paper.tags ?? []), ...(paper.dismissed ?? [])].map((t) => t.toLowerCase()));
  const suggestions = suggestForVector(models, vector, taken);
  if (suggestions.length === 0) return suggestions;
  const forms = surfaceForms(paper);
  return suggestions.map((s) => ({ ...s, why: s.why.map((term) => forms.get(term) ?? term) }));
}

/**
 * The suggestions for an already vectorised paper, `why` in stems; `taken` holds lower-case tags.
 * Pass the same `models` array for many papers: the word index over it is built once per array.
 */
export function suggestForVector(
  models: readonly TagModel[],
  vector: SparseVector,
  taken: ReadonlySet<string>,
): ModelSuggestion[] {
  const index = indexOf(models);
  // One look-up per word of the paper for all models at once, rather than one per word and model.
  const scores = new Float64Array(models.length);
  for (const [term, value] of vector) {
    for (const { model, weight } of index.get(term) ?? []) scores[model]! += weight * value;
  }
  const out: ModelSuggestion[] = [];
  models.forEach((model, i) => {
    const score = scores[i]!;
    if (score < model.threshold || taken.has(model.tag.toLowerCase())) return;
    // Only the few tags suggested are explained, so scoring a whole library stays cheap.
    out.push({ tag: model.tag, why: strongestTerms(weightsOf(model), vector), score });
  });
  return out.sort((a, b) => b.score - a.score);
}

function strongestTerms(weights: ReadonlyMap<string, number>, vector: SparseVector, count = 3): string[] {
  const contributions: [string, number][] = [];
  for (const [term, value] of vector) {
    const contribution = (weights.get(term) ?? 0) * value;
    if (contribution > 0) contributions.push([term, contribution]);
  }
  return contributions
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([term]) => term);
}

type ModelIndex = Map<string, { model: number; weight: number }[]>;

// Models arrive as plain records (from IndexedDB); looking words up in a Map is both faster and
// safe from words like "constructor". Cached per model object, since one model scores many papers;
// models are replaced when retrained, never changed in place.
const mapped = new WeakMap<TagModel, Map<string, number>>();
function weightsOf(model: TagModel): Map<string, number> {
  let weights = mapped.get(model);
  if (!weights) {
    weights = new Map(Object.entries(model.weights));
    mapped.set(model, weights);
  }
  return weights;
}

// Keyed by the models array: the worker scores many papers with the same one, and a new array
// (after retraining a tag) costs one rebuild of a few thousand entries.
const indexes = new WeakMap<readonly TagModel[], ModelIndex>();
function indexOf(models: readonly TagModel[]): ModelIndex {
  let index = indexes.get(models);
  if (!index) {
    index = new Map();
    models.forEach((model, i) => {
      for (const [term, weight] of weightsOf(model)) {
        const postings = index!.get(term);
        if (postings) postings.push({ model: i, weight });
        else index!.set(term, [{ model: i, weight }]);
      }
    });
    indexes.set(models, index);
  }
  return index;
}
