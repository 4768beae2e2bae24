/** Recognises an import file and reads it into a plan; a file it cannot use is an ImportError. */
import { isBackup, readBackup } from './backup-reader';
import { looksLikeBibtex, readBibtex } from './bibtex-reader';
import { isPaperMemory, readPaperMemory } from './papermemory-reader';
import { ImportError, type ImportPlan } from './plan';

export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export interface FileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function readImportFile(file: FileLike): Promise<ImportPlan> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportError(`${file.name} is ${mb(file.size)}; Papershelf imports files up to ${mb(MAX_IMPORT_BYTES)}. A full backup of 10,000 papers is about 15 MB.`);
  }
  return readImportText(await file.text(), file.name);
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
      throw new ImportError(`${name} is not valid JSON (it may be cut short): ${err instanceof Error ? err.message : String(err)}.`);
    }
    if (isBackup(json)) return readBackup(json);
    if (isPaperMemory(json)) return readPaperMemory(json);
    throw new ImportError(`${name} is JSON, but neither a Papershelf backup (no "format": "papershelf-backup") nor a PaperMemory export.`);
  }
  if (looksLikeBibtex(text)) return readBibtex(text);
  throw new ImportError(`${name} is not a file Papershelf can import: expected a Papershelf JSON backup, a BibTeX file or a PaperMemory export.`);
}
