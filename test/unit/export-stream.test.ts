// Whole-library exports are streamed a slice at a time; the file must be the one-piece export,
// byte for byte, whatever the slice size and however the slices fall.
import { describe, expect, it } from 'vitest';
import { setNote, setTag } from '../../src/db/annotations';
import { createList, setListMembership } from '../../src/db/lists';
import { deletePapers } from '../../src/db/library';
import { putPapers } from '../../src/db/papers';
import type { PapershelfDb } from '../../src/db/schema';
import { writeSettings } from '../../src/db/settings';
import { exportBlob, exportText } from '../../src/export/formats';
import { learnSliceBounds, remember, remembered } from '../../src/export/slice-bounds';
import { readInSlices, streamedParts, type StreamedFormat } from '../../src/export/stream';
import { freshDb } from './db';
import { seedPapers } from './seed';

const NOW = new Date('2026-11-25T12:00:00Z');
const FORMATS: StreamedFormat[] = ['bibtex', 'ris', 'csl', 'markdown', 'csv', 'backup'];
const streamed = async (db: PapershelfDb, f: StreamedFormat, size?: number) =>
  new Blob(await streamedParts(db, f, NOW, size)).text();

async function annotatedSeed(): Promise<PapershelfDb> {
  const db = freshDb();
  const seed = seedPapers();
  await putPapers(db, seed);
  await setTag(db, seed[3]!.id, 'state space', true, 2e12);
  await setNote(db, seed[5]!.id, 'Line one\n"quoted", =SUM(A1)', 2e12);
  const list = await createList(db, 'Reading group', 2e12);
  await setListMembership(db, list.id, seed[7]!.id, true, 2e12);
  await writeSettings(db, { keyboard: false }, 2e12);
  return db;
}

describe('streamed exports', () => {
  it('write the same file as the one-piece export, in slices of any size', async () => {
    const db = await annotatedSeed();
    for (const f of FORMATS) {
      const whole = await exportText(db, f, 'all', NOW);
      // 57 papers: slices of 1 (each paper alone), 7 (uneven), the default (one slice).
      for (const size of [1, 7, undefined])
        expect(await streamed(db, f, size), `${f}, slices of ${size ?? 'default'}`).toBe(whole);
      expect(await (await exportBlob(db, f, 'all', NOW)).text()).toBe(whole);
    }
  });

  it('write an empty library as the one-piece export does', async () => {
    const db = freshDb();
    for (const f of FORMATS) expect(await streamed(db, f)).toBe(await exportText(db, f, 'all', NOW));
  });

  it('miss and repeat no paper when the ids changed since the slice boundaries were learnt', async () => {
    const db = await annotatedSeed();
    await learnSliceBounds(db, 7);
    const stale = remembered(db, 7)!;
    const seed = seedPapers();
    const ids = seed.map((p) => p.id).sort();
    // Papers below the first boundary, above the last and between two; a whole slice's worth deleted.
    const added = ['0704.0001', '9999.99999', `${ids[10]!}1`].map((id) => ({ ...seed[0]!, id, title: `Added ${id}` }));
    await putPapers(db, added);
    await deletePapers(db, ids.slice(14, 21));
    const expected = (await db.papers.toCollection().primaryKeys()).join();

    const slices: string[][] = [];
    await readInSlices(db, (papers) => slices.push(papers.map((p) => p.id)), 7);
    expect(slices.flat().join()).toBe(expected);
    // The slices were cut where the stale boundaries said: one is empty, two hold an added paper.
    expect(slices.map((s) => s.length)).toContain(0);
    expect(slices.map((s) => s.length)).toContain(8);
    for (const f of FORMATS) {
      remember(db, 7, stale);
      expect(await streamed(db, f, 7), f).toBe(await exportText(db, f, 'all', NOW));
    }
    // An export learns the ids as they are: the next one's slices are even again.
    slices.length = 0;
    const progress: string[] = [];
    await readInSlices(
      db,
      (papers) => slices.push(papers.map((p) => p.id)),
      7,
      (done, total) => progress.push(`${done}/${total}`),
    );
    expect(slices.slice(0, -1).every((s) => s.length === 7)).toBe(true);
    // Progress after each slice, up to all of them.
    expect(progress).toEqual(slices.map((_, i) => `${i + 1}/${slices.length}`));
  });
});
