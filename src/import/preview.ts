/** The preview shown before an import: how many papers are new, updated and unchanged. */
import { libraryFor, planMerge, type ImportBatch, type ImportCounts } from '../db/import';
import type { PapershelfDb } from '../db/schema';
import type { ImportPlan } from './plan';

export interface ImportPreview extends ImportCounts {
  /** Papers the import puts into a list they were not in. */
  listed: number;
  /** Lists the import creates. */
  newLists: number;
}

export async function previewImport(db: PapershelfDb, plan: ImportPlan, now: number): Promise<ImportPreview> {
  const { settings: _settings, ...counts } = await previewBatch(db, plan.batch, now);
  return counts;
}

/** One batch's preview, with how many settings it would change (nothing to confirm without any change). */
export async function previewBatch(
  db: PapershelfDb,
  batch: ImportBatch,
  now: number,
): Promise<ImportPreview & { settings: number }> {
  const library = await db.transaction('r', [db.papers, db.settings, db.lists, db.listEntries], () =>
    libraryFor(db, batch),
  );
  const { created, updated, unchanged, listed, lists, settings } = planMerge(batch, library, now);
  return {
    created,
    updated,
    unchanged,
    listed,
    newLists: lists.filter((l) => !library.lists.some((m) => m.id === l.id)).length,
    settings: settings.length,
  };
}
