/**
 * The JSON backup: everything, in a versioned envelope, so a later Papershelf can read an older
 * backup and an older one can refuse a newer backup instead of misreading it.
 *
 *   { "format": "papershelf-backup", "version": 2, "exportedAt": "<ISO time>",
 *     "tables": { "papers": [Paper, …], "settings": [{ key, value, updatedAt }, …],
 *                 "lists": [PaperList, …], "listEntries": [ListEntry, …] } }
 *
 * Version 2 added custom lists; version 1 backups (without them) are still read.
 *
 * Records are sorted by key and their fields by name, so two backups of the same library differ
 * only in exportedAt.
 */
import { INDEXING_FIELDS, type ListEntry, type Paper, type PaperList, type SettingRecord } from '../shared/model';
import { writeWhole, type SliceWriter } from './slices';

export const BACKUP_FORMAT = 'papershelf-backup';
export const BACKUP_VERSION = 2;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  tables: { papers: Paper[]; settings: SettingRecord[]; lists: PaperList[]; listEntries: ListEntry[] };
}

/** The same record always serialises the same way, whatever order its fields were set in. */
function sortedFields<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ) as T;
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** One record per line: readable and diffable, and much faster to write than indented JSON. */
const lines = (records: object[]) =>
  records.length ? `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]` : '[]';

/**
 * A paper's fields by name, without the worker's indexing fields, once per set of fields (nearly
 * every paper has one of a few), copied into a record in that order and stringified plainly.
 * Chromium's JSON.stringify has a fast path only without a replacer: on 10,000 papers in the
 * options page, the copy + plain stringify took 27 ms, the field list passed as the replacer 39 ms.
 * Only for papers, whose fields are values and arrays of strings (no nested records to order).
 */
const paperFieldOrders = new Map<string, string[]>();
function paperLine(p: Paper): string {
  const keys = Object.keys(p);
  const signature = keys.join();
  let order = paperFieldOrders.get(signature);
  if (!order) paperFieldOrders.set(signature, (order = keys.filter((k) => !INDEXING_FIELDS.includes(k)).sort()));
  const ordered: Record<string, unknown> = {};
  for (const k of order) ordered[k] = p[k as keyof Paper];
  return JSON.stringify(ordered);
}

/**
 * The backup as a slice writer for its papers, which must come in id order; the other tables are
 * small and known first.
 */
export function backupWriter(rest: Omit<Backup['tables'], 'papers'>, now: Date): SliceWriter {
  const settings = [...rest.settings].sort(byKey((s) => s.key)).map(sortedFields);
  const lists = [...rest.lists].sort(byKey((l) => l.id)).map(sortedFields);
  const entries = [...rest.listEntries]
    .sort(byKey((e) => `${e.listId}\n${String(e.position).padStart(10, '0')}\n${e.paperId}`))
    .map(sortedFields);
  const head = `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString() }).slice(0, -1)},\n"tables": {\n"papers": `;
  const tail = `,\n"settings": ${lines(settings)},\n"lists": ${lines(lists)},\n"listEntries": ${lines(entries)}\n}}\n`;
  return {
    open: `${head}[\n`,
    write: (papers) => papers.map(paperLine).join(',\n'),
    separator: ',\n',
    close: `\n]${tail}`,
    empty: `${head}[]${tail}`,
  };
}

export function toBackup(tables: Backup['tables'], now: Date): string {
  return writeWhole(backupWriter(tables, now), [...tables.papers].sort(byKey((p) => p.id)));
}
