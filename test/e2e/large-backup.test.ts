// A backup of a year of skimming restores: a 60 MB backup written by Papershelf from a generated
// library imports through the options page with its progress, and the library equals the backup
// afterwards; a Mark read made while the import writes is confirmed before the import ends.
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, detectedIds, launch, type Session } from './harness';
import { seedLibrary } from './seed-library';

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
      await seeding.evaluate(seedLibrary, { count: PAPERS });
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
