// Launches Firefox (Debian's firefox-esr) with the built extension through puppeteer-core over
// WebDriver BiDi: no driver and no browser download. Shared by the Firefox tests and benchmarks,
// beside scripts/browser.mjs for Chromium.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { GECKO_ID } from '../build/browser-manifest.mjs';
import { extraPages, offlineResponse } from './offline-pages.mjs';

export const FIREFOX_DIST = resolve(import.meta.dirname, '../dist/firefox');
/** The same with open shadow roots, for the end-to-end tests (`npm run build:e2e`, src/content/shadow-mode.ts). */
export const FIREFOX_E2E_DIST = resolve(import.meta.dirname, '../dist/firefox-e2e');

/**
 * Firefox gives each install a random moz-extension:// host; the profile fixes it so tests can
 * open the extension's pages by address.
 */
export const EXTENSION_UUID = '5b0f5bd4-7f1e-4d8c-9c51-2d3a8e6f0a17';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export function firefoxPath() {
  const found = process.env.FIREFOX_PATH ?? ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find(existsSync);
  if (!found)
    throw new Error('No Firefox found. Install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.');
  return found;
}

/**
 * A local HTTP proxy that answers nothing and writes down every request it is sent. Firefox is
 * pointed at it, so any request not answered by the offline pages (the extension's own, or the
 * browser's) is recorded here instead of reaching the network.
 */
async function recordingProxy() {
  /** @type {string[]} */
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    requests.push(`https://${req.url}`);
    socket.destroy();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, requests, close: () => new Promise((done) => server.close(done)) };
}

/**
 * @param {{ headless?: boolean, dist?: string, prefs?: Record<string, unknown> }} [options]
 */
export async function launchFirefoxWithExtension({ headless = true, dist = FIREFOX_DIST, prefs = {} } = {}) {
  if (!existsSync(resolve(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
  const downloads = mkdtempSync(join(tmpdir(), 'papershelf-firefox-downloads-'));
  const proxy = await recordingProxy();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless,
    args: ['--remote-allow-system-access'],
    // Firefox's own Remote Settings sync would otherwise keep calling its server; with this
    // variable it honours the `services.settings.server` pref below, a data: URL that goes nowhere.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Downloads (exports) go straight to a known folder, without a dialog.
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      // Everything goes through the recording proxy: nothing reaches the network.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      ...prefs,
    },
  });
  const extensionId = await browser.installExtension(dist);
  return {
    browser,
    extensionId,
    /** Where exports are saved. */
    downloads,
    /** Every request that got past the offline pages (see `recordingProxy`). */
    networkRequests: proxy.requests,
    async close() {
      await browser.close();
      await proxy.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * Serves the captures (and any `extra` pages) to one Puppeteer page at their real addresses, as
 * `serveOffline` does for a Playwright context. Call before the page navigates.
 * @param {import('puppeteer-core').Page} page
 * @param {Record<string, string>} [extra]
 */
export async function serveOfflineInPage(page, extra = {}) {
  const extras = extraPages(extra);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    // A request the page gave up on meanwhile (it navigated away) can no longer be answered.
    const gone = () => undefined;
    if (!/^https?:/.test(request.url())) return void request.continue().catch(gone);
    void request.respond(offlineResponse(request.url(), request.isNavigationRequest(), extras)).catch(gone);
  });
}
