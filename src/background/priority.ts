/**
 * User actions first: a click, a page's states, the popup and search never wait behind background
 * work (indexing, imports, retraining) for more than the one small transaction under way. Each
 * piece of background work asks for its `turn()` before each transaction; the turn comes only when
 * no user request is in flight, and after a task boundary, so a request already queued (a message
 * the browser has not delivered yet) gets in first.
 */
export interface PriorityGate {
  /** Runs a user request; background work waits for it to be answered. */
  user<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves when background work may start its next transaction. */
  turn(): Promise<void>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function priorityGate(): PriorityGate {
  let active = 0;
  let waiting: (() => void)[] = [];
  const release = () => {
    const ready = waiting;
    waiting = [];
    for (const resume of ready) resume();
  };
  const gate: PriorityGate = {
    async user(work) {
      active++;
      try {
        return await work();
      } finally {
        if (--active === 0) release();
      }
    },
    async turn() {
      await nextTask();
      // A request that came in meanwhile goes first; check again after it, as another may follow.
      while (active > 0) {
        await new Promise<void>((resolve) => waiting.push(resolve));
        await nextTask();
      }
    },
  };
  return gate;
}
