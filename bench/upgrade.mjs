// Updating an existing library to this build's schema, with 10,000 papers: from browser launch to
// the popup's first paper, and until every paper has its search rows (the worker's background
// migration). Needs an older build to start from, e.g. schema 6:
//   git worktree add /tmp/papershelf-v6 67d22d3 && (cd /tmp/papershelf-v6 && npm ci && npx vite build)
//   npm run build && OLD_DIST=/tmp/papershelf-v6/dist node bench/upgrade.mjs
// Not part of `npm run bench`: it needs that second build.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, extensionWorker, launchWithExtension } from '../scripts/browser.mjs';
import { library } from './library.mjs';

const PAPERS = Number(process.env.PAPERS ?? 10_000);
const OLD_DIST = process.env.OLD_DIST;
if (!OLD_DIST) throw new Error('Set OLD_DIST to an older build (see the comment at the top of bench/upgrade.mjs).');

const work = mkdtempSync(join(tmpdir(), 'papershelf-upgrade-'));
const profile = join(work, 'profile');
// One folder for both builds: an unpacked extension's id comes from its path, and its database
// from its id.
const ext = join(work, 'extension');
const dbVersion = (page) =>
  page.evaluate(
    () =>
      new Promise((done) => {
        const open = indexedDB.open('papershelf');
        open.onsuccess = () => (done(open.result.version), open.result.close());
      }),
  );

try {
  cpSync(OLD_DIST, ext, { recursive: true });
  let context = await launchWithExtension(profile, { dist: ext });
  const id = new URL((await extensionWorker(context)).url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/src/options/index.html#import-export`);
  const backup = JSON.stringify({
    format: 'papershelf-backup',
    version: 2,
    exportedAt: new Date().toISOString(),
    tables: { papers: library(PAPERS), settings: [], lists: [], listEntries: [] },
  });
  await options
    .getByLabel('Import', { exact: true })
    .setInputFiles({ name: 'library.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await options.getByRole('button', { name: 'Confirm import' }).click();
  await options.getByText(/Imported/).waitFor({ timeout: 60_000 });
  // The older build indexes an import in the background too: let it finish.
  const waiting = () =>
    options.evaluate(
      () =>
        new Promise((done) => {
          const open = indexedDB.open('papershelf');
          open.onsuccess = () => {
            const count = open.result.transaction('papers').objectStore('papers').index('unindexed').count();
            count.onsuccess = () => (done(count.result), open.result.close());
          };
        }),
    );
  while ((await waiting()) > 0) await new Promise((r) => setTimeout(r, 250));
  const before = await dbVersion(options);
  await context.close();

  // The update: this build's files, a higher version, and the profile's service-worker
  // registrations dropped (not its IndexedDB). Chrome keeps running an unpacked extension's cached
  // worker when only its files changed; an update from the store replaces it.
  rmSync(ext, { recursive: true, force: true });
  cpSync(DIST, ext, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
  writeFileSync(join(ext, 'manifest.json'), JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
  rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });

  const launched = Date.now();
  context = await launchWithExtension(profile, { dist: ext });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/src/popup/index.html`);
  await popup.locator('.paper').first().waitFor({ timeout: 120_000 });
  const firstPaper = Date.now() - launched;
  const after = await dbVersion(popup);
  // Every paper has its search rows when no search card is missing.
  const cards = () =>
    popup.evaluate(
      () =>
        new Promise((done) => {
          const open = indexedDB.open('papershelf');
          open.onsuccess = () => {
            const count = open.result.transaction('searchCards').objectStore('searchCards').count();
            count.onsuccess = () => (done(count.result), open.result.close());
          };
        }),
    );
  for (let n = 0; (n = await cards()) < PAPERS && Date.now() - launched < 300_000;) {
    if (process.env.VERBOSE) console.log(`  ${Date.now() - launched} ms: ${n} cards`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const indexed = Date.now() - launched;
  console.log(`upgrade of ${PAPERS.toLocaleString('en')} papers, IndexedDB version ${before} → ${after}`);
  console.log(`  launch → popup's first paper  ${firstPaper} ms`);
  console.log(`  launch → every paper has its search rows  ${indexed} ms`);
  await context.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
