/** Reads a Papershelf JSON backup. It is our own format, so any bad entry refuses the whole file. */
import * as v from 'valibot';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../export/backup';
import type { ListEntry, Paper, PaperList, SettingRecord } from '../shared/model';
import { batchOf } from '../db/import';
import { describeIssue, ListEntrySchema, ListRecordSchema, PaperRecordSchema, SettingRecordSchema } from '../shared/records';
import { ImportError, type ImportPlan, type Skipped } from './plan';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function isBackup(json: unknown): boolean {
  return isObject(json) && json.format === BACKUP_FORMAT;
}

export function readBackup(json: unknown): ImportPlan {
  if (!isObject(json) || json.format !== BACKUP_FORMAT) throw new ImportError('This is not a Papershelf backup.');
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ImportError('This backup has no valid "version" field.');
  }
  if (version > BACKUP_VERSION) {
    throw new ImportError(
      `This backup was made by a newer Papershelf (backup version ${version}); this one reads backups up to version ${BACKUP_VERSION}. Update Papershelf, then import it again.`,
    );
  }
  const tables = json.tables;
  if (!isObject(tables) || !Array.isArray(tables.papers)) throw new ImportError('This backup has no "tables.papers" list.');

  const papers: Paper[] = [];
  const firstEntryOf = new Map<string, number>();
  tables.papers.forEach((raw: unknown, index) => {
    const n = index + 1;
    const label = isObject(raw) && typeof raw.id === 'string' ? `Entry ${n} of papers (${JSON.stringify(raw.id.slice(0, 60))})` : `Entry ${n} of papers`;
    if (!isObject(raw) || raw.id === undefined || raw.id === '') throw new ImportError(`${label} has no id.`);
    const result = v.safeParse(PaperRecordSchema, raw);
    if (!result.success) throw new ImportError(`${label}: ${describeIssue(result.issues)}.`);
    const earlier = firstEntryOf.get(result.output.id);
    if (earlier !== undefined) {
      throw new ImportError(`Entries ${earlier} and ${n} of papers both have the id ${JSON.stringify(result.output.id)}.`);
    }
    firstEntryOf.set(result.output.id, n);
    papers.push(result.output);
  });

  const settings: SettingRecord[] = [];
  const skipped: Skipped[] = [];
  const rawSettings = Array.isArray(tables.settings) ? tables.settings : [];
  rawSettings.forEach((raw: unknown, index) => {
    const result = v.safeParse(SettingRecordSchema, raw);
    if (result.success) settings.push(result.output as SettingRecord);
    else skipped.push({ entry: `setting ${index + 1}`, reason: `not a setting this version knows (${describeIssue(result.issues)})` });
  });
  const { lists, entries } = readLists(tables, firstEntryOf);
  return { kind: 'Papershelf backup', batch: batchOf('import:backup', { complete: papers, settings, lists, entries }), skipped };
}

/** Lists and their entries (version 2 on); every entry must name a list and a paper of the backup. */
function readLists(tables: Record<string, unknown>, papers: Map<string, number>): { lists: PaperList[]; entries: ListEntry[] } {
  const lists: PaperList[] = [];
  const listIds = new Set<string>();
  const names = new Set<string>();
  const rawLists = tables.lists === undefined ? [] : tables.lists;
  const rawEntries = tables.listEntries === undefined ? [] : tables.listEntries;
  if (!Array.isArray(rawLists) || !Array.isArray(rawEntries)) throw new ImportError('This backup\'s "tables.lists" or "tables.listEntries" is not a list.');
  rawLists.forEach((raw: unknown, index) => {
    const label = `Entry ${index + 1} of lists`;
    const result = v.safeParse(ListRecordSchema, raw);
    if (!result.success) throw new ImportError(`${label}: ${describeIssue(result.issues)}.`);
    const list = result.output;
    if (listIds.has(list.id)) throw new ImportError(`${label} repeats the list id ${JSON.stringify(list.id)}.`);
    if (names.has(list.name.toLowerCase())) throw new ImportError(`${label} repeats the list name ${JSON.stringify(list.name)}.`);
    listIds.add(list.id);
    names.add(list.name.toLowerCase());
    lists.push(list);
  });
  const entries: ListEntry[] = [];
  const seen = new Set<string>();
  rawEntries.forEach((raw: unknown, index) => {
    const label = `Entry ${index + 1} of listEntries`;
    const result = v.safeParse(ListEntrySchema, raw);
    if (!result.success) throw new ImportError(`${label}: ${describeIssue(result.issues)}.`);
    const e = result.output;
    if (!listIds.has(e.listId)) throw new ImportError(`${label} names the list ${JSON.stringify(e.listId)}, which the backup does not have.`);
    if (!papers.has(e.paperId)) throw new ImportError(`${label} names the paper ${JSON.stringify(e.paperId)}, which the backup does not have.`);
    const key = `${e.listId}\n${e.paperId}`;
    if (seen.has(key)) throw new ImportError(`${label} puts ${e.paperId} in the same list twice.`);
    seen.add(key);
    entries.push(e);
  });
  return { lists, entries };
}
