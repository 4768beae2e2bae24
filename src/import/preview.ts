/** The preview shown before an import: how many papers are new, updated and unchanged. */
import { planMerge, type ImportCounts } from '../db/import';
import type { PapershelfDb } from '../db/schema';
import type { Paper } from '../shared/model';
import type { ImportPlan } from './plan';

export async function previewImport(db: PapershelfDb, plan: ImportPlan, now: number): Promise<ImportCounts> {
  const { batch } = plan;
  const ids = [...new Set([...batch.complete, ...batch.partial].map((p) => p.id))];
  const [found, settings] = await db.transaction('r', db.papers, db.settings, () => Promise.all([db.papers.bulkGet(ids), db.settings.toArray()]));
  const existing = new Map(found.filter((p): p is Paper => p !== undefined).map((p) => [p.id, p]));
  const { created, updated, unchanged } = planMerge(batch, existing, new Map(settings.map((s) => [s.key, s])), now);
  return { created, updated, unchanged };
}
