/**
 * Import: a file (Papershelf backup, compressed or not, BibTeX, PaperMemory export) or pasted
 * arXiv ids. A file is read in a worker with its progress and a Cancel; nothing is written before
 * the preview has been confirmed; a file that cannot be used gets an alert naming the problem and
 * the entry, and the library stays as it was. Writing goes one batch at a time, with its progress
 * and a Stop.
 */
import { useRef, useState } from 'preact/hooks';
import { listSummaries } from '../db/lists';
import type { PapershelfDb } from '../db/schema';
import { useLiveQuery } from '../ui/use-live-query';
import type { ImportProgress } from '../import/job';
import type { TargetList } from '../import/ids-reader';
import { roomFor, roomText, type Room } from '../import/room';
import { failureText, type WorkerConnection } from '../messaging/client';
import { learnWhenIdle } from '../export/slice-bounds';
import {
  Cancelled,
  readInWorker,
  runOfPlan,
  writeAll,
  type ImportRun,
  type PreparedInfo,
  type Written,
} from './import-run';

type Step =
  | { step: 'idle' }
  | { step: 'reading'; progress?: ImportProgress }
  | { step: 'preview'; run: ImportRun; info: PreparedInfo; room: Room }
  | { step: 'writing'; info: PreparedInfo; written: Written }
  | { step: 'done'; counts: Written; kind: string; stopped: boolean; of: number }
  | { step: 'error'; message: string };

const TARGETS: { target: 'toRead' | 'read' | 'library'; label: string }[] = [
  { target: 'toRead', label: 'To read' },
  { target: 'read', label: 'Read' },
  { target: 'library', label: 'Library only (seen)' },
];

/** The select's value: a built-in target, or `list:<id>` for a custom list. */
const targetOf = (value: string): TargetList =>
  value.startsWith('list:') ? { listId: value.slice(5) } : (value as TargetList);

const count = (n: number) => n.toLocaleString('en-US');

/** An import that failed part-way says how much of the file is in the library, and how to finish it. */
export function stoppedMessage(reason: string, papersWritten: number): string {
  const said = /[.!?]$/.test(reason) ? reason : `${reason}.`;
  return `The import stopped: ${said} ${
    papersWritten
      ? `${count(papersWritten)} papers were imported before it stopped; importing the file again completes it.`
      : 'Nothing was imported.'
  }`;
}

/** The storage an import of `created` new papers needs, against what the browser leaves. */
async function roomOf(db: PapershelfDb, created: number): Promise<Room> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  // Counted over an index: counting the table would walk every record.
  return roomFor(created, estimate, await db.papers.orderBy('firstSeenAt').count());
}

export function ImportPanel({ db, worker }: { db: PapershelfDb; worker: WorkerConnection }) {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [pasted, setPasted] = useState('');
  const [target, setTarget] = useState('toRead');
  const lists = useLiveQuery(() => listSummaries(db), [db]);
  const reading = useRef<ImportRun | undefined>(undefined);
  const stopping = useRef(false);

  async function prepare(run: ImportRun) {
    reading.current = run;
    try {
      const info = await run.prepared;
      setState({ step: 'preview', run, info, room: await roomOf(db, info.counts.created) });
    } catch (err) {
      if (err instanceof Cancelled) return setState({ step: 'idle' });
      setState({ step: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      reading.current = undefined;
    }
  }

  function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setState({ step: 'reading' });
    void prepare(readInWorker(file, Date.now(), (progress) => setState({ step: 'reading', progress })));
  }

  async function onPasted() {
    setState({ step: 'reading' });
    const plan = (await import('../import/ids-reader')).readIdList(pasted, targetOf(target), Date.now());
    await prepare(runOfPlan(db, plan, Date.now()));
  }

  function cancelPreview(run: ImportRun) {
    run.cancel();
    setState({ step: 'idle' });
  }

  async function confirm(run: ImportRun, info: PreparedInfo) {
    stopping.current = false;
    let written: Written = { created: 0, updated: 0, unchanged: 0, listed: 0, papers: 0 };
    setState({ step: 'writing', info, written });
    try {
      const done = await writeAll(
        run,
        worker,
        (w) => setState({ step: 'writing', info, written: (written = w) }),
        () => stopping.current,
      );
      setState({ step: 'done', counts: done, kind: info.kind, stopped: done.stopped, of: info.papers });
      // Many new ids: the next export's slices are cut where they now fall.
      learnWhenIdle(db);
    } catch (err) {
      setState({
        step: 'error',
        message: stoppedMessage(failureText(err), written.papers),
      });
    }
  }

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import and restore</h2>
      <label>
        <span class="site">Import</span>
        <input
          type="file"
          aria-label="Import"
          accept=".json,.gz,.bib,.bibtex,application/json,application/gzip,text/plain"
          onChange={(e) => void onFile(e.currentTarget)}
        />
      </label>
      <p class="hint">
        A Papershelf JSON backup (<code>.json</code> or compressed <code>.json.gz</code>, any size), a BibTeX file
        (entries with an eprint, an arXiv URL or a 10.48550/arXiv DOI) or a PaperMemory memory export.
      </p>
      <label class="stacked">
        <span>arXiv ids or URLs</span>
        <textarea
          aria-label="arXiv ids or URLs"
          rows={3}
          value={pasted}
          placeholder="1706.03762 https://arxiv.org/abs/2407.21783"
          onInput={(e) => setPasted(e.currentTarget.value)}
        />
      </label>
      <label>
        <span class="site">Add them to</span>
        <select aria-label="Add them to" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
          {TARGETS.map((t) => (
            <option key={t.target} value={t.target}>
              {t.label}
            </option>
          ))}
          {lists?.map((l) => (
            <option key={l.id} value={`list:${l.id}`}>
              List: {l.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void onPasted()}>
          Add papers
        </button>
      </label>

      {state.step === 'reading' ? (
        <ReadingProgress progress={state.progress} onCancel={() => reading.current?.cancel()} />
      ) : null}
      {state.step === 'writing' ? (
        <p>
          <progress aria-label="Importing…" value={state.written.papers} max={Math.max(1, state.info.papers)} />{' '}
          Importing… {count(state.written.papers)} of {count(state.info.papers)} papers{' '}
          <button type="button" onClick={() => (stopping.current = true)}>
            Stop
          </button>
        </p>
      ) : null}
      {state.step === 'error' ? <p role="alert">{state.message}</p> : null}
      {state.step === 'preview' ? (
        <Preview
          info={state.info}
          room={state.room}
          onConfirm={() => void confirm(state.run, state.info)}
          onCancel={() => cancelPreview(state.run)}
        />
      ) : null}
      {state.step === 'done' ? (
        <p role="status">
          {state.stopped
            ? `Stopped after ${count(state.counts.papers)} of ${count(state.of)} papers (${state.kind}): `
            : `Imported (${state.kind}): `}
          {count(state.counts.created)} new, {count(state.counts.updated)} updated, {count(state.counts.unchanged)}{' '}
          unchanged
          {state.counts.listed ? `, ${count(state.counts.listed)} added to lists` : ''}.
          {state.stopped
            ? ' Those are in your library; import the file again to finish (nothing is imported twice).'
            : ''}
        </p>
      ) : null}
    </section>
  );
}

function ReadingProgress({ progress, onCancel }: { progress: ImportProgress | undefined; onCancel(): void }) {
  const fraction = progress && progress.total ? progress.bytes / progress.total : undefined;
  return (
    <p>
      <progress aria-label="Reading…" {...(fraction === undefined ? {} : { value: fraction, max: 1 })} /> Reading…
      {progress ? ` ${Math.floor((fraction ?? 0) * 100)} %, ${count(progress.papers)} papers checked` : ''}{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </p>
  );
}

function Preview({
  info,
  room,
  onConfirm,
  onCancel,
}: {
  info: PreparedInfo;
  room: Room;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { counts, skipped, skippedCount } = info;
  const nothing = counts.created + counts.updated + counts.listed + counts.newLists + counts.settings === 0;
  return (
    <div class="preview" role="region" aria-label="Import preview">
      <p>
        {info.kind}: <strong>{count(counts.created)} new</strong>, <strong>{count(counts.updated)} updated</strong>,{' '}
        {count(counts.unchanged)} unchanged
        {counts.listed ? `, ${count(counts.listed)} added to lists` : ''}
        {counts.newLists ? ` (${counts.newLists} new ${counts.newLists === 1 ? 'list' : 'lists'})` : ''}
        {skippedCount ? `, ${count(skippedCount)} skipped` : ''}.
      </p>
      {room.refusal ? (
        <p role="alert">{room.refusal}</p>
      ) : counts.created >= 1_000 ? (
        <p class="hint">Needs {roomText(room)}.</p>
      ) : null}
      {skippedCount ? (
        <details>
          <summary>What will be skipped, and why</summary>
          <ul>
            {skipped.map((s, i) => (
              <li key={i}>
                {s.entry}: {s.reason}
              </li>
            ))}
            {skippedCount > skipped.length ? <li>… and {count(skippedCount - skipped.length)} more</li> : null}
          </ul>
        </details>
      ) : null}
      <button type="button" class="primary" onClick={onConfirm} disabled={nothing || room.refusal !== undefined}>
        Confirm import
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
