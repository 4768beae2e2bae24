// `npm start`: builds the extension, opens Chromium with it loaded in a persistent profile
// (.papershelf-profile/) on the offline demo, and rebuilds + reloads it when a source file changes.
//   npm start               offline demo: real captures served at their real huggingface.co URLs
//   npm start -- --live     the real site instead (needs a network)
//   npm start -- --headless --once   build, open, print what was detected, close (a smoke check)
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromePath, extensionWorker, launchWithExtension } from './browser.mjs';
import { CAPTURES, DEMO_FEED_URL, serveOffline } from './offline-pages.mjs';

const args = new Set(process.argv.slice(2));
const live = args.has('--live');
const headless = args.has('--headless');
const once = args.has('--once');
const root = resolve(import.meta.dirname, '..');
const profile = resolve(root, '.papershelf-profile');

try {
  chromePath();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

let context;
async function reloadExtension() {
  if (!context) return;
  const worker = await extensionWorker(context);
  await worker.evaluate(() => chrome.runtime.reload()).catch(() => {});
  await new Promise((r) => setTimeout(r, 500));
  for (const page of context.pages()) if (/^https:/.test(page.url())) await page.reload().catch(() => {});
  console.log('Rebuilt and reloaded the extension.');
}

// The first build, then (unless --once) a watcher that rebuilds on change.
// A watcher unless --once (then the build's output, which is never used as a watcher).
const watcher = /** @type {import('vite').Rolldown.RolldownWatcher} */ (
  await build({ root, logLevel: 'warn', build: once ? {} : { watch: {} } })
);
if (!once) {
  let first = true;
  watcher.on('event', (e) => {
    if (e.code === 'END') {
      if (first) first = false;
      else void reloadExtension();
    }
  });
  await new Promise((resolveBuilt) => watcher.on('event', (e) => e.code === 'END' && resolveBuilt(undefined)));
}

// A persistent profile keeps the service worker script of the build it last ran, and Chrome can
// start that one although dist/ holds a newer build (seen: a worker answering in last week's
// message shapes). Dropping the profile's service-worker cache makes it load this build's
// worker; the library (IndexedDB) is untouched.
rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
context = await launchWithExtension(profile, { headless, offline: !live, viewport: null });
if (!live) await serveOffline(context);

const urls = live
  ? ['https://huggingface.co/papers']
  : [DEMO_FEED_URL, ...Object.keys(CAPTURES).filter((u) => u !== DEMO_FEED_URL)];
const [first] = context.pages();
for (const [i, url] of urls.entries()) {
  const page = i === 0 && first ? first : await context.newPage();
  await page.goto(url);
}
// A rebuilt unpacked extension can be reloaded by Chrome just after start, which leaves the pages
// opened in that moment with a content script cut off from the extension: reload those pages
// (a page with no paper at all, like the empty listing, is reloaded once for nothing).
await Promise.all(
  context.pages().map(async (page) => {
    if (!/^https:/.test(page.url())) return;
    const answered = await page
      .locator('[data-papershelf-read]')
      .first()
      .waitFor({ state: 'attached', timeout: 8_000 })
      .then(
        () => true,
        () => false,
      );
    if (!answered) await page.reload().catch(() => {});
  }),
);
console.log(live ? 'Opened the live site.' : `Offline demo open: ${urls.join(', ')}`);
console.log('Click the Papershelf icon in the toolbar for the popup. Close the browser to stop.');

if (once) {
  const page = context.pages()[0];
  await page.locator('[data-papershelf-read]').first().waitFor({ timeout: 15_000 });
  console.log(`${await page.locator('[data-papershelf-id]').count()} papers with controls on ${page.url()}`);
  await context.close();
  process.exit(0);
}
context.on('close', () => {
  watcher.close?.();
  process.exit(0);
});
