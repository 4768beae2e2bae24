// Launches Chromium with the built extension loaded. Shared by `npm start`, the end-to-end tests
// and the benchmarks, so all three run the extension the same way.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

/** The Chromium build (`npm run build` also makes dist/firefox/, see scripts/firefox.mjs). */
export const DIST = resolve(import.meta.dirname, '../dist/chrome');
/** The same with open shadow roots, for the end-to-end tests (`npm run build:e2e`, src/content/shadow-mode.ts). */
export const E2E_DIST = resolve(import.meta.dirname, '../dist/chrome-e2e');

export function chromePath() {
  const found =
    process.env.CHROME_PATH ??
    ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
  if (!found) throw new Error('No Chromium found. Install it (Debian: apt-get install chromium) or set CHROME_PATH.');
  return found;
}

/**
 * @typedef {{ width: number, height: number }} Viewport
 * @typedef {{ headless?: boolean, offline?: boolean, viewport?: null | Viewport, dist?: string,
 *   reloadable?: boolean, args?: string[] }} LaunchOptions
 */

/**
 * @param {string} profile  user-data directory
 * @param {LaunchOptions} [options]
 */
export async function launchWithExtension(
  profile,
  { headless = true, offline = true, viewport, dist = DIST, reloadable = false, args = [] } = {},
) {
  if (!existsSync(resolve(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    headless,
    ...(viewport !== undefined ? { viewport } : {}),
    ignoreDefaultArgs: ['--disable-extensions', ...(headless ? [] : ['--enable-automation'])],
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-first-run',
      '--disable-gpu',
      // Lets a test load the extension again over CDP (Extensions.loadUnpacked), as an update does;
      // chrome.runtime.reload() unloads a command-line extension for good.
      ...(reloadable ? ['--enable-unsafe-extension-debugging'] : []),
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      // Without these, Chromium's own background traffic hits the closed network at every start.
      ...(offline
        ? ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic']
        : []),
      ...args,
    ],
  });
  return context;
}

/** The extension's service worker (waits for it to start). */
export async function extensionWorker(context) {
  return (
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker'))
  );
}

/** Stops every service worker through CDP, as Manifest V3 may do at any moment. */
export async function stopWorkers(context) {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
