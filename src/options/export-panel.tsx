/** Export: a scope and one button per format; each downloads papershelf-<scope>-YYYY-MM-DD.<ext>. */
import { useState } from 'preact/hooks';
import type { PapershelfDb } from '../db/schema';
import { SCOPES, exportFileName, type ExportScope } from '../export/scope';
import type { ExportFormat } from '../export/formats';
import { downloadText } from '../ui/download';

const BUTTONS: { format: ExportFormat; label: string }[] = [
  { format: 'bibtex', label: 'Export BibTeX' },
  { format: 'ris', label: 'Export RIS' },
  { format: 'csl', label: 'Export CSL-JSON' },
  { format: 'markdown', label: 'Export Markdown' },
  { format: 'csv', label: 'Export CSV' },
  { format: 'backup', label: 'Export JSON backup' },
];

export function ExportPanel({ db }: { db: PapershelfDb }) {
  const [scope, setScope] = useState<ExportScope>('all');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  async function run(format: ExportFormat) {
    setError('');
    try {
      // The writers load on demand: the options page opens without them.
      const { exportText, FORMATS } = await import('../export/formats');
      const info = FORMATS.find((f) => f.format === format)!;
      const now = new Date();
      const text = await exportText(db, format, scope, now);
      const name = exportFileName(format === 'backup' ? 'all' : scope, info.ext, now);
      downloadText(name, text, info.mime);
      setStatus(`Saved ${name}.`);
    } catch (err) {
      setError(`The export failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export a reading list</h2>
      <label>
        <span class="site">Papers</span>
        <select aria-label="Papers to export" value={scope} onChange={(e) => setScope(e.currentTarget.value as ExportScope)}>
          {SCOPES.map((s) => (
            <option key={s.scope} value={s.scope}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <div class="buttons">
        {BUTTONS.map((b) => (
          <button key={b.format} type="button" onClick={() => void run(b.format)}>
            {b.label}
          </button>
        ))}
      </div>
      <p class="hint">The JSON backup always holds everything, whatever is chosen above; import it again to restore.</p>
      <p role="status">{status}</p>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
