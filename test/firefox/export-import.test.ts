// Export from the options page in Firefox, read the files back with independent parsers, and
// restore the backup into a fresh Firefox profile: export → import → export is the same backup.
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { answeredCount, attribute, click, clickText, control, launch, textOf, type FirefoxSession } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const withoutExportedAt = (text: string) => JSON.stringify({ ...JSON.parse(text), exportedAt: null });

const work = mkdtempSync(join(tmpdir(), 'papershelf-firefox-backup-'));
let s: FirefoxSession | undefined;
afterAll(async () => {
  await s?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Presses an export button on the Import & export page and returns the file's text. */
async function exportFile(session: FirefoxSession, button: RegExp, fileName: string) {
  const options = await session.openExtensionPage('src/options/index.html#import-export');
  await clickText(options, 'button', button);
  const text = await session.downloaded(fileName);
  await options.close();
  return text;
}

let backup = '';

describe('export from the options page', () => {
  it('downloads BibTeX and a JSON backup of what was marked, each read back by a parser', async () => {
    s = await launch();
    const feed = await s.open(FEED);
    await expect.poll(() => answeredCount(feed)).toBe(13);
    await click(feed, control('2407.21783', 'Save for later'));
    await click(feed, control('2407.21705', 'Mark read'));
    await expect.poll(() => attribute(feed, '2407.21705', 'data-papershelf-read')).toBe('true');
    await expect.poll(() => attribute(feed, '2407.21783', 'data-papershelf-saved')).toBe('true');
    await feed.close();

    const bib = await exportFile(s, /^Export BibTeX$/, `papershelf-all-${today()}.bib`);
    const entries = parseBibtex(bib, { sentenceCase: false }).entries;
    expect(entries).toHaveLength(13);
    expect(entries.find((e) => e.fields.eprint === '2407.21783')?.fields).toMatchObject({
      title: 'The Llama 3 Herd of Models',
      archiveprefix: 'arXiv',
    });

    backup = await exportFile(s, /^Export JSON backup$/, `papershelf-all-${today()}.json`);
    const parsed = JSON.parse(backup);
    expect(parsed).toMatchObject({ format: 'papershelf-backup', version: 2 });
    expect(parsed.tables.papers).toHaveLength(13);
    expect(parsed.tables.papers.find((p: { id: string }) => p.id === '2407.21705').readAt).toEqual(expect.any(Number));
    await s.close();
    s = undefined;
  });
});

describe('import into a fresh profile', () => {
  it('restores the backup after a preview; exporting again gives the same backup; its marks show on the page', async () => {
    expect(backup).not.toBe('');
    const file = join(work, 'papershelf-backup.json');
    writeFileSync(file, backup);
    s = await launch();
    const options = await s.openExtensionPage('src/options/index.html#import-export');
    const input = (await options.waitForSelector('input[type="file"][aria-label="Import"]', {
      timeout: 30_000,
    })) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    const preview = '[role="region"][aria-label="Import preview"]';
    await expect.poll(() => textOf(options, preview)).toMatch(/Papershelf backup: 13 new, 0 updated, 0 unchanged/);
    await clickText(options, `${preview} button`, /^Confirm import$/);
    await expect
      .poll(() => textOf(options, 'main'))
      .toMatch(/Imported \(Papershelf backup\): 13 new, 0 updated, 0 unchanged\./);
    await options.close();

    // Before any page is visited (a visit records the papers seen again).
    const again = await exportFile(s, /^Export JSON backup$/, `papershelf-all-${today()}.json`);
    expect(withoutExportedAt(again)).toBe(withoutExportedAt(backup));

    const feed = await s.open(FEED);
    await expect.poll(() => attribute(feed, '2407.21705', 'data-papershelf-read')).toBe('true');
    await expect.poll(() => attribute(feed, '2407.21783', 'data-papershelf-saved')).toBe('true');
    await feed.close();
  });
});
