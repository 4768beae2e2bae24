/**
 * Import: a file (Papershelf backup, BibTeX, PaperMemory export) or pasted arXiv ids. Nothing is
 * written before the preview has been confirmed; a file that cannot be used gets an alert naming
 * the problem and the entry, and the library stays as it was.
 */
import { useState } from 'preact/hooks';
import type { ImportCounts } from '../db/import';
import { listSummaries } from '../db/lists';
import type { PapershelfDb } from '../db/schema';
import type { ImportPreview } from '../import/preview';
import { useLiveQuery } from '../ui/use-live-query';
import type { ImportPlan } from '../import/plan';
import type { TargetList } from '../import/ids-reader';
import { failureText, type WorkerConnection } from '../messaging/client';
import { learnWhenIdle } from '../export/slice-bounds';

type Step =
  | { step: 'idle' }
  | { step: 'busy'; what: string }
  | { step: 'preview'; plan: ImportPlan; counts: ImportPreview }
  | { step: 'done'; counts: ImportCounts & { listed: number }; kind: string }
  | { step: 'error'; message: string };

const TARGETS: { target: 'toRead' | 'read' | 'library'; label: string }[] = [
  { target: 'toRead', label: 'To read' },
  { target: 'read', label: 'Read' },
  { target: 'library', label: 'Library only (seen)' },
];

/** The select's value: a built-in target, or `list:<id>` for a custom list. */
const targetOf = (value: string): TargetList => (value.startsWith('list:') ? { listId: value.slice(5) } : (value as TargetList));

export function ImportPanel({ db, worker }: { db: PapershelfDb; worker: WorkerConnection }) {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [pasted, setPasted] = useState('');
  const [target, setTarget] = useState('toRead');
  const lists = useLiveQuery(() => listSummaries(db), [db]);

  async function prepare(read: () => Promise<ImportPlan>) {
    setState({ step: 'busy', what: 'Reading…' });
    try {
      const { previewImport } = await import('../import/preview');
      const plan = await read();
      setState({ step: 'preview', plan, counts: await previewImport(db, plan, Date.now()) });
    } catch (err) {
      setState({ step: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  async function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await prepare(async () => (await import('../import/read-file')).readImportFile(file));
  }

  async function confirm(plan: ImportPlan) {
    setState({ step: 'busy', what: 'Importing…' });
    try {
      const counts = await worker.request({ type: 'import/apply', ...plan.batch });
      setState({ step: 'done', counts, kind: plan.kind });
      // Many new ids: the next export's slices are cut where they now fall.
      learnWhenIdle(db);
    } catch (err) {
      setState({ step: 'error', message: `Nothing was imported: ${failureText(err)}` });
    }
  }

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import and restore</h2>
      <label>
        <span class="site">Import</span>
        <input type="file" aria-label="Import" accept=".json,.bib,.bibtex,application/json,text/plain" onChange={(e) => void onFile(e.currentTarget)} />
      </label>
      <p class="hint">A Papershelf JSON backup, a BibTeX file (entries with an eprint, an arXiv URL or a 10.48550/arXiv DOI) or a PaperMemory memory export.</p>
      <label class="stacked">
        <span>arXiv ids or URLs</span>
        <textarea aria-label="arXiv ids or URLs" rows={3} value={pasted} placeholder="1706.03762 https://arxiv.org/abs/2407.21783" onInput={(e) => setPasted(e.currentTarget.value)} />
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
        <button type="button" onClick={() => void prepare(async () => (await import('../import/ids-reader')).readIdList(pasted, targetOf(target), Date.now()))}>
          Add papers
        </button>
      </label>

      {state.step === 'busy' ? (
        <p>
          <progress aria-label={state.what} /> {state.what}
        </p>
      ) : null}
      {state.step === 'error' ? <p role="alert">{state.message}</p> : null}
      {state.step === 'preview' ? <Preview plan={state.plan} counts={state.counts} onConfirm={() => void confirm(state.plan)} onCancel={() => setState({ step: 'idle' })} /> : null}
      {state.step === 'done' ? (
        <p role="status">
          Imported ({state.kind}): {state.counts.created} new, {state.counts.updated} updated, {state.counts.unchanged} unchanged
          {state.counts.listed ? `, ${state.counts.listed} added to lists` : ''}.
        </p>
      ) : null}
    </section>
  );
}

function Preview({ plan, counts, onConfirm, onCancel }: { plan: ImportPlan; counts: ImportPreview; onConfirm(): void; onCancel(): void }) {
  return (
    <div class="preview" role="region" aria-label="Import preview">
      <p>
        {plan.kind}: <strong>{counts.created} new</strong>, <strong>{counts.updated} updated</strong>, {counts.unchanged} unchanged
        {counts.listed ? `, ${counts.listed} added to lists` : ''}
        {counts.newLists ? ` (${counts.newLists} new ${counts.newLists === 1 ? 'list' : 'lists'})` : ''}
        {plan.skipped.length ? `, ${plan.skipped.length} skipped` : ''}.
      </p>
      {plan.skipped.length ? (
        <details>
          <summary>What will be skipped, and why</summary>
          <ul>
            {plan.skipped.slice(0, 200).map((s, i) => (
              <li key={i}>
                {s.entry}: {s.reason}
              </li>
            ))}
            {plan.skipped.length > 200 ? <li>… and {plan.skipped.length - 200} more</li> : null}
          </ul>
        </details>
      ) : null}
      <button type="button" class="primary" onClick={onConfirm} disabled={counts.created + counts.updated + counts.listed + counts.newLists === 0 && plan.batch.settings.length === 0}>
        Confirm import
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
