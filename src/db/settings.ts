import { DEFAULT_SETTINGS, type SettingRecord, type Settings } from '../shared/model';
import type { PapershelfDb } from './schema';

/** Stored settings over the defaults; nested objects merge, so a new site gets its default. */
export async function readSettings(db: PapershelfDb): Promise<Settings> {
  const records = await db.settings.toArray();
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  for (const r of records) {
    if (r.key === 'readDisplay') settings.readDisplay = { ...settings.readDisplay, ...r.value };
    else if (r.key === 'keyboard') settings.keyboard = r.value;
    else if (r.key === 'rules') settings.rules = r.value;
    else if (r.key === 'tagColors') settings.tagColors = r.value;
    else if (r.key === 'keepSeen') settings.keepSeen = r.value;
  }
  return settings;
}

export type SettingsPatch = {
  readDisplay?: Partial<Settings['readDisplay']>;
  keyboard?: boolean;
  rules?: Settings['rules'];
  tagColors?: Settings['tagColors'];
  keepSeen?: Settings['keepSeen'];
};

export async function writeSettings(db: PapershelfDb, patch: SettingsPatch, now: number): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await readSettings(db);
    const records: SettingRecord[] = [];
    if (patch.readDisplay) {
      records.push({ key: 'readDisplay', value: { ...current.readDisplay, ...patch.readDisplay }, updatedAt: now });
    }
    if (patch.keyboard !== undefined) records.push({ key: 'keyboard', value: patch.keyboard, updatedAt: now });
    if (patch.rules !== undefined) records.push({ key: 'rules', value: patch.rules, updatedAt: now });
    if (patch.tagColors !== undefined) records.push({ key: 'tagColors', value: patch.tagColors, updatedAt: now });
    if (patch.keepSeen !== undefined) records.push({ key: 'keepSeen', value: patch.keepSeen, updatedAt: now });
    await db.settings.bulkPut(records);
    return readSettings(db);
  });
}
