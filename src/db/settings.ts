import { DEFAULT_SETTINGS, type SettingRecord, type Settings } from '../shared/model';
import type { PapershelfDb } from './schema';

export async function readSettings(db: PapershelfDb): Promise<Settings> {
  const records = await db.settings.toArray();
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const r of records) {
    if (r.key in DEFAULT_SETTINGS) (settings as unknown as Record<string, unknown>)[r.key] = r.value;
  }
  return settings;
}

export async function writeSettings(
  db: PapershelfDb,
  patch: Partial<Settings>,
  now: number,
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const records = (Object.keys(patch) as (keyof Settings)[])
      .filter((key) => patch[key] !== undefined)
      .map((key): SettingRecord => ({ key, value: patch[key]!, updatedAt: now }));
    await db.settings.bulkPut(records);
    return readSettings(db);
  });
}
