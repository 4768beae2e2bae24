import type { PaperState } from '../shared/model';

/**
 * What the page knows of its papers' stored states, and which news is newest. Answers to requests
 * (the page load's, a refresh) can arrive after a change was made here or pushed from another tab;
 * such an answer must not put the older state back. Changes are counted; an answer carries the
 * count at which it was asked, and a paper changed since keeps its newer state.
 */
export class KnownStates {
  readonly #states = new Map<string, PaperState>();
  readonly #show: (state: PaperState) => void;
  #changes = 0;
  readonly #changedAt = new Map<string, number>();

  /** `show`: puts a stored state on the page (every card of the paper). */
  constructor(show: (state: PaperState) => void) {
    this.#show = show;
  }

  get(id: string): PaperState | undefined {
    return this.#states.get(id);
  }

  /** The mark to give `answered` for a request sent now. */
  asking(): number {
    return this.#changes;
  }

  /** News (a push, the worker's reply to a change made here): newer than any answer in flight. */
  changed(state: PaperState): void {
    this.#changedAt.set(state.id, ++this.#changes);
    this.#set(state);
  }

  /** A state from the answer to a request sent at mark `asked`, unless the paper changed since. */
  answered(state: PaperState, asked: number): void {
    if ((this.#changedAt.get(state.id) ?? 0) <= asked) this.#set(state);
  }

  #set(state: PaperState): void {
    this.#states.set(state.id, state);
    this.#show(state);
  }
}
