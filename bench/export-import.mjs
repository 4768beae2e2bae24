// Export and import with 10,000 papers (2,000 notes, 5,000 tag links, search words computed, as
// a library a user built), in the options page of the real extension.
// Export: click → file downloaded, per format (target < 300 ms each).
// Import: a 10,000-paper backup chosen → preview shown, then confirm → done (target < 2 s together).
import { readFileSync } from 'node:fs';
import { RUNS, importLibrary, report, session } from './lib.mjs';
import { library } from './library.mjs';

const PAPERS = 10_000;
const BUTTONS = ['Export BibTeX', 'Export RIS', 'Export CSL-JSON', 'Export Markdown', 'Export CSV', 'Export JSON backup'];

// In the options page, before its scripts: note when a button is pressed, when a download link
// is clicked, when the import preview appears and when the import is reported done. Playwright's
// own round trips (16 MB through setInputFiles takes seconds) stay out of the figures.
export function instrument() {
  const t = (window.__bench = { marks: {} });
  document.addEventListener('click', (e) => { if (e.target.closest?.('button')) t.marks.press = performance.now(); }, true);
  document.addEventListener('change', (e) => { if (e.target.type === 'file') t.marks.chosen = performance.now(); }, true);
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) t.marks.downloaded = performance.now();
    return click.call(this);
  };
  new MutationObserver(() => {
    if (!t.marks.preview && document.querySelector('[aria-label="Import preview"]')) t.marks.preview = performance.now();
    if (!t.marks.done && /Imported \(/.test(document.body?.textContent ?? '')) t.marks.done = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function timedDownload(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
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
    await options.addInitScript(instrument);
    await options.goto(`chrome-extension://${source.extensionId}/src/options/index.html#import-export`);
    await options.getByRole('button', { name: 'Export BibTeX' }).waitFor();
    for (const name of BUTTONS) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const { ms, path } = await timedDownload(options, name);
        runs.push(ms);
        if (name === 'Export JSON backup') backupPath = path;
      }
      results.push(report(`${name}, ${PAPERS.toLocaleString('en')} papers (press → file saved)`, runs, '< 300 ms'));
    }
    const size = readFileSync(backupPath).length;
    console.log(`backup of ${PAPERS.toLocaleString('en')} papers: ${(size / 1024 / 1024).toFixed(1)} MB`);
    const backup = readFileSync(backupPath);

    const preview = [], merge = [];
    for (let i = 0; i < RUNS; i++) {
      const target = await session();
      try {
        const page = await target.context.newPage();
        await page.addInitScript(instrument);
        await page.goto(`chrome-extension://${target.extensionId}/src/options/index.html#import-export`);
        await page.getByRole('button', { name: 'Export BibTeX' }).waitFor();
        await page.getByLabel('Import', { exact: true }).setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
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
    results.push(report('import 10,000-paper backup: preview + merge', preview.map((p, i) => p + merge[i]), '< 2 s'));
  } finally {
    await source.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchExportImport();
