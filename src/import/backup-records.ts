/**
 * The checks a backup's header and records pass, one record at a time, so that the whole-file
 * reader and the streaming reader refuse the same files with the same messages. A checker keeps
 * only ids (to find repeats and entries naming papers the backup lacks), never records.
 */
import * as v from 'valibot';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../export/backup';
import type { ListEntry, Paper, PaperList, SettingRecord } from '../shared/model';
import {
  describeIssue,
  ListEntrySchema,
  ListRecordSchema,
  PaperRecordSchema,
  SettingRecordSchema,
} from '../shared/records';
import { ImportError, type Skipped } from './plan';

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The envelope's format and version; returns the version. */
export function checkHeader(json: unknown): number {
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
  return version;
}

export class BackupChecker {
  /** Each paper id, with the number of the entry that had it. */
  private readonly papers = new Map<string, number>();
  private readonly listIds = new Set<string>();
  private readonly listNames = new Set<string>();
  private readonly memberships = new Set<string>();
  private settingCount = 0;
  private listCount = 0;
  private entryCount = 0;
  readonly skipped: Skipped[] = [];

  get paperCount(): number {
    return this.papers.size;
  }

  paper(raw: unknown): Paper {
    const n = this.papers.size + 1;
    const label =
      isObject(raw) && typeof raw.id === 'string'
        ? `Entry ${n} of papers (${JSON.stringify(raw.id.slice(0, 60))})`
        : `Entry ${n} of papers`;
    if (!isObject(raw) || raw.id === undefined || raw.id === '') throw new ImportError(`${label} has no id.`);
    const result = v.safeParse(PaperRecordSchema, raw);
    if (!result.success) throw new ImportError(`${label}: ${describeIssue(result.issues)}.`);
    const earlier = this.papers.get(result.output.id);
    if (earlier !== undefined)
      throw new ImportError(
        `Entries ${earlier} and ${n} of papers both have the id ${JSON.stringify(result.output.id)}.`,
      );
    this.papers.set(result.output.id, n);
    return result.output;
  }

  /** A setting this version does not know is skipped, and said so; undefined then. */
  setting(raw: unknown): SettingRecord | undefined {
    const n = ++this.settingCount;
    // valibot leaves such keys out of a record without a word; a file that has them is not ours.
    const unsafe = unsafeKey(raw);
    if (unsafe !== undefined) {
      this.skipped.push({ entry: `setting ${n}`, reason: `it has a key named ${JSON.stringify(unsafe)}` });
      return undefined;
    }
    const result = v.safeParse(SettingRecordSchema, raw);
    if (result.success) return result.output as SettingRecord;
    this.skipped.push({
      entry: `setting ${n}`,
      reason: `not a setting this version knows (${describeIssue(result.issues)})`,
    });
    return undefined;
  }

  list(raw: unknown): PaperList {
    const label = `Entry ${++this.listCount} of lists`;
    const result = v.safeParse(ListRecordSchema, raw);
    if (!result.success) throw new ImportError(`${label}: ${describeIssue(result.issues)}.`);
    const list = result.output;
    if (this.listIds.has(list.id)) throw new ImportError(`${label} repeats the list id ${JSON.stringify(list.id)}.`);
    if (this.listNames.has(list.name.toLowerCase()))
      throw new ImportError(`${label} repeats the list name ${JSON.stringify(list.name)}.`);
    this.listIds.add(list.id);
    this.listNames.add(list.name.toLowerCase());
    return list;
  }

  /** An entry must name a list and a paper the backup had before it (backups write lists last). */
  entry(raw: unknown): ListEntry {
    const label = `Entry ${++this.entryCount} of listEntries`;
    const result = v.safeParse(ListEntrySchema, raw);
    if (!result.success) throw new ImportError(`${label}: ${describeIssue(result.issues)}.`);
    const e = result.output;
    if (!this.listIds.has(e.listId))
      throw new ImportError(`${label} names the list ${JSON.stringify(e.listId)}, which the backup does not have.`);
    if (!this.papers.has(e.paperId))
      throw new ImportError(`${label} names the paper ${JSON.stringify(e.paperId)}, which the backup does not have.`);
    const key = `${e.listId}\n${e.paperId}`;
    if (this.memberships.has(key)) throw new ImportError(`${label} puts ${e.paperId} in the same list twice.`);
    this.memberships.add(key);
    return e;
  }
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A key that could reach an object's prototype, anywhere in `x` (JSON.parse makes them own keys). */
function unsafeKey(x: unknown, depth = 0): string | undefined {
  if (typeof x !== 'object' || x === null || depth > 20) return undefined;
  for (const key of Object.keys(x)) {
    if (UNSAFE_KEYS.has(key)) return key;
    const inner = unsafeKey((x as Record<string, unknown>)[key], depth + 1);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
