/** Export the list on screen (a queue or the search results): BibTeX, Markdown, or the clipboard. */
import { useState } from 'preact/hooks';
import type { PapershelfDb } from '../db/schema';
import type { ExportScope } from '../export/scope';
import { downloadBlob } from '../ui/download';

export function QueueExport({ db, scope }: { db: PapershelfDb; scope: ExportScope | 'seen' }) {
  const [status, setStatus] = useState('');
  // Seen is every paper recorded.
  const exportScope: ExportScope = scope === 'seen' ? 'all' : scope;

  async function run(kind: 'bibtex' | 'markdown' | 'copy') {
    try {
      const [{ exportBlob, exportText, FORMATS }, { exportFileName }] = await Promise.all([
        import('../export/formats'),
        import('../export/scope'),
      ]);
      const format = kind === 'bibtex' ? 'bibtex' : 'markdown';
      const now = new Date();
      if (kind === 'copy') {
        await navigator.clipboard.writeText(await exportText(db, format, exportScope, now));
        setStatus('Copied as Markdown.');
      } else {
        const info = FORMATS.find((f) => f.format === format)!;
        downloadBlob(exportFileName(exportScope, info.ext, now), await exportBlob(db, format, exportScope, now));
        setStatus('');
      }
    } catch (err) {
      setStatus(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <div class="export" role="group" aria-label="Export this list">
      <span class="label" aria-hidden="true">
        Export
      </span>
      <button type="button" aria-label="Export BibTeX" onClick={() => void run('bibtex')}>
        BibTeX
      </button>
      <button type="button" aria-label="Export Markdown" onClick={() => void run('markdown')}>
        Markdown
      </button>
      <button type="button" aria-label="Copy as Markdown" onClick={() => void run('copy')}>
        Copy
      </button>
      <span role="status">{status}</span>
    </div>
  );
}
