/**
 * Corpus statistics and tf-idf vectors. The worker counts them over the whole library, again when
 * the library has grown or shrunk by a tenth (db/tag-models.ts), and stores them as a record.
 */
import type { TermCounts } from './terms';

/** How many papers hold each term. Kept as a Map: a plain object would answer `df["constructor"]`. */
export interface CorpusStats {
  docs: number;
  df: Map<string, number>;
}

/** The statistics as IndexedDB and JSON store them. */
export interface StoredCorpusStats {
  n: number;
  df: Record<string, number>;
}

/** A sparse vector: term → weight, absent terms are 0. */
export type SparseVector = Map<string, number>;

export function emptyStats(): CorpusStats {
  return { docs: 0, df: new Map() };
}

export function addDocument(stats: CorpusStats, terms: TermCounts): void {
  stats.docs += 1;
  for (const term of terms.keys()) stats.df.set(term, (stats.df.get(term) ?? 0) + 1);
}

export function statsToRecord(stats: CorpusStats): StoredCorpusStats {
  // fromEntries defines own properties, so no word can reach a prototype setter.
  return { n: stats.docs, df: Object.fromEntries(stats.df) };
}

export function statsFromRecord(record: StoredCorpusStats): CorpusStats {
  return { docs: record.n, df: new Map(Object.entries(record.df)) };
}

/** Smoothed idf, as scikit-learn's: a term in every paper still weighs a little, an unseen one the most. */
export function idf(stats: CorpusStats, term: string): number {
  return Math.log((1 + stats.docs) / (1 + (stats.df.get(term) ?? 0))) + 1;
}

/** Sublinear tf × idf, L2-normalised so long abstracts do not outscore short ones. */
export function vectorize(terms: TermCounts, stats: CorpusStats): SparseVector {
  const vector: SparseVector = new Map();
  let norm = 0;
  for (const [term, count] of terms) {
    if (count <= 0) continue;
    const weight = (1 + Math.log(count)) * idf(stats, term);
    vector.set(term, weight);
    norm += weight * weight;
  }
  return scaleToUnit(vector, norm);
}

export function scaleToUnit(vector: SparseVector, squaredNorm = sumOfSquares(vector)): SparseVector {
  if (squaredNorm === 0) return vector;
  const inverse = 1 / Math.sqrt(squaredNorm);
  for (const [term, weight] of vector) vector.set(term, weight * inverse);
  return vector;
}

function sumOfSquares(vector: SparseVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return sum;
}
