// Backups of any size restore: the line-layout backup is read as a stream, checked whole before
// anything is written, and written in batches; compressed backups and older layouts still import.
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../src/db/import';
import type { PapershelfDb } from '../../src/db/schema';
import { toBackup } from '../../src/export/backup';
import { exportText } from '../../src/export/formats';
import { IMPORT_BATCH, planBatches, prepareImport, type Prepared } from '../../src/import/job';
import { previewImport } from '../../src/import/preview';
import { MAX_IMPORT_BYTES } from '../../src/import/read-file';
import type { ImportFile } from '../../src/import/source';
import type { Paper } from '../../src/shared/model';
import { freshDb } from './db';

const NOW = new Date('2026-11-25T12:00:00Z');
const T = NOW.getTime() - 86_400_000;

const WORDS =
  'spectral graph attention diffusion sparse mixture experts retrieval token scaling law reasoning benchmark'.split(
    ' ',
  );
function generated(n: number, from = 0): Paper[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const t = T - i * 1000;
    const abstract = Array.from({ length: 200 }, (_, w) => WORDS[(i * 7 + w * 3) % WORDS.length]).join(' ');
    const p: Paper = {
      id: `${2401 + Math.floor(i / 90_000)}.${10_000 + (i % 90_000)}`,
      title: `Paper ${i} on ${WORDS[i % WORDS.length]}`,
      authors: ['Ada Lovelace', `Author ${i}`],
      abstract,
      firstSeenAt: t,
      firstSeenUrl: 'https://arxiv.org/list/cs.LG/new',
      lastSeenAt: t,
      updatedAt: t,
    };
    if (i % 5 === 0) p.readAt = t;
    if (i % 7 === 0) p.tags = ['graph'];
    if (i % 11 === 0) p.note = `note ${i}`;
    return p;
  });
}

const backupOf = (db: PapershelfDb) => exportText(db, 'backup', 'all', NOW);

/** A file that can only be streamed: reading it whole fails the test. */
function streamOnly(name: string, parts: BlobPart[]): ImportFile & { wholeReads: number } {
  const blob = new Blob(parts);
  const file = {
    name,
    size: blob.size,
    type: '',
    wholeReads: 0,
    slice: (a?: number, b?: number) => blob.slice(a, b),
    stream: () => blob.stream(),
    text: async () => (file.wholeReads++, blob.text()),
    arrayBuffer: async () => (file.wholeReads++, blob.arrayBuffer()),
  };
  return file as unknown as ImportFile & { wholeReads: number };
}

async function writeAllBatches(db: PapershelfDb, prepared: Prepared) {
  let batches = 0;
  for await (const batch of prepared.batches()) {
    await applyImport(db, batch, NOW.getTime());
    batches++;
  }
  return batches;
}

async function gzip(text: string): Promise<Blob> {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
}

describe('streaming a backup', () => {
  it(
    'restores a backup larger than 25 MB read as a stream, in batches, and the library equals the backup',
    { timeout: 120_000 },
    async () => {
      const papers = generated(17_000);
      const lists = [{ id: 'list-reading', name: 'Reading group', createdAt: T, updatedAt: T }];
      const entries = [0, 5, 9].map((i, position) => ({
        listId: 'list-reading',
        paperId: papers[i]!.id,
        position,
        addedAt: T,
        updatedAt: T,
      }));
      const settings = [{ key: 'keyboard' as const, value: false, updatedAt: T }];
      const text = toBackup({ papers, settings, lists, listEntries: entries }, NOW);
      expect(text.length).toBeGreaterThan(MAX_IMPORT_BYTES);

      const db = freshDb();
      const file = streamOnly('papershelf-backup.json', [text]);
      const progress: number[] = [];
      const prepared = await prepareImport(db, file, NOW.getTime(), (p) => progress.push(p.papers));
      expect(prepared.kind).toBe('Papershelf backup');
      expect(prepared.papers).toBe(17_000);
      expect(prepared.counts).toEqual({
        created: 17_000,
        updated: 0,
        unchanged: 0,
        listed: 3,
        newLists: 1,
        settings: 1,
      });
      // Progress came batch by batch, and nothing was written by the preview.
      expect(progress.length).toBeGreaterThanOrEqual(17);
      expect(await db.papers.count()).toBe(0);

      // 17 batches of papers and one of settings and lists.
      expect(await writeAllBatches(db, prepared)).toBe(Math.ceil(17_000 / IMPORT_BATCH) + 1);
      expect(file.wholeReads).toBe(0);
      expect(await backupOf(db)).toBe(text);

      // Again: everything unchanged, nothing to write.
      const again = await prepareImport(db, file, NOW.getTime());
      expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 17_000, listed: 0, newLists: 0, settings: 0 });
    },
  );

  it('refuses a backup with a bad record anywhere, before writing anything', { timeout: 60_000 }, async () => {
    const papers = generated(2_500);
    const good = toBackup({ papers, settings: [], lists: [], listEntries: [] }, NOW);
    const lines = good.split('\n');
    // Entry 2,400 (in the third batch) gets a field of the wrong type.
    const at = lines.findIndex((l) => l.includes(`"id":"${papers[2_399]!.id}"`));
    lines[at] = lines[at]!.replace('"title":"', '"title":42,"was":"');
    const db = freshDb();
    await expect(prepareImport(db, streamOnly('bad.json', [lines.join('\n')]), NOW.getTime())).rejects.toThrow(
      /^Entry 2400 of papers \("2401\.12399"\): /,
    );
    expect(await db.papers.count()).toBe(0);

    const repeated = good.replace(`"id":"${papers[2_000]!.id}"`, `"id":"${papers[3]!.id}"`);
    await expect(prepareImport(db, streamOnly('dup.json', [repeated]), NOW.getTime())).rejects.toThrow(
      /^Entries 4 and 2001 of papers both have the id "2401\.10003"\.$/,
    );
    expect(await db.papers.count()).toBe(0);
  });

  it('refuses a backup cut short, naming where it ends', { timeout: 60_000 }, async () => {
    const text = toBackup({ papers: generated(1_500), settings: [], lists: [], listEntries: [] }, NOW);
    const db = freshDb();
    const cutInRecord = text.slice(0, Math.floor(text.length / 2));
    await expect(prepareImport(db, streamOnly('cut.json', [cutInRecord]), NOW.getTime())).rejects.toThrow(
      /^cut\.json is not valid JSON \(it may be cut short\): /,
    );
    const cutAtLine = text.slice(0, text.indexOf('\n],'));
    await expect(prepareImport(db, streamOnly('cut.json', [cutAtLine]), NOW.getTime())).rejects.toThrow(
      /it ends after line 1503, inside the papers table/,
    );
    expect(await db.papers.count()).toBe(0);
  });

  it('reads a compressed backup (.json.gz) the same way', { timeout: 60_000 }, async () => {
    const papers = generated(1_200);
    const text = toBackup({ papers, settings: [], lists: [], listEntries: [] }, NOW);
    const compressed = await gzip(text);
    expect(compressed.size).toBeLessThan(text.length / 4);
    const db = freshDb();
    const prepared = await prepareImport(db, streamOnly('papershelf-backup.json.gz', [compressed]), NOW.getTime());
    expect(prepared.counts.created).toBe(1_200);
    await writeAllBatches(db, prepared);
    expect(await backupOf(db)).toBe(text);
  });

  it('still reads backups in older layouts (indented, or on one line) whole', async () => {
    const papers = generated(30);
    const backup = {
      format: 'papershelf-backup',
      version: 1,
      exportedAt: NOW.toISOString(),
      tables: { papers, settings: [] },
    };
    for (const text of [JSON.stringify(backup, null, 1), JSON.stringify(backup)]) {
      const db = freshDb();
      const prepared = await prepareImport(db, streamOnly('old.json', [text]), NOW.getTime());
      expect(prepared.counts.created).toBe(30);
      await writeAllBatches(db, prepared);
      expect(await db.papers.count()).toBe(30);
    }
  });

  it(
    'previews a batch by reading only its own papers, and batches add up to the whole preview',
    { timeout: 60_000 },
    async () => {
      const db = freshDb();
      await writeAllBatches(
        db,
        await prepareImport(
          db,
          streamOnly('a.json', [toBackup({ papers: generated(3_000), settings: [], lists: [], listEntries: [] }, NOW)]),
          NOW.getTime(),
        ),
      );
      // 2,500 pasted ids, 1,000 of them already in the library, and one named twice.
      const ids = [...generated(2_500, 2_000).map((p) => p.id), generated(1, 2_000)[0]!.id].join(' ');
      const { readIdList } = await import('../../src/import/ids-reader');
      const plan = readIdList(ids, 'toRead', NOW.getTime());
      const batches = [...planBatches(plan, 1_000)];
      expect(batches.map((b) => b.partial.length)).toEqual([1_000, 1_000, 500]);
      const whole = await previewImport(db, plan, NOW.getTime());
      expect(whole).toMatchObject({ created: 1_500, updated: 1_000 });
      let created = 0;
      let updated = 0;
      for (const batch of batches) {
        const c = await previewImport(db, { ...plan, batch }, NOW.getTime());
        created += c.created;
        updated += c.updated;
      }
      expect({ created, updated }).toEqual({ created: whole.created, updated: whole.updated });
    },
  );
});
