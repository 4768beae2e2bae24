/** What reading an import file yields, before anything is written. */
import type { ImportBatch } from '../db/import';

export interface Skipped {
  /** Which entry, as the file names it: "entry 3 (vaswani2017attention)". */
  entry: string;
  reason: string;
}

export interface ImportPlan {
  /** What kind of file it was, for the preview: "Papershelf backup", "BibTeX", … */
  kind: string;
  batch: ImportBatch;
  skipped: Skipped[];
}

/** A file that cannot be imported at all: the message names the problem and the entry. */
export class ImportError extends Error {
  override name = 'ImportError';
}
