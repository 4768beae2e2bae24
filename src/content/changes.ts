/**
 * The user's changes to papers on this page, on their way to the worker. Each carries the stamp
 * of the action (shared/stamp.ts), so the worker applies them in the order the user made them
 * whatever order retries deliver them in. A card shows the change at once and stays pending until
 * every change to its paper is answered; a failure is shown only for a field's newest change (an
 * older one the user already superseded needs no retry).
 */
import { ExtensionGone, type WorkerConnection } from '../messaging/client';
import type { PaperState } from '../shared/model';
import type { RequestOf } from '../shared/protocol';
import { stamp } from '../shared/stamp';
import { UNKNOWN, type Card, type Shown } from './card';
import type { KnownStates } from './known-states';
import { report } from './report';

export type PaperChange = RequestOf<
  'paper/setRead' | 'paper/setSaved' | 'paper/tag' | 'paper/setNote' | 'paper/dismiss'
>;

export class Changes {
  readonly #worker: WorkerConnection;
  readonly #known: KnownStates;
  readonly #cardsOf: (id: string) => Iterable<Card>;
  /** Changes sent and not answered yet, by paper. */
  readonly #inFlight = new Map<string, number>();
  /** The stamp of the newest change to each paper's field ("id field"). */
  readonly #newest = new Map<string, number>();

  constructor(worker: WorkerConnection, known: KnownStates, cardsOf: (id: string) => Iterable<Card>) {
    this.#worker = worker;
    this.#known = known;
    this.#cardsOf = cardsOf;
  }

  /** Whether a change to the paper is still on its way: its cards keep showing it, pending. */
  busy(id: string): boolean {
    return (this.#inFlight.get(id) ?? 0) > 0;
  }

  /** Shows a change at once on every card of the paper, then applies what the worker stored. */
  async send(field: string, shown: Partial<Shown>, change: PaperChange): Promise<void> {
    const { id } = change;
    const at = stamp();
    const key = `${id} ${field}`;
    this.#newest.set(key, at);
    this.#inFlight.set(id, (this.#inFlight.get(id) ?? 0) + 1);
    for (const c of this.#cardsOf(id)) c.update({ shown: { ...c.view.shown, ...shown }, pending: true });
    let state: PaperState | undefined;
    let failure: unknown;
    try {
      state = (await this.#worker.request({ ...change, at } as never)) as PaperState;
    } catch (err) {
      failure = err;
    }
    const left = this.#inFlight.get(id)! - 1;
    if (left) this.#inFlight.set(id, left);
    else this.#inFlight.delete(id);
    if (state) {
      this.#known.take(state);
      return;
    }
    const newest = this.#newest.get(key) === at;
    if (newest) report('could not save the change', failure);
    // The stored state, unless other changes are still on their way (their answers will show it).
    if (!newest && left) return;
    const { id: _id, ...known } = this.#known.get(id) ?? { id, ...UNKNOWN };
    for (const c of this.#cardsOf(id)) {
      // After an update, trying again cannot help: the message says what will.
      const error = failure instanceof ExtensionGone ? `Not saved: ${failure.message}` : 'Not saved — try again';
      c.update({ shown: known, pending: left > 0, ...(newest ? { error } : {}) });
    }
  }
}
