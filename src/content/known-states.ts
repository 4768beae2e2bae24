import type { PaperState } from '../shared/model';

/**
 * What the page knows of its papers' stored states. States come from the worker by two roads, the
 * answers to this page's requests and the pushes that follow every change, and the two can arrive
 * out of order (an answer held up by a worker restart lands after a newer click's push). Each
 * state carries `asOf`, when the worker read it; the page keeps the newest.
 */
export class KnownStates {
  readonly #states = new Map<string, PaperState>();
  readonly #show: (state: PaperState) => void;

  /** `show`: puts a stored state on the page (every card of the paper). */
  constructor(show: (state: PaperState) => void) {
    this.#show = show;
  }

  get(id: string): PaperState | undefined {
    return this.#states.get(id);
  }

  /**
   * A state from the worker. The newest known is shown either way, so a card waiting for this
   * answer settles on what is true.
   */
  take(state: PaperState): void {
    const known = this.#states.get(state.id);
    const newest = known && (known.asOf ?? 0) > (state.asOf ?? 0) ? known : state;
    this.#states.set(state.id, newest);
    this.#show(newest);
  }
}
