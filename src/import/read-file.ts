/** Recognises an import file read whole into a plan; a file it cannot use is an ImportError. */
import { isBackup, readBackup } from './backup-reader';
import { looksLikeBibtex, readBibtex } from './bibtex-reader';
import { isPaperMemory, readPaperMemory } from './papermemory-reader';
import { ImportError, type ImportPlan } from './plan';
import { isGzip, wholeText, type ImportFile } from './source';

export { MAX_IMPORT_BYTES } from './source';

/** A file read whole: foreign formats, and backups not in the line layout (see backup-stream.ts). */
export async function readImportFile(file: ImportFile): Promise<ImportPlan> {
  return readImportText(await wholeText(file, await isGzip(file)), file.name);
}

export function readImportText(raw: string, name = 'The file'): ImportPlan {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new ImportError(`${name} is empty.`);
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new ImportError(
        `${name} is not valid JSON (it may be cut short): ${err instanceof Error ? err.message : String(err)}.`,
      );
    }
    if (isBackup(json)) return readBackup(json);
    if (isPaperMemory(json)) return readPaperMemory(json);
    throw new ImportError(
      `${name} is JSON, but neither a Papershelf backup (no "format": "papershelf-backup") nor a PaperMemory export.`,
    );
  }
  if (looksLikeBibtex(text)) return readBibtex(text);
  throw new ImportError(
    `${name} is not a file Papershelf can import: expected a Papershelf JSON backup, a BibTeX file or a PaperMemory export.`,
  );
}
