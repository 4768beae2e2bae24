/**
 * Whole-library exports, streamed: papers are read a slice at a time, and each slice is formatted
 * while IndexedDB reads the next, so reading (the browser's side) and writing (this page's)
 * overlap instead of adding up. Each slice's text becomes a Blob as soon as it is written, in that
 * same overlap: one Blob made at the end from the 20 slice texts of a 10,000-paper CSV or backup
 * took 67–176 ms in the options page, one made from 20 Blobs 1–2 ms (exports 317 → 245 ms and
 * 374 → 262 ms). The file is the same as the one-piece export (`exportText`); a unit test holds
 * them equal.
 */
import type { PapershelfDb } from '../db/schema';
import type { Paper } from '../shared/model';
import { backupWriter } from './backup';
import { joinEntries, keylessEntry, type KeylessEntry } from './bibtex';
import { CSL_WRITER } from './csl';
import { CSV_WRITER } from './csv';
import { lineCache } from './markdown';
import { markdownFile } from './markdown-groups';
import { RIS_WRITER } from './ris';
import { SLICE, boundsOf, remember, remembered } from './slice-bounds';
import type { SliceWriter } from './slices';

/** Slices done of all the slices, after each (a whole-library export's progress). */
export type ExportProgress = (done: number, total: number) => void;

/**
 * Hands every paper to `take`, in id order, a slice at a time: all reads are asked for at once and
 * each slice is handed over as it arrives, while the later ones are still being read. A slice may
 * be empty (boundaries learnt before papers were deleted).
 */
export async function readInSlices(
  db: PapershelfDb,
  take: (papers: Paper[]) => void,
  size = SLICE,
  onProgress?: ExportProgress,
): Promise<void> {
  await db.transaction('r', db.papers, async () => {
    const bounds = remembered(db, size) ?? boundsOf(await db.papers.toCollection().primaryKeys(), size);
    const byId = db.papers.where(':id');
    const reads = [...bounds, undefined].map((upper, i) => {
      const lower = bounds[i - 1];
      if (upper === undefined) return (lower === undefined ? db.papers.toCollection() : byId.above(lower)).toArray();
      return (lower === undefined ? byId.belowOrEqual(upper) : byId.between(lower, upper, false, true)).toArray();
    });
    const ids: string[] = [];
    for (const [i, read] of reads.entries()) {
      const papers = await read;
      for (const p of papers) ids.push(p.id);
      take(papers);
      onProgress?.(i + 1, reads.length);
    }
    remember(db, size, boundsOf(ids, size));
  });
}

async function sliced(
  db: PapershelfDb,
  writer: SliceWriter,
  size: number,
  onProgress?: ExportProgress,
): Promise<BlobPart[]> {
  const parts: BlobPart[] = [];
  await readInSlices(
    db,
    (papers) => {
      if (!papers.length) return;
      if (parts.length) parts.push(writer.separator);
      parts.push(new Blob([writer.write(papers)]));
    },
    size,
    onProgress,
  );
  return parts.length ? [writer.open, ...parts, writer.close] : [writer.empty ?? writer.open + writer.close];
}

/** BibTeX keys need the whole library: entries are written per slice, keys put in at the end. */
async function bibtex(db: PapershelfDb, size: number, onProgress?: ExportProgress): Promise<BlobPart[]> {
  const entries: KeylessEntry[] = [];
  await readInSlices(db, (slice) => entries.push(...slice.map(keylessEntry)), size, onProgress);
  return [joinEntries(entries)];
}

/**
 * Markdown's sections need the whole library too: each paper's line is formatted as its slice
 * arrives, and the file is put together from the sections at the end.
 */
async function markdown(db: PapershelfDb, size: number, onProgress?: ExportProgress): Promise<BlobPart[]> {
  const papers: Paper[] = [];
  const lineOf = lineCache();
  await readInSlices(
    db,
    (slice) => {
      for (const p of slice) {
        papers.push(p);
        lineOf(p);
      }
    },
    size,
    onProgress,
  );
  return [await markdownFile(db, papers, 'all', lineOf)];
}

export type StreamedFormat = 'bibtex' | 'ris' | 'csl' | 'markdown' | 'csv' | 'backup';

/** The parts of a whole-library export, in order. */
export async function streamedParts(
  db: PapershelfDb,
  format: StreamedFormat,
  now: Date,
  size = SLICE,
  onProgress?: ExportProgress,
): Promise<BlobPart[]> {
  switch (format) {
    case 'bibtex':
      return bibtex(db, size, onProgress);
    case 'ris':
      return sliced(db, RIS_WRITER, size, onProgress);
    case 'csl':
      return sliced(db, CSL_WRITER, size, onProgress);
    case 'markdown':
      return markdown(db, size, onProgress);
    case 'csv':
      return sliced(db, CSV_WRITER, size, onProgress);
    case 'backup':
      // One snapshot: the small tables and every slice of papers from the same transaction.
      return db.transaction('r', [db.papers, db.settings, db.lists, db.listEntries], async () => {
        const [settings, lists, listEntries] = await Promise.all([
          db.settings.toArray(),
          db.lists.toArray(),
          db.listEntries.toArray(),
        ]);
        return sliced(db, backupWriter({ settings, lists, listEntries }, now), size, onProgress);
      });
  }
}
