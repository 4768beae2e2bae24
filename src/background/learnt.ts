/**
 * Suggested tags learnt from the user's own tags, in the worker. Models are retrained in the
 * background after a tag change, one at a time, and kept in the database; this memory only caches
 * them, so a restarted worker reads them back.
 */
import type { PapershelfDb } from '../db/schema';
import { readTagModelState, updateTagModels, type TagChange, type TagModelState } from '../db/tag-models';
import type { Paper } from '../shared/model';
import type { Suggestion } from '../shared/rules';
import { suggestByModel } from '../suggest/suggest';

export interface Learnt {
  /** Whether any tag has a model yet: without one there is nothing to suggest, and nothing to read. */
  active(): Promise<boolean>;
  /** The learnt suggestions of papers that have any, by paper id. */
  suggest(papers: readonly Paper[]): Promise<Map<string, Suggestion[]>>;
  /** A paper got or lost these tags (or, after an import, any): retrain, then call `onRetrained`. */
  tagsChanged(change: TagChange): void;
  /** Resolves when the retraining asked for so far is done. */
  settled(): Promise<void>;
}

/** `turn` resolves when background work may start (the worker's priority gate). */
export function learntSuggestions(
  db: PapershelfDb,
  now: () => number,
  onRetrained: () => void,
  turn: () => Promise<void> = async () => undefined,
): Learnt {
  let cached: Promise<TagModelState | undefined> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let allQueued = false;
  // A failed read (a transaction aborted under load, the database closing) is not "no model": it
  // is logged, answered with no suggestions this once, and read again next time.
  const state = () =>
    (cached ??= readTagModelState(db).catch((err: unknown) => {
      console.error('Papershelf: reading the tag models failed; reading again on the next request', err);
      cached = undefined;
      return undefined;
    }));
  return {
    active: async () => Boolean((await state())?.stored.models.length),
    async suggest(papers) {
      const out = new Map<string, Suggestion[]>();
      const current = await state();
      const models = current?.stored.models;
      if (!current || !models?.length) return out;
      for (const p of papers) {
        const found = suggestByModel(models, p, current.stats);
        if (found.length)
          out.set(
            p.id,
            found.map(({ tag, why }) => ({ tag, why })),
          );
      }
      return out;
    },
    tagsChanged(change) {
      // A full retrain not started yet covers any change: an import of 100 batches retrains once
      // after the batches that came while one was running, not 100 times.
      if (allQueued) return;
      if (change === 'all') allQueued = true;
      queue = queue
        .then(async () => {
          await turn();
          if (change === 'all') allQueued = false;
          cached = Promise.resolve(await updateTagModels(db, change, now(), await state(), turn));
          onRetrained();
        })
        .catch((err: unknown) => {
          cached = undefined;
          console.error('Papershelf: retraining tag models failed', err);
        });
    },
    settled: () => queue.then(() => undefined),
  };
}

/** Rule suggestions first; a learnt one adds a tag the rules did not already suggest. */
export function withLearnt<S extends { suggestions: Suggestion[] }>(state: S, learnt: Suggestion[] | undefined): S {
  if (!learnt?.length) return state;
  const have = new Set(state.suggestions.map((s) => s.tag.toLowerCase()));
  return { ...state, suggestions: [...state.suggestions, ...learnt.filter((s) => !have.has(s.tag.toLowerCase()))] };
}
