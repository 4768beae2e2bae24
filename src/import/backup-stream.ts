/**
 * Reads a Papershelf backup as a stream of lines, one record at a time: memory is bounded by the
 * longest line, not the file. It reads the layout Papershelf has written since backup version 2
 * (`backupWriter`: the envelope on the first line, then one record per line, a table's brackets on
 * lines of their own); a file in any other layout is `NotLineLayout`, and the caller reads it
 * whole instead, as before (small files only).
 */
import { checkHeader } from './backup-records';
import { ImportError } from './plan';
import { decoded } from './source';

export const BACKUP_TABLES = ['papers', 'settings', 'lists', 'listEntries'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupRecord {
  table: BackupTable;
  record: unknown;
}

/** The file is not in the line layout (an older backup, or one another tool re-indented). */
export class NotLineLayout extends Error {
  override name = 'NotLineLayout';
}

/** The longest line read: a paper's fields are capped (20,000 characters of text each), so a record is far shorter. */
export const MAX_LINE = 16 * 1024 * 1024;

/**
 * The text of a byte stream, line by line (without the line ends and a leading BOM). A line is
 * joined from its pieces once, when its end arrives, so a long line costs its length, not more.
 */
export async function* linesOf(bytes: ReadableStream<Uint8Array>, name = 'The file'): AsyncGenerator<string> {
  const reader = decoded(bytes).getReader();
  let parts: string[] = [];
  let pending = 0;
  let first = true;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let text = value;
      if (first && text) {
        text = text.replace(/^\uFEFF/, '');
        first = false;
      }
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        let line = text.slice(start, end);
        if (parts.length) {
          line = parts.join('') + line;
          parts = [];
          pending = 0;
        }
        yield line.endsWith('\r') ? line.slice(0, -1) : line;
        start = end + 1;
      }
      if (start < text.length) {
        parts.push(text.slice(start));
        pending += text.length - start;
        if (pending > MAX_LINE)
          throw new ImportError(
            `${name} has a line longer than ${MAX_LINE / 1024 / 1024} MB; a Papershelf backup has one record per line.`,
          );
      }
    }
    if (parts.length) yield parts.join('');
  } finally {
    // A reader that stopped early (a bad record, a Cancel) lets go of the file.
    await reader.cancel().catch(() => undefined);
  }
}

const HEADER = /^\{"format":"papershelf-backup",.*,$/;
const TABLE_START = /^"(\w+)": \[(\])?(,?)$/;

/**
 * The records of a line-layout backup, in file order, each with its table. Checks the envelope
 * (format, version) on the first line; a file cut short or a line that is not JSON is an
 * ImportError naming the line.
 */
export async function* backupRecords(lines: AsyncIterable<string>, name = 'The file'): AsyncGenerator<BackupRecord> {
  let n = 0;
  const cutShort = (what: string) => new ImportError(`${name} is not valid JSON (it may be cut short): ${what}.`);
  const iterator = lines[Symbol.asyncIterator]();
  const next = async () => {
    const r = await iterator.next();
    if (r.done) return undefined;
    n++;
    return r.value;
  };

  const head = await next();
  if (head === undefined || !HEADER.test(head)) throw new NotLineLayout();
  let envelope: unknown;
  try {
    envelope = JSON.parse(`${head.slice(0, -1)}}`);
  } catch {
    throw new NotLineLayout();
  }
  checkHeader(envelope);
  if ((await next()) !== '"tables": {') throw new NotLineLayout();

  for (;;) {
    const line = await next();
    if (line === undefined) throw cutShort(`it ends after line ${n}, inside "tables"`);
    if (line === '}}') break;
    const start = TABLE_START.exec(line);
    if (!start) throw cutShort(`line ${n} is neither a table nor the end of the backup`);
    const table = start[1] as BackupTable;
    if (!BACKUP_TABLES.includes(table))
      throw new ImportError(`${name} has a table "${table}" this version of Papershelf does not know.`);
    if (start[2]) continue;
    for (;;) {
      const record = await next();
      if (record === undefined) throw cutShort(`it ends after line ${n}, inside the ${table} table`);
      if (record === ']' || record === '],') break;
      const text = record.endsWith(',') ? record.slice(0, -1) : record;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        throw cutShort(`line ${n}, in the ${table} table: ${err instanceof Error ? err.message : String(err)}`);
      }
      yield { table, record: parsed };
    }
  }
  for (let line = await next(); line !== undefined; line = await next()) {
    if (line.trim()) throw new ImportError(`${name} has text after the end of the backup (line ${n}).`);
  }
}
