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
      const [{ exportBlob, exportText, FORMATS }, { exportFileName }] = await Promise.all([import('../export/formats'), import('../export/scope')]);
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
      <button type="button" onClick={() => void run('bibtex')}>Export BibTeX</button>
      <button type="button" onClick={() => void run('markdown')}>Export Markdown</button>
      <button type="button" onClick={() => void run('copy')}>Copy as Markdown</button>
      <span role="status">{status}</span>
    </div>
  );
}
