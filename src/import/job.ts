/**
 * An import in two passes, so that a large file is never held whole and a bad one changes nothing:
 *
 * 1. `prepareImport` reads the whole file and checks every record, and previews each batch of
 *    papers against the library as it goes (new, updated, unchanged). Nothing is written; any bad
 *    record refuses the file here.
 * 2. `Prepared.batches()` reads the file again and hands out the same batches to write, one
 *    `import/apply` request each. Each batch is a merge of its own (never loses a mark), so a
 *    Cancel or a failure part-way leaves the papers written so far, and importing the file again
 *    finishes the restore without importing anything twice.
 *
 * Our own backups in the line layout stream (memory bounded by a batch, not by the file); other
 * files are read whole, up to MAX_IMPORT_BYTES. The work is proportional to the file's papers:
 * each batch reads only its own papers from the library.
 */
import { batchOf, type ImportBatch } from '../db/import';
import type { PapershelfDb } from '../db/schema';
import type { ListEntry, PaperList, SettingRecord } from '../shared/model';
import type { PartialPaper } from '../shared/records';
import { BackupChecker } from './backup-records';
import { backupRecords, linesOf, NotLineLayout } from './backup-stream';
import type { ImportPlan, Skipped } from './plan';
import { previewBatch, type ImportPreview } from './preview';
import { readImportFile } from './read-file';
import { contentStream, decoded, isGzip, type ImportFile } from './source';

/**
 * Papers per `import/apply` request: each is one transaction in the worker, which a click waits
 * for, and one message the options page passes on from the reading worker, which holds its main
 * thread while it copies the batch. At 1,000 the page's longest frame while a 10,000-paper backup
 * was written was 105–176 ms (frames over 100 ms in 4 of 6 runs); at 500, 67–86 ms with none over
 * 100 ms, for about the same write time against a bare put (docs/performance.md, 2026-12-03).
 */
export const IMPORT_BATCH = 500;

export interface ImportProgress {
  /** Bytes of the file read so far, of `total`. */
  bytes: number;
  total: number;
  papers: number;
}

/** The preview, and how many settings the import changes. */
export type PreparedCounts = ImportPreview & { settings: number };

export interface Prepared {
  kind: string;
  counts: PreparedCounts;
  skipped: Skipped[];
  /** Papers (and entries of other tools) the file holds. */
  papers: number;
  /** The batches to write, read again from the file; each one `import/apply` request. */
  batches(): AsyncGenerator<ImportBatch>;
}

const BACKUP_SOURCE = 'import:backup';
const BACKUP_PREFIX = '{"format":"papershelf-backup",';

/** Whether the content starts like a backup Papershelf wrote in the line layout. */
async function startsAsLineBackup(file: Blob, gzip: boolean): Promise<boolean> {
  const reader = decoded(contentStream(file, gzip)).getReader();
  let head = '';
  try {
    while (head.length < BACKUP_PREFIX.length + 1) {
      const r = await reader.read();
      if (r.done) break;
      head += r.value;
    }
  } catch {
    // A damaged gzip stream: the whole-file reader says what is wrong with it.
    return false;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return head.replace(/^\uFEFF/, '').startsWith(BACKUP_PREFIX);
}

/** The batches of a line-layout backup: papers by IMPORT_BATCH, then settings, lists and entries. */
async function* streamedBatches(
  file: ImportFile,
  gzip: boolean,
  check: BackupChecker,
  onBytes?: (read: number) => void,
): AsyncGenerator<ImportBatch> {
  let papers = [];
  const settings: SettingRecord[] = [];
  const lists: PaperList[] = [];
  const entries: ListEntry[] = [];
  for await (const { table, record } of backupRecords(
    linesOf(contentStream(file, gzip, onBytes), file.name),
    file.name,
  )) {
    if (table === 'papers') {
      papers.push(check.paper(record));
      if (papers.length === IMPORT_BATCH) {
        yield batchOf(BACKUP_SOURCE, { complete: papers });
        papers = [];
      }
    } else if (table === 'settings') {
      const s = check.setting(record);
      if (s) settings.push(s);
    } else if (table === 'lists') lists.push(check.list(record));
    else entries.push(check.entry(record));
  }
  if (papers.length) yield batchOf(BACKUP_SOURCE, { complete: papers });
  yield batchOf(BACKUP_SOURCE, { settings, lists, entries });
}

/**
 * A plan read whole, cut into batches. All records of one paper (and the list additions that name
 * it) go in the same batch, so batches touch different papers and their previews add up.
 */
export function* planBatches(plan: ImportPlan, size = IMPORT_BATCH): Generator<ImportBatch> {
  const { batch } = plan;
  const byId = new Map<
    string,
    { complete: typeof batch.complete; partial: PartialPaper[]; listAdds: typeof batch.listAdds }
  >();
  const of = (id: string) => {
    let group = byId.get(id);
    if (!group) byId.set(id, (group = { complete: [], partial: [], listAdds: [] }));
    return group;
  };
  for (const p of batch.complete) of(p.id).complete.push(p);
  for (const p of batch.partial) of(p.id).partial.push(p);
  for (const a of batch.listAdds) of(a.paperId).listAdds.push(a);
  const groups = [...byId.values()];
  for (let i = 0; i < groups.length; i += size) {
    const slice = groups.slice(i, i + size);
    yield batchOf(batch.source, {
      complete: slice.flatMap((g) => g.complete),
      partial: slice.flatMap((g) => g.partial),
      listAdds: slice.flatMap((g) => g.listAdds),
    });
  }
  if (batch.settings.length || batch.lists.length || batch.entries.length || !groups.length) {
    yield batchOf(batch.source, { settings: batch.settings, lists: batch.lists, entries: batch.entries });
  }
}

const papersIn = (b: ImportBatch) => b.complete.length + b.partial.length;

async function previewAll(
  db: PapershelfDb,
  batches: AsyncIterable<ImportBatch> | Iterable<ImportBatch>,
  now: number,
  onBatch: (papers: number) => void,
) {
  const counts: PreparedCounts = { created: 0, updated: 0, unchanged: 0, listed: 0, newLists: 0, settings: 0 };
  let papers = 0;
  for await (const batch of batches) {
    const c = await previewBatch(db, batch, now);
    for (const k of Object.keys(counts) as (keyof PreparedCounts)[]) counts[k] += c[k];
    papers += papersIn(batch);
    onBatch(papers);
  }
  return { counts, papers };
}

/** Pass 1: reads and checks the whole file, and previews it; writes nothing. */
export async function prepareImport(
  db: PapershelfDb,
  file: ImportFile,
  now: number,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<Prepared> {
  const gzip = await isGzip(file);
  let bytes = 0;
  const onBytes = (read: number) => (bytes = read);
  if (await startsAsLineBackup(file, gzip)) {
    try {
      const check = new BackupChecker();
      const { counts, papers } = await previewAll(db, streamedBatches(file, gzip, check, onBytes), now, (n) =>
        onProgress({ bytes, total: file.size, papers: n }),
      );
      return {
        kind: 'Papershelf backup',
        counts,
        skipped: check.skipped,
        papers,
        // Read again, and checked again: a file changed in between stops at its first bad record.
        batches: () => streamedBatches(file, gzip, new BackupChecker()),
      };
    } catch (err) {
      if (!(err instanceof NotLineLayout)) throw err;
    }
  }
  const plan = await readImportFile(file);
  onProgress({ bytes: file.size, total: file.size, papers: 0 });
  return preparePlan(db, plan, now, (n) => onProgress({ bytes: file.size, total: file.size, papers: n }));
}

/** A plan read whole (a file of another format, or pasted ids), previewed and written the same way. */
export async function preparePlan(
  db: PapershelfDb,
  plan: ImportPlan,
  now: number,
  onPapers: (previewed: number) => void = () => undefined,
): Promise<Prepared> {
  const { counts, papers } = await previewAll(db, planBatches(plan), now, onPapers);
  return {
    kind: plan.kind,
    counts,
    skipped: plan.skipped,
    papers,
    async *batches() {
      yield* planBatches(plan);
    },
  };
}
