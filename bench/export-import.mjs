// Export and import with 10,000 papers (2,000 notes, 5,000 tag links, search words computed, as
// a library a user built), in the options page of the real extension.
// Export: click → file downloaded, per format (target < 300 ms each), and against a floor measured
// in the same page and round: reading the same records from IndexedDB and making one Blob of the
// same bytes (target ≤ 1.3×).
// Import: a 10,000-paper backup chosen → preview shown, then confirm → done (target < 2 s together).
import { readFileSync } from 'node:fs';
import { RUNS, importLibrary, report, session } from './lib.mjs';
import { library } from './library.mjs';

const PAPERS = 10_000;
const ALL_BUTTONS = [
  'Export BibTeX',
  'Export RIS',
  'Export CSL-JSON',
  'Export Markdown',
  'Export CSV',
  'Export JSON backup',
];
// BENCH_EXPORTS=Markdown,CSV measures those exports only (and no import, which needs the backup's file).
const BUTTONS = process.env.BENCH_EXPORTS
  ? ALL_BUTTONS.filter((b) => process.env.BENCH_EXPORTS.split(',').some((f) => b === `Export ${f}`))
  : ALL_BUTTONS;

// In the options page, before its scripts: note when a button is pressed, when a download link
// is clicked, when the import preview appears and when the import is reported done. Playwright's
// own round trips (16 MB through setInputFiles takes seconds) stay out of the figures.
export function instrument() {
  window.__bench = { marks: {} };
  const t = window.__bench;
  document.addEventListener(
    'click',
    (e) => {
      if (e.target instanceof Element && e.target.closest('button')) t.marks.press = performance.now();
    },
    true,
  );
  document.addEventListener(
    'change',
    (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'file') t.marks.chosen = performance.now();
    },
    true,
  );
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) t.marks.downloaded = performance.now();
    return click.call(this);
  };
  new MutationObserver(() => {
    if (!t.marks.preview && document.querySelector('[aria-label="Import preview"]'))
      t.marks.preview = performance.now();
    if (!t.marks.done && /Imported \(/.test(document.body?.textContent ?? '')) t.marks.done = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

// The floor of an export, in the options page: one read of every record the export reads (papers;
// the backup also the settings, lists and list entries) in one transaction, and one Blob of the
// exported file's bytes (given beforehand, as text). The database is opened before the clock starts.
async function timedFloor(page, stores) {
  return page.evaluate(async (names) => {
    const db = (window.__floorDb ??= await new Promise((resolve, reject) => {
      const open = indexedDB.open('papershelf');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    }));
    const started = performance.now();
    const tx = db.transaction(names, 'readonly');
    const read = (name) =>
      new Promise((resolve) => (tx.objectStore(name).getAll().onsuccess = (e) => resolve(e.target.result)));
    const records = await Promise.all(names.map(read));
    const blob = new Blob([window.__fileText]);
    const ms = performance.now() - started;
    // Keep both alive until the clock stopped.
    return records.length && blob.size ? ms : NaN;
  }, stores);
}

async function timedDownload(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  const ms = await page.evaluate(() => window.__bench.marks.downloaded - window.__bench.marks.press);
  return { ms, path: await file.path() };
}

export async function benchExportImport() {
  const results = [];
  const source = await session();
  let backupPath;
  try {
    await importLibrary(source, library(PAPERS));
    const options = await source.context.newPage();
    options.setDefaultTimeout(180_000);
    await options.addInitScript(instrument);
    await options.goto(`chrome-extension://${source.extensionId}/src/options/index.html#import-export`);
    await options.getByRole('button', { name: 'Export BibTeX' }).waitFor();
    for (const name of BUTTONS) {
      const stores = name === 'Export JSON backup' ? ['papers', 'settings', 'lists', 'listEntries'] : ['papers'];
      // One export first: its file is the floor's bytes.
      const first = await timedDownload(options, name);
      await options.evaluate((text) => (window.__fileText = text), readFileSync(first.path, 'utf8'));
      const runs = [],
        floors = [];
      for (let i = 0; i < RUNS; i++) {
        // Alternating which goes first: whatever the machine does meanwhile falls on both.
        const floor = () => timedFloor(options, stores).then((ms) => floors.push(ms));
        const run = () => timedDownload(options, name).then(({ ms }) => runs.push(ms));
        if (i % 2) await floor().then(run);
        else await run().then(floor);
      }
      if (name === 'Export JSON backup') backupPath = first.path;
      results.push(report(`${name}, ${PAPERS.toLocaleString('en')} papers (press → file saved)`, runs, '< 300 ms'));
      results.push(report('  floor: read the same records, one Blob of the same bytes', floors));
      results.push(
        report(
          '  ratio export / floor, same round',
          runs.map((r, i) => r / floors[i]),
          '≤ 1.3×',
          '×',
        ),
      );
      await options.evaluate(() => delete window.__fileText);
    }
    if (!backupPath) return results;
    const size = readFileSync(backupPath).length;
    console.log(`backup of ${PAPERS.toLocaleString('en')} papers: ${(size / 1024 / 1024).toFixed(1)} MB`);
    const backup = readFileSync(backupPath);

    const preview = [],
      merge = [];
    for (let i = 0; i < RUNS; i++) {
      const target = await session();
      try {
        const page = await target.context.newPage();
        page.setDefaultTimeout(180_000);
        await page.addInitScript(instrument);
        await page.goto(`chrome-extension://${target.extensionId}/src/options/index.html#import-export`);
        await page.getByRole('button', { name: 'Export BibTeX' }).waitFor();
        await page
          .getByLabel('Import', { exact: true })
          .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
        await page.getByRole('region', { name: 'Import preview' }).waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: 'Confirm import' }).click();
        await page.getByText(/Imported \(Papershelf backup\): 10,000 new/).waitFor({ timeout: 30_000 });
        const m = await page.evaluate(() => window.__bench.marks);
        preview.push(m.preview - m.chosen);
        merge.push(m.done - m.press);
      } finally {
        await target.close();
      }
    }
    results.push(report('import 10,000-paper backup: file chosen → preview', preview));
    results.push(report('import 10,000-paper backup: confirm → merged', merge));
    results.push(
      report(
        'import 10,000-paper backup: preview + merge',
        preview.map((p, i) => p + merge[i]),
        '< 2 s',
      ),
    );
  } finally {
    await source.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchExportImport();
