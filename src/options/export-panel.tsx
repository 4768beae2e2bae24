/** Export: a scope and one button per format; each downloads papershelf-<scope>-YYYY-MM-DD.<ext>. */
import { useEffect, useState } from 'preact/hooks';
import type { PapershelfDb } from '../db/schema';
import { tagCounts } from '../db/annotations';
import { SCOPES, exportFileName, type ExportScope } from '../export/scope';
import { useLiveQuery } from '../ui/use-live-query';
import type { ExportFormat } from '../export/formats';
import { downloadBlob } from '../ui/download';
import { learnWhenIdle } from '../export/slice-bounds';

const BUTTONS: { format: ExportFormat; label: string }[] = [
  { format: 'bibtex', label: 'Export BibTeX' },
  { format: 'ris', label: 'Export RIS' },
  { format: 'csl', label: 'Export CSL-JSON' },
  { format: 'markdown', label: 'Export Markdown' },
  { format: 'csv', label: 'Export CSV' },
  { format: 'backup', label: 'Export JSON backup' },
];

export function ExportPanel({ db }: { db: PapershelfDb }) {
  // The select's value: a built-in list, `tag:<name>`, or `search`.
  const [choice, setChoice] = useState('all');
  const [query, setQuery] = useState('');
  const tags = useLiveQuery(() => tagCounts(db), [db]);
  const scope: ExportScope = choice.startsWith('tag:')
    ? { tag: choice.slice(4) }
    : choice === 'search'
      ? { search: query }
      : (choice as ExportScope);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<number | undefined>(undefined);
  // Reading every id takes a whole-library export ~35 ms before its first slice can be asked
  // for; done while the page is idle, the export starts reading at once.
  useEffect(() => learnWhenIdle(db), [db]);

  async function run(format: ExportFormat, compressed = false) {
    setError('');
    try {
      // The writers load on demand: the options page opens without them.
      const { exportBlob, FORMATS } = await import('../export/formats');
      const info = FORMATS.find((f) => f.format === format)!;
      const now = new Date();
      setStatus('');
      setProgress(0);
      const whole = await exportBlob(db, format, scope, now, (done, total) => setProgress(done / total));
      const file = compressed ? await (await import('../export/compress')).gzipped(whole) : whole;
      const name = exportFileName(format === 'backup' ? 'all' : scope, compressed ? `${info.ext}.gz` : info.ext, now);
      downloadBlob(name, file);
      setStatus(`Saved ${name}.`);
    } catch (err) {
      setError(`The export failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export a reading list</h2>
      <label>
        <span class="site">Papers</span>
        <select aria-label="Papers to export" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          {SCOPES.map((s) => (
            <option key={s.scope} value={s.scope}>
              {s.label}
            </option>
          ))}
          {tags?.map((t) => (
            <option key={t.name} value={`tag:${t.name}`}>
              Tag: {t.name} ({t.count})
            </option>
          ))}
          <option value="search">A search…</option>
        </select>
      </label>
      {choice === 'search' ? (
        <label>
          <span class="site">Search</span>
          <input
            type="search"
            aria-label="Search to export"
            placeholder="words, tag:, is:unread, list:to-read"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
      ) : null}
      <div class="buttons">
        {BUTTONS.map((b) => (
          <button key={b.format} type="button" onClick={() => void run(b.format)}>
            {b.label}
          </button>
        ))}
        <button type="button" onClick={() => void run('backup', true)}>
          Export compressed backup
        </button>
      </div>
      <p class="hint">
        The JSON backup always holds everything, whatever is chosen above; import it again to restore. The compressed
        backup (<code>.json.gz</code>) is the same file, several times smaller.
      </p>
      {progress !== undefined ? (
        <p>
          <progress aria-label="Exporting…" value={progress} max={1} /> Exporting… {Math.floor(progress * 100)} %
        </p>
      ) : null}
      <p role="status">{status}</p>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
