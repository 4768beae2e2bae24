/** Reads a Papershelf JSON backup. It is our own format, so any bad entry refuses the whole file. */
import { BACKUP_FORMAT } from '../export/backup';
import { batchOf } from '../db/import';
import { BackupChecker, checkHeader, isObject } from './backup-records';
import { ImportError, type ImportPlan } from './plan';

export function isBackup(json: unknown): boolean {
  return isObject(json) && json.format === BACKUP_FORMAT;
}

/** A whole backup parsed at once: backups of any layout, up to the size the page reads whole. */
export function readBackup(json: unknown): ImportPlan {
  checkHeader(json);
  const tables = (json as Record<string, unknown>).tables;
  if (!isObject(tables) || !Array.isArray(tables.papers))
    throw new ImportError('This backup has no "tables.papers" list.');
  const check = new BackupChecker();
  const papers = tables.papers.map((raw: unknown) => check.paper(raw));
  const rawSettings = Array.isArray(tables.settings) ? tables.settings : [];
  const settings = rawSettings.flatMap((raw: unknown) => check.setting(raw) ?? []);
  const rawLists = tables.lists === undefined ? [] : tables.lists;
  const rawEntries = tables.listEntries === undefined ? [] : tables.listEntries;
  if (!Array.isArray(rawLists) || !Array.isArray(rawEntries))
    throw new ImportError('This backup\'s "tables.lists" or "tables.listEntries" is not a list.');
  const lists = rawLists.map((raw: unknown) => check.list(raw));
  const entries = rawEntries.map((raw: unknown) => check.entry(raw));
  return {
    kind: 'Papershelf backup',
    batch: batchOf('import:backup', { complete: papers, settings, lists, entries }),
    skipped: check.skipped,
  };
}
