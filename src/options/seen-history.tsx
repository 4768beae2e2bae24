/**
 * Settings → "Papers you have only seen": how long to keep them, and "Clear seen history" with a
 * confirmation and an Undo. The worker keeps the cleared papers for the Undo while this page is
 * open; closing the page lets them go (the page says so on `pagehide`).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { failureText, type WorkerConnection } from '../messaging/client';
import type { KeepSeen, Settings } from '../shared/model';

const KEEP_LABELS: Record<KeepSeen, string> = {
  forever: 'Forever',
  year: '1 year',
  quarter: '3 months',
  month: '1 month',
};

type Step =
  | { step: 'idle' }
  | { step: 'confirm' }
  | { step: 'working'; what: string }
  | { step: 'cleared'; cleared: number }
  | { step: 'restored'; restored: number }
  | { step: 'error'; message: string };

/**
 * How many papers this page cleared and may still put back (0: none). Once, for the page, not the
 * panel: switching sections unmounts the panel, but the worker keeps the papers, and so the panel
 * offers the Undo again, until the page goes.
 */
let undoable = 0;
let leaving: ((this: Window, e: PageTransitionEvent) => void) | undefined;
function undoableUntilLeaving(worker: WorkerConnection, cleared: number) {
  undoable = cleared;
  leaving ??= () => {
    if (undoable > 0) void worker.request({ type: 'history/forgetCleared' }).catch(() => undefined);
  };
  addEventListener('pagehide', leaving);
}

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'paper' : 'papers'}`;

export function SeenHistory({
  settings,
  worker,
  save,
}: {
  settings: Settings;
  worker: WorkerConnection;
  save: (patch: { keepSeen: KeepSeen }) => void;
}) {
  const [state, setState] = useState<Step>(undoable > 0 ? { step: 'cleared', cleared: undoable } : { step: 'idle' });
  const confirmButton = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  // Focus follows the user's own steps, not the panel coming back with its Undo.
  const acted = useRef(false);

  useEffect(() => {
    if (!acted.current) return;
    if (state.step === 'confirm') confirmButton.current?.focus();
    if (state.step === 'cleared' || state.step === 'restored') status.current?.focus();
  }, [state.step]);

  const step = (next: Step) => {
    acted.current = true;
    setState(next);
  };

  async function clear() {
    step({ step: 'working', what: 'Clearing…' });
    try {
      const { cleared } = await worker.request({ type: 'history/clearSeen' });
      undoableUntilLeaving(worker, cleared);
      step({ step: 'cleared', cleared });
    } catch (err) {
      step({ step: 'error', message: `Nothing was cleared: ${failureText(err)}` });
    }
  }

  async function undo() {
    step({ step: 'working', what: 'Putting them back…' });
    try {
      const { restored } = await worker.request({ type: 'history/undoClear' });
      undoableUntilLeaving(worker, 0);
      step({ step: 'restored', restored });
    } catch (err) {
      step({ step: 'error', message: `The undo failed: ${failureText(err)}` });
    }
  }

  return (
    <fieldset class="card">
      <legend>Papers you have only seen</legend>
      <label class="row">
        <span class="site">Keep them</span>
        <select
          aria-label="Keep papers you have only seen"
          value={settings.keepSeen}
          onChange={(e) => save({ keepSeen: e.currentTarget.value as KeepSeen })}
        >
          {(Object.keys(KEEP_LABELS) as KeepSeen[]).map((k) => (
            <option key={k} value={k}>
              {KEEP_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <p class="hint">
        A paper is only seen when it was listed on a page you visited and you never read, saved, tagged, noted, listed
        or opened it. Papers you did any of that with are always kept. Others go once their last sighting is older than
        the time chosen (checked once a day).
      </p>
      {state.step === 'confirm' ? (
        <div role="group" aria-labelledby="clear-seen-question" class="confirm">
          <p id="clear-seen-question">
            Clear every paper you have only seen? Papers you read, saved, tagged, noted, listed or opened stay. You can
            undo this while this page stays open.
          </p>
          <button type="button" ref={confirmButton} onClick={() => void clear()}>
            Clear seen history
          </button>{' '}
          <button type="button" onClick={() => step({ step: 'idle' })}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" disabled={state.step === 'working'} onClick={() => step({ step: 'confirm' })}>
          Clear seen history…
        </button>
      )}
      <div aria-live="polite">
        {state.step === 'working' ? <p>{state.what}</p> : null}
        {state.step === 'cleared' ? (
          <p ref={status} tabIndex={-1}>
            Cleared {count(state.cleared)} you had only seen.{' '}
            {state.cleared > 0 ? (
              <button type="button" onClick={() => void undo()}>
                Undo
              </button>
            ) : null}
          </p>
        ) : null}
        {state.step === 'restored' ? (
          <p ref={status} tabIndex={-1}>
            Put back {count(state.restored)}.
          </p>
        ) : null}
      </div>
      {state.step === 'error' ? <p role="alert">{state.message}</p> : null}
    </fieldset>
  );
}
