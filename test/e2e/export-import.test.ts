// Export every format from the options page and read each file back with an independent parser;
// restore a backup into a fresh profile; refuse bad files without touching the library.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, editorOf, launch, type Session } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const DEMO = 'https://huggingface.co/papers/date/2025-08-05';
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

let a: Session;
let b: Session;
beforeAll(async () => {
  [a, b] = await Promise.all([launch(), launch()]);
  const feed = await a.open(FEED);
  await card(feed, '2407.21783').getByRole('button', { name: 'Save for later' }).click();
  await card(feed, '2407.21705').getByRole('button', { name: 'Save for later' }).click();
  await card(feed, '2407.21705').getByRole('button', { name: 'Mark read' }).click();
  await feed.locator('[data-papershelf-id="2407.21705"][data-papershelf-read="true"]').waitFor();
  const demo = await a.open(DEMO);
  await demo.waitForFunction(() => document.querySelectorAll('[data-papershelf-read]').length === 57);
  await Promise.all([feed.close(), demo.close()]);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

/** Presses a button and returns the downloaded file's name and text. */
async function download(page: Page, name: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

async function backupOf(s: Session) {
  const options = await s.openExtensionPage('src/options/index.html#import-export');
  const file = await download(options, 'Export JSON backup');
  await options.close();
  return file;
}

const withoutExportedAt = (text: string) => JSON.stringify({ ...JSON.parse(text), exportedAt: null });

describe('export from the options page', () => {
  it('downloads every format, each read back by an independent parser', async () => {
    const options = await a.openExtensionPage('src/options/index.html#import-export');
    expect(await options.getByRole('combobox', { name: 'Papers to export' }).inputValue()).toBe('all');

    const bib = await download(options, 'Export BibTeX');
    expect(bib.name).toBe(`papershelf-all-${today()}.bib`);
    const entries = parseBibtex(bib.text, { sentenceCase: false }).entries;
    expect(entries).toHaveLength(70);
    const llama = entries.find((e) => e.fields.eprint === '2407.21783')!;
    expect(llama.key).toBe('dubey2024llama');
    expect(llama.fields).toMatchObject({ title: 'The Llama 3 Herd of Models', archiveprefix: 'arXiv', year: '2024' });

    const ris = await download(options, 'Export RIS');
    expect(ris.name).toBe(`papershelf-all-${today()}.ris`);
    expect(new Cite(ris.text, { forceType: '@ris/file' }).data).toHaveLength(70);

    const csl = await download(options, 'Export CSL-JSON');
    expect(csl.name).toBe(`papershelf-all-${today()}.json`);
    expect(new Cite(JSON.parse(csl.text)).data.map((i) => i.id)).toContain('2407.21783');

    const md = await download(options, 'Export Markdown');
    expect(md.name).toBe(`papershelf-all-${today()}.md`);
    expect(md.text).toMatch(
      /## To read \(1\)\n\n- \[ \] \[The Llama 3 Herd of Models\]\(https:\/\/arxiv\.org\/abs\/2407\.21783\)/,
    );
    expect(md.text).toMatch(/## Read \(1\)\n\n- \[x\] \[/);

    const csv = await download(options, 'Export CSV');
    expect(csv.name).toBe(`papershelf-all-${today()}.csv`);
    const rows = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data).toHaveLength(70);
    expect(rows.data.find((r) => r.id === '2407.21705')).toMatchObject({ read: 'true', saved: 'true' });

    const backup = await download(options, 'Export JSON backup');
    expect(backup.name).toBe(`papershelf-all-${today()}.json`);
    const parsed = JSON.parse(backup.text);
    expect(parsed).toMatchObject({ format: 'papershelf-backup', version: 2 });
    expect(parsed.tables.papers).toHaveLength(70);

    // A scope narrows every format but the backup.
    await options.getByRole('combobox', { name: 'Papers to export' }).selectOption({ label: 'To read' });
    const toRead = await download(options, 'Export BibTeX');
    expect(toRead.name).toBe(`papershelf-to-read-${today()}.bib`);
    expect(parseBibtex(toRead.text).entries.map((e) => e.fields.eprint)).toEqual(['2407.21783']);
    expect(JSON.parse((await download(options, 'Export JSON backup')).text).tables.papers).toHaveLength(70);
    await options.close();
  });

  it('exports the list on screen from the popup, or copies it', async () => {
    const popup = await a.openExtensionPage('src/popup/index.html');
    await popup.getByRole('tabpanel').getByRole('listitem').first().waitFor();
    const bib = await download(popup, 'Export BibTeX');
    expect(bib.name).toBe(`papershelf-to-read-${today()}.bib`);
    expect(parseBibtex(bib.text).entries.map((e) => e.fields.eprint)).toEqual(['2407.21783']);
    const md = await download(popup, 'Export Markdown');
    expect(md.text).toContain('[The Llama 3 Herd of Models](https://arxiv.org/abs/2407.21783)');
    await a.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.getByRole('button', { name: 'Copy as Markdown' }).click();
    await popup.getByText('Copied as Markdown.').waitFor();
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(md.text);
    await popup.close();
  });
});

describe('import into another profile', () => {
  it('restores a backup after a preview, and export → import → export is the same backup', async () => {
    const original = await backupOf(a);
    const options = await b.openExtensionPage('src/options/index.html#import-export');
    await options
      .getByLabel('Import', { exact: true })
      .setInputFiles({ name: original.name, mimeType: 'application/json', buffer: Buffer.from(original.text) });
    const preview = options.getByRole('region', { name: 'Import preview' });
    await expect.poll(() => preview.textContent()).toMatch(/Papershelf backup: 70 new, 0 updated, 0 unchanged/);
    await preview.getByRole('button', { name: 'Confirm import' }).click();
    await options.getByText(/Imported \(Papershelf backup\): 70 new, 0 updated, 0 unchanged\./).waitFor();
    await options.close();

    const again = await backupOf(b);
    expect(withoutExportedAt(again.text)).toBe(withoutExportedAt(original.text));

    // The restored state is live on pages at once, and search finds restored papers once the
    // worker has indexed them in the background.
    const feed = await b.open(FEED);
    await expect.poll(() => card(feed, '2407.21705').getAttribute('data-papershelf-read')).toBe('true');
    await feed.close();
    const popup = await b.openExtensionPage('src/popup/index.html');
    await popup.getByRole('searchbox', { name: 'Search your papers' }).fill('llama herd');
    await expect.poll(() => popup.getByRole('listbox', { name: 'Search results' }).getByRole('option').count()).toBe(1);
    await popup.close();

    // The same backup a second time changes nothing.
    const options2 = await b.openExtensionPage('src/options/index.html#import-export');
    await options2
      .getByLabel('Import', { exact: true })
      .setInputFiles({ name: original.name, mimeType: 'application/json', buffer: Buffer.from(original.text) });
    await expect
      .poll(() => options2.getByRole('region', { name: 'Import preview' }).textContent())
      .toMatch(/0 new, 0 updated, 70 unchanged/);
    expect(await options2.getByRole('button', { name: 'Confirm import' }).isDisabled()).toBe(true);
    await options2.close();
  });

  it('refuses each kind of bad file with an alert naming the problem, and changes nothing', async () => {
    const before = await backupOf(b);
    const good = JSON.parse(before.text);
    const paper = good.tables.papers[0];
    const backupWith = (papers: unknown[], extra = {}) =>
      JSON.stringify({ ...good, ...extra, tables: { ...good.tables, papers } });
    const cases: [string, string, RegExp][] = [
      ['truncated.json', before.text.slice(0, 5000), /not valid JSON \(it may be cut short\)/],
      ['other.json', JSON.stringify({ name: 'package', version: '1.0.0' }), /neither a Papershelf backup/],
      ['newer.json', backupWith(good.tables.papers, { version: 99 }), /newer Papershelf \(backup version 99\)/],
      ['noid.json', backupWith([paper, { ...paper, id: undefined }]), /Entry 2 of papers has no id/],
      ['dup.json', backupWith([paper, paper]), /Entries 1 and 2 of papers both have the id/],
      ['badid.json', backupWith([{ ...paper, id: '9999.99999' }]), /"9999\.99999" is not a valid arXiv id/],
      [
        'hostile.json',
        backupWith([{ ...paper, title: 42, evil: '<img src=x onerror=alert(1)>' }]),
        /Entry 1 of papers .*title/,
      ],
      ['huge.json', '', /huge\.json is 50\.0 MB; Papershelf imports files up to 25\.0 MB/],
    ];
    // Playwright passes buffers up to 50 MB; a file that size goes by path.
    const huge = join(mkdtempSync(join(tmpdir(), 'papershelf-huge-')), 'huge.json');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
    const options = await b.openExtensionPage('src/options/index.html#import-export');
    for (const [name, content, message] of cases) {
      const input = options.getByLabel('Import', { exact: true });
      await (name === 'huge.json'
        ? input.setInputFiles(huge)
        : input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) }));
      await expect.poll(() => options.getByRole('alert').textContent(), { message: name }).toMatch(message);
      expect(await options.getByRole('region', { name: 'Import preview' }).count()).toBe(0);
    }
    await options.close();
    expect(withoutExportedAt((await backupOf(b)).text)).toBe(withoutExportedAt(before.text));
  });

  it('adds pasted arXiv ids to a chosen list', async () => {
    const options = await b.openExtensionPage('src/options/index.html#import-export');
    await options
      .getByRole('textbox', { name: 'arXiv ids or URLs' })
      .fill('https://arxiv.org/abs/1706.03762v7\n2407.21770 nonsense');
    await options.getByRole('combobox', { name: 'Add them to' }).selectOption({ label: 'To read' });
    await options.getByRole('button', { name: 'Add papers' }).click();
    const preview = options.getByRole('region', { name: 'Import preview' });
    await expect.poll(() => preview.textContent()).toMatch(/Pasted ids: 1 new, 1 updated, 0 unchanged, 1 skipped/);
    await preview.getByRole('button', { name: 'Confirm import' }).click();
    await options.getByText(/Imported \(Pasted ids\): 1 new, 1 updated/).waitFor();
    const popup = await b.openExtensionPage('src/popup/index.html');
    await expect.poll(() => popup.getByRole('tab', { name: /To read/ }).textContent()).toBe('To read 3');
    await Promise.all([options.close(), popup.close()]);
  });
});

describe('export a tag or a search', () => {
  it('exports the papers of one tag, and of a search, from the options page and the popup', async () => {
    const feed = await a.open(FEED);
    for (const id of ['2407.21770', '2407.21646']) {
      await card(feed, id).getByRole('button', { name: 'Tags' }).click();
      const input = editorOf(card(feed, id)).getByRole('combobox', { name: 'Add a tag' });
      await input.fill('reading group');
      await input.press('Enter');
      await card(feed, id).getByRole('button', { name: 'Remove tag reading group' }).waitFor();
    }
    await feed.close();

    const options = await a.openExtensionPage('src/options/index.html#import-export');
    await options.getByRole('combobox', { name: 'Papers to export' }).selectOption({ label: 'Tag: reading group (2)' });
    const tagged = await download(options, 'Export BibTeX');
    expect(tagged.name).toBe(`papershelf-tag-reading-group-${today()}.bib`);
    expect(
      parseBibtex(tagged.text)
        .entries.map((e) => e.fields.eprint)
        .sort(),
    ).toEqual(['2407.21646', '2407.21770']);
    expect(parseBibtex(tagged.text).entries[0]!.fields.keywords).toEqual(['reading group']);

    await options.getByRole('combobox', { name: 'Papers to export' }).selectOption({ label: 'A search…' });
    await options.getByRole('searchbox', { name: 'Search to export' }).fill('llama herd');
    const searched = await download(options, 'Export CSV');
    expect(searched.name).toBe(`papershelf-search-${today()}.csv`);
    expect(
      Papa.parse<Record<string, string>>(searched.text, { header: true, skipEmptyLines: true }).data.map((r) => r.id),
    ).toEqual(['2407.21783']);
    await options.close();

    const popup = await a.openExtensionPage('src/popup/index.html');
    await popup.getByRole('searchbox', { name: 'Search your papers' }).fill('tag:"reading group"');
    await popup.getByRole('listbox', { name: 'Search results' }).waitFor();
    const md = await download(popup, 'Export Markdown');
    expect(md.name).toBe(`papershelf-search-${today()}.md`);
    expect(md.text.match(/^- \[[ x]\] /gm)).toHaveLength(2);
    await popup.close();
  });
});
