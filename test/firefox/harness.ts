/**
 * Launches real Firefox (firefox-esr, headless) with the built extension (dist/firefox) and the
 * offline captures at their real URLs: the Firefox twin of test/e2e/harness.ts, through
 * puppeteer-core over WebDriver BiDi.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { GECKO_ID } from '../../build/browser-manifest.mjs';
import {
  EXTENSION_ORIGIN,
  FIREFOX_E2E_DIST,
  launchFirefoxWithExtension,
  serveOfflineInPage,
} from '../../scripts/firefox.mjs';
import { listedIds, readStoredPaper } from '../e2e/in-page';

export interface FirefoxSession {
  browser: Browser;
  /** Requests that got past the offline pages: nothing should ever be here. */
  networkRequests: string[];
  /** A new tab on a supported page, served offline. */
  open(url: string): Promise<Page>;
  /** A new tab on one of the extension's pages (popup, options). */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Waits until Firefox has unloaded the background event page, as it does when it is idle. Needs
   * a session launched with `idleBackground: true`.
   */
  unloadBackground(): Promise<void>;
  /** Waits for a downloaded file by name and returns its text (and removes it, so the name can come again). */
  downloaded(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Firefox unloads an idle event page after 30 s; sessions that test the unload make it 2 s. */
const SHORT_IDLE = { 'extensions.background.idle.timeout': 2_000 };

export async function launch(
  options: {
    extra?: Record<string, string>;
    prefs?: Record<string, unknown>;
    idleBackground?: boolean;
    /** Another build to install (default: the end-to-end build). */
    dist?: string;
  } = {},
): Promise<FirefoxSession> {
  const prefs = { ...(options.idleBackground ? SHORT_IDLE : {}), ...options.prefs };
  const session = await launchFirefoxWithExtension({ prefs, dist: options.dist ?? FIREFOX_E2E_DIST });
  const { browser, downloads } = session;
  const s: FirefoxSession = {
    browser,
    networkRequests: session.networkRequests,
    async open(url) {
      const page = await browser.newPage();
      await serveOfflineInPage(page, options.extra ?? {});
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `${EXTENSION_ORIGIN}/${path}`;
      // Puppeteer 24 misses the end of a navigation from about:blank into the extension's process
      // (the page loads, goto never resolves): start it, and wait for the page itself.
      page.goto(url, { timeout: 120_000 }).catch(() => undefined);
      await until(
        () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false),
        `${path} to load`,
      );
      return page;
    },
    async unloadBackground() {
      // With the short idle timeout set at launch (extensions.background.idle.timeout), Firefox
      // unloads the event page soon after its last event; an extension page watches it go
      // without waking it.
      const watcher = await s.openExtensionPage('src/options/index.html#library');
      const contexts = () =>
        watcher.evaluate(() =>
          (
            globalThis as unknown as { browser: { runtime: { getContexts(f: object): Promise<unknown[]> } } }
          ).browser.runtime
            .getContexts({ contextTypes: ['BACKGROUND'] })
            .then((c) => c.length),
        );
      await until(async () => (await contexts()) === 0, 'Firefox to unload the background page', 60_000);
      await watcher.close();
    },
    async downloaded(name) {
      const file = join(downloads, name);
      // Firefox writes a download beside a .part file and renames it when complete.
      await until(
        () => existsSync(file) && !readdirSync(downloads).some((f) => f.endsWith('.part')),
        `the download ${name}`,
      );
      const text = readFileSync(file, 'utf8');
      rmSync(file);
      return text;
    },
    close: () => session.close(),
  };
  return s;
}

/** Polls a condition until it holds (generous: the machine may be loaded). */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeout = 30_000,
): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Clicks as a user would. The tab comes to the front first: Firefox throttles animation frames in
 * background tabs, which Puppeteer waits on before a click.
 */
export async function click(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  // The locator scrolls the element into view and waits until its box stops moving: off-screen
  // controls skip layout (content-visibility: auto) and take their size only once near the view.
  await page.locator(selector).setTimeout(30_000).click();
}

/** Types as a user would, into the field `selector` names (focused without a click). */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.bringToFront();
  const field = await page.waitForSelector(selector, { timeout: 30_000 });
  await field!.focus();
  await page.keyboard.type(text);
}

/**
 * Types as a user would into a field of the editor frame a card's Tags, Note or Lists button
 * opened (src/editor/, an extension page under the card), once that frame has loaded.
 */
export async function typeInEditor(page: Page, paperId: string, selector: string, text: string): Promise<void> {
  await page.bringToFront();
  // Asked of each frame: over WebDriver BiDi, Puppeteer keeps an extension frame's first address
  // (about:blank) as its url().
  const editorOf = async () => {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(EXTENSION_ORIGIN) && href.includes(`paper=${paperId}&`)) return frame;
    }
    return undefined;
  };
  await expect.poll(async () => (await editorOf()) !== undefined, { timeout: 30_000 }).toBe(true);
  const field = await (await editorOf())!.waitForSelector(selector, { timeout: 30_000 });
  await field!.focus();
  await page.keyboard.type(text);
}

/** Selector of one paper's card (the element carrying the contract attributes). */
export const card = (id: string) => `[data-papershelf-id="${id}"]`;

/** Selector of a button in a card's controls (inside their shadow root), by its accessible name. */
export const control = (id: string, name: string) => `${card(id)} >>> button[aria-label="${name}"]`;

/** Selector of a button in a card's controls by its visible text (Tags, Note, Lists). */
export const opener = (id: string, text: 'Tags' | 'Note' | 'Lists') =>
  `${card(id)} >>> button[data-p="${text.toLowerCase()}"]`;

/** One contract attribute of a card (data-papershelf-read, -saved), or null when the card is absent. */
export function attribute(page: Page, id: string, name: string): Promise<string | null> {
  return page.evaluate((sel, n) => document.querySelector(sel)?.getAttribute(n) ?? null, card(id), name);
}

/** Ids of all cards that carry controls, in page order. */
export function detectedIds(page: Page): Promise<string[]> {
  return page.evaluate(listedIds);
}

/** How many cards carry their stored state (the controls have answered). */
export function answeredCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('[data-papershelf-read]').length);
}

/** Reads a paper record straight from the extension's IndexedDB, through one of its pages. */
export async function storedPaper(s: FirefoxSession, id: string): Promise<Record<string, unknown> | undefined> {
  const page = await s.openExtensionPage('src/options/index.html');
  try {
    return await page.evaluate(readStoredPaper, id);
  } finally {
    await page.close();
  }
}

/** Waits for the first `selector` whose text matches `text`, and clicks it as a user would. */
export async function clickText(page: Page, selector: string, text: RegExp): Promise<void> {
  const handle = await page.waitForFunction(
    (sel, source, flags) =>
      [...document.querySelectorAll(sel)].find((e) => new RegExp(source, flags).test(e.textContent ?? '')),
    { timeout: 30_000 },
    selector,
    text.source,
    text.flags,
  );
  await page.bringToFront();
  await (handle as unknown as ElementHandle<Element>).click();
}

/** The text of the first `selector` in a page, or '' when there is none. */
export function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selector);
}

/**
 * Lets the extension run in private windows, as the user's "Run in Private Windows: Allow" in
 * about:addons does (Firefox never grants it by itself), then restarts it. about:debugging runs
 * with Firefox's own privileges, which `--remote-allow-system-access` lets the session use.
 */
export async function allowInPrivateWindows(s: FirefoxSession): Promise<void> {
  const page = await s.browser.newPage();
  page.goto('about:debugging#/runtime/this-firefox', { timeout: 120_000 }).catch(() => undefined);
  await until(
    () =>
      page
        .evaluate(
          () =>
            location.href.startsWith('about:debugging') &&
            document.readyState === 'complete' &&
            'ChromeUtils' in globalThis,
        )
        .catch(() => false),
    'about:debugging',
  );
  await page.evaluate(async (id) => {
    // The two privileged modules this needs, with the members it calls.
    type Modules = {
      ExtensionPermissions: { add(id: string, perms: { permissions: string[]; origins: string[] }): Promise<void> };
      AddonManager: { getAddonByID(id: string): Promise<{ reload(): Promise<void> }> };
    };
    const chrome = globalThis as unknown as { ChromeUtils: { importESModule(url: string): Modules } };
    const { ExtensionPermissions } = chrome.ChromeUtils.importESModule(
      'resource://gre/modules/ExtensionPermissions.sys.mjs',
    );
    await ExtensionPermissions.add(id, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
    const { AddonManager } = chrome.ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
    await (await AddonManager.getAddonByID(id)).reload();
  }, GECKO_ID);
  await page.close();
}
