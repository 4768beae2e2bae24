// A backup of a year of skimming restores: a 60 MB backup written by Papershelf from a generated
// library imports through the options page with its progress, and the library equals the backup
// afterwards; a Mark read made while the import writes is confirmed before the import ends.
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, detectedIds, launch, type Session } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const PAPERS = 40_000;

let a: Session;
let b: Session;
beforeAll(async () => {
  [a, b] = await Promise.all([launch(), launch()]);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

/** Writes a generated library straight into the extension's database (test setup, in one of its pages). */
function seedLibrary(count: number): Promise<void> {
  const words =
    'spectral graph attention diffusion sparse mixture experts retrieval token scaling law reasoning benchmark alignment preference'.split(
      ' ',
    );
  const t0 = Date.parse('2026-10-01T00:00:00Z');
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('papershelf');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['papers', 'lists', 'listEntries', 'settings'], 'readwrite');
      const papers = tx.objectStore('papers');
      for (let i = 0; i < count; i++) {
        const t = t0 - i * 60_000;
        const p: Record<string, unknown> = {
          id: `${2401 + Math.floor(i / 90_000)}.${10_000 + (i % 90_000)}`,
          title: `A study of ${words[i % words.length]} number ${i}`,
          authors: ['Ada Lovelace', `Author ${i}`, `Coauthor ${i % 97}`],
          abstract: Array.from({ length: 190 }, (_, w) => words[(i * 7 + w * 3) % words.length]).join(' '),
          categories: ['cs.LG'],
          firstSeenAt: t,
          firstSeenUrl: 'https://arxiv.org/list/cs.LG/new',
          lastSeenAt: t,
          updatedAt: t,
        };
        if (i % 5 === 0) p.readAt = t;
        if (i % 9 === 0) {
          p.savedAt = t;
          if (p.readAt === undefined) p.toReadSince = t;
        }
        if (i % 7 === 0) p.tags = ['graph'];
        if (i % 11 === 0) p.note = `Note ${i}`;
        papers.put(p);
      }
      tx.objectStore('lists').put({ id: 'list-reading', name: 'Reading group', createdAt: t0, updatedAt: t0 });
      for (let k = 0; k < 50; k++)
        tx.objectStore('listEntries').put({
          listId: 'list-reading',
          paperId: `2401.${10_000 + k * 13}`,
          position: k,
          addedAt: t0,
          updatedAt: t0,
        });
      tx.objectStore('settings').put({ key: 'keyboard', value: false, updatedAt: t0 });
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}

async function exportBackup(s: Session): Promise<string> {
  const options = await s.openExtensionPage('src/options/index.html#import-export');
  const [file] = await Promise.all([
    options.waitForEvent('download', { timeout: 120_000 }),
    options.getByRole('button', { name: 'Export JSON backup', exact: true }).click(),
  ]);
  const path = (await file.path())!;
  await options.close();
  return path;
}

/** Each paper's line, by id, and the rest of the file without its date. */
function partsOf(path: string) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const papers = new Map<string, string>();
  const rest: string[] = [];
  let inPapers = false;
  for (const line of lines) {
    if (line.startsWith('"papers": [')) inPapers = true;
    else if (inPapers && line.startsWith(']')) inPapers = false;
    else if (inPapers) papers.set(JSON.parse(line.replace(/,$/, '')).id, line.replace(/,$/, ''));
    if (!inPapers && !line.startsWith('{"format"')) rest.push(line);
  }
  return { papers, rest: rest.join('\n') };
}

describe('a 60 MB backup', () => {
  it(
    'imports through the options page with progress, the library equals the backup, and a click is answered meanwhile',
    { timeout: 900_000 },
    async () => {
      const t0 = Date.now();
      const phase = (what: string) => console.log(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const seeding = await a.openExtensionPage('src/options/index.html');
      await seeding.evaluate(seedLibrary, PAPERS);
      await seeding.close();
      phase('seeded');
      const path = await exportBackup(a);
      phase('exported');
      expect(statSync(path).size).toBeGreaterThan(60 * 1024 * 1024);

      const feed = await b.open(FEED);
      const target = card(feed, '2407.21705');
      await target.getByRole('button', { name: 'Mark read' }).waitFor();
      const feedIds = await detectedIds(feed);

      const options = await b.openExtensionPage('src/options/index.html#import-export');
      await options.getByLabel('Import', { exact: true }).setInputFiles(path);
      // Reading shows how far it has come, then the preview counts every paper.
      await expect
        .poll(() => options.getByRole('progressbar', { name: 'Reading…' }).getAttribute('value'), { timeout: 120_000 })
        .toMatch(/^0\.\d+|^1$/);
      const preview = options.getByRole('region', { name: 'Import preview' });
      await expect
        .poll(() => preview.textContent(), { timeout: 300_000 })
        .toMatch(/Papershelf backup: 40,000 new, 0 updated, 0 unchanged, 50 added to lists \(1 new list\)/);
      phase('previewed');
      await preview.getByRole('button', { name: 'Confirm import' }).click();

      const writing = options.getByRole('progressbar', { name: 'Importing…' });
      await expect
        .poll(async () => Number(await writing.getAttribute('value')), { timeout: 120_000 })
        .toBeGreaterThan(0);
      // A click while the import writes: confirmed on the card while the import still runs.
      await feed.bringToFront();
      await target.getByRole('button', { name: 'Mark read' }).click();
      await feed.locator('[data-papershelf-id="2407.21705"][data-papershelf-read="true"]').waitFor({ timeout: 30_000 });
      expect(await writing.count()).toBe(1);
      phase('click confirmed');

      await options
        .getByText(/Imported \(Papershelf backup\): 40,000 new, 0 updated, 0 unchanged, 50 added to lists\./)
        .waitFor({ timeout: 600_000 });
      phase('imported');
      // The library says how many papers it holds and the storage they take.
      await options.goto(`chrome-extension://${b.extensionId}/src/options/index.html#settings`);
      await expect
        .poll(() => options.locator('.library-size').textContent())
        .toMatch(/^40,0\d\d papers, [\d.]+ (MB|GB) of storage in this browser\.$/);
      await options.close();
      await feed.close();

      // Every paper, list and setting of the backup is in the library as it was; the only others
      // are the feed's papers, seen (and one marked read) in this profile.
      const original = partsOf(path);
      const restored = partsOf(await exportBackup(b));
      expect(restored.rest).toBe(original.rest);
      const missingOrDifferent = [...original.papers]
        .filter(([id, line]) => restored.papers.get(id) !== line)
        .map(([id]) => id);
      expect(missingOrDifferent).toEqual([]);
      const extra = [...restored.papers.keys()].filter((id) => !original.papers.has(id));
      expect(extra.sort()).toEqual([...new Set(feedIds)].sort());
    },
  );
});
