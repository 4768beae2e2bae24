/** The preview shown before an import: how many papers are new, updated and unchanged. */
import { existingPapers, planMerge, type ImportCounts } from '../db/import';
import type { PapershelfDb } from '../db/schema';
import type { ImportPlan } from './plan';

export async function previewImport(db: PapershelfDb, plan: ImportPlan, now: number): Promise<ImportCounts> {
  const { batch } = plan;
  const ids = [...new Set([...batch.complete, ...batch.partial].map((p) => p.id))];
  const [existing, settings] = await db.transaction('r', db.papers, db.settings, () => Promise.all([existingPapers(db, ids), db.settings.toArray()]));
  const { created, updated, unchanged } = planMerge(batch, existing, new Map(settings.map((s) => [s.key, s])), now);
  return { created, updated, unchanged };
}
