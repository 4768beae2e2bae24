/**
 * When sync runs: at worker start, a few seconds after the last change (debounced, so a burst of
 * clicks is one upload), on each periodic alarm, and on "Sync now". One run at a time: a request
 * during a run makes one more run after it. A run that failed for a passing reason (offline, a
 * timeout, a 5xx) is tried again after 30 s, 1 min, 2 min… up to 30 min; meanwhile changes keep
 * waiting in `syncPending`, so nothing is lost.
 */
export type Outcome = 'ok' | 'retry' | 'stop';

export interface SchedulerDeps {
  run: () => Promise<Outcome>;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Told when a retry is due (undefined: none). */
  onRetryAt?: (at: number | undefined) => void;
  debounceMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export interface Scheduler {
  /** Runs now (or once more after the run under way); resolves when that run is over. */
  now(): Promise<void>;
  /** A change was recorded: run a few seconds after the last one. */
  changed(): void;
  /** The periodic alarm. */
  alarm(): Promise<void>;
}

export function retryDelay(failures: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, failures - 1));
}

export function syncScheduler(deps: SchedulerDeps): Scheduler {
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const debounceMs = deps.debounceMs ?? 3_000;
  const base = deps.retryBaseMs ?? 30_000;
  const max = deps.retryMaxMs ?? 30 * 60_000;
  let running: Promise<void> | undefined;
  let again = false;
  let failures = 0;
  let timer: unknown;

  const later = (ms: number) => {
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(() => {
      timer = undefined;
      void scheduler.now();
    }, ms);
  };

  const scheduler: Scheduler = {
    now() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          const outcome = await deps.run().catch((): Outcome => 'retry');
          if (outcome === 'retry') {
            failures++;
            const delay = retryDelay(failures, base, max);
            deps.onRetryAt?.(now() + delay);
            later(delay);
          } else {
            failures = 0;
            deps.onRetryAt?.(undefined);
          }
        } while (again);
      })().finally(() => {
        running = undefined;
      });
      return running;
    },
    changed() {
      // While a retry is due, the change waits for it: hammering a server that is down helps nobody.
      if (failures === 0) later(debounceMs);
    },
    alarm() {
      return scheduler.now();
    },
  };
  return scheduler;
}
