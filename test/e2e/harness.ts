/** Launches real Chromium with the built extension and the offline captures at their real URLs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { DIST, E2E_DIST, extensionWorker, launchWithExtension, stopWorkers } from '../../scripts/browser.mjs';
import { serveOffline } from '../../scripts/offline-pages.mjs';
import { listedIds, readStoredPaper } from './in-page';

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  open(url: string): Promise<Page>;
  openExtensionPage(path: string): Promise<Page>;
  /** Loads the built extension again over CDP, as an update does (needs `reloadable` at launch). */
  reloadExtension(): Promise<void>;
  /** Stops the service worker through CDP, as Manifest V3 may do at any moment. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function launch(
  options: {
    extra?: Record<string, string>;
    profile?: string;
    reloadable?: boolean;
    /** The release build (closed shadow roots) instead of the end-to-end one. */
    release?: boolean;
    /** Another build folder (e.g. one with extra host permissions granted at install). */
    dist?: string;
  } = {},
): Promise<Session> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'papershelf-e2e-'));
  const dist = options.dist ?? (options.release ? DIST : E2E_DIST);
  const context = await launchWithExtension(profile, { reloadable: options.reloadable ?? false, dist });
  await serveOffline(context, options.extra ?? {});
  const worker = (): Promise<Worker> => extensionWorker(context);
  const extensionId = new URL((await worker()).url()).host;

  return {
    context,
    extensionId,
    worker,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      // As a user's tab is: Chromium hit-tests clicks into a frame of another process (the card
      // editors) with what the tab last composited, and a tab behind others composites nothing.
      await page.bringToFront();
      return page;
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async reloadExtension() {
      const cdp = await context.browser()!.newBrowserCDPSession();
      await cdp.send('Extensions.loadUnpacked' as never, { path: dist } as never);
      await cdp.detach();
    },
    stopWorker: () => stopWorkers(context),
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The card (element carrying the contract attributes) of one paper. */
export function card(page: Page, id: string) {
  return page.locator(`[data-papershelf-id="${id}"]`);
}

/**
 * Clicks like a person who looks first. Chromium sends a click into a frame of another process
 * (the card editors), or past one, by the hit-test data of the last picture the browser drew;
 * Playwright clicks within milliseconds of scrolling the target into view, before that picture
 * exists, and the click can land in the frame that was there before the scroll. A screenshot of
 * one pixel makes the browser draw the scrolled page first. A target in an editor frame names the
 * card: the frame is scrolled into view from the page, since a frame out of view runs no animation
 * frames and Playwright would wait for its target to be still.
 */
export async function clickDrawn(target: Locator, inEditorOf?: Locator): Promise<void> {
  await (inEditorOf ? inEditorOf.locator('iframe') : target).scrollIntoViewIfNeeded();
  await target.page().screenshot({ clip: { x: 0, y: 0, width: 1, height: 1 } });
  await target.click();
}

/**
 * Presses Esc in the open editor frame, which closes it. DevTools answers a key event once the
 * frame that took it acknowledges it, and a frame torn down by its own key never does:
 * keyboard.press('Escape'), and even keyboard.down, hung there until the test's timeout in about
 * one run in three. So the key goes down over a DevTools session of its own, not awaited, and comes
 * up once the frame is gone, on the page the focus went back to, as a person's key comes up.
 */
export async function escapeEditor(page: Page): Promise<void> {
  const editors = openEditorFrames(page);
  if (editors.length !== 1) throw new Error(`Esc expects one open editor frame, found ${editors.length}`);
  const cdp = await page.context().newCDPSession(page);
  const escape = { key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27, nativeVirtualKeyCode: 27 };
  // Never awaited: its answer may never come. Closing the session ends it either way.
  void cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...escape }).catch(() => undefined);
  try {
    for (const end = Date.now() + 15_000; !editors[0]!.isDetached();) {
      if (Date.now() > end) throw new Error('Esc did not close the editor frame within 15 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...escape });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

function openEditorFrames(page: Page) {
  return page.frames().filter((f) => f.url().startsWith('chrome-extension://') && !f.isDetached());
}

/** The open editor frame of a page (one at a time in these tests), as a Playwright frame. */
export function editorFrame(page: Page) {
  return openEditorFrames(page)[0];
}

/**
 * The focused control's accessible name (aria-label, else its text), looking into our shadow roots
 * and, when an editor frame has focus, into that frame. Read from each document's activeElement,
 * not `:focus`: `:focus` matches only while the window has focus, and a tab the browser opened
 * meanwhile (the welcome page, on install) can take it from the page the keys go to.
 */
export async function focusedControl(page: Page): Promise<string | null> {
  const nameOf = () => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (el?.tagName === 'IFRAME') return '\u0000frame';
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? null;
  };
  const name = await page.evaluate(nameOf);
  if (name !== '\u0000frame') return name;
  // The open editor's frame, found from the page (a closed one may linger in page.frames()).
  const frame = await (await page.locator('iframe.frame').elementHandle())?.contentFrame();
  return frame ? frame.evaluate(nameOf) : null;
}

/** The editor frame a card's Tags, Note or Lists button opened (src/editor/, an extension page). */
export function editorOf(cardLocator: Locator) {
  return cardLocator.locator('iframe').contentFrame();
}

/** Ids of all cards that carry controls, in page order. */
export function detectedIds(page: Page): Promise<string[]> {
  return page.evaluate(listedIds);
}

/** Reads a paper record straight from the extension's IndexedDB, through one of its pages. */
export async function storedPaper(s: Session, id: string): Promise<Record<string, unknown> | undefined> {
  const page = await s.openExtensionPage('src/options/index.html');
  try {
    return await page.evaluate(readStoredPaper, id);
  } finally {
    await page.close();
  }
}

/** Text of the toolbar badge, read in the service worker. */
export async function badgeText(s: Session): Promise<string> {
  const worker = await s.worker();
  return worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}

/**
 * Opens the real toolbar popup (chrome.action.openPopup from the worker) over the active tab and
 * returns a way to run code in it. Playwright does not list action popups as pages, so this
 * attaches through CDP.
 */
export async function openActionPopup(s: Session, over: Page) {
  await over.bringToFront();
  const worker = await s.worker();
  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup(),
  );
  const cdp = await s.context.newCDPSession(over);
  const popupUrl = `chrome-extension://${s.extensionId}/src/popup/index.html`;
  let targetId: string | undefined;
  // The popup opens within a second on a quiet machine; a loaded one gets 30 s.
  for (const end = Date.now() + 30_000; !targetId && Date.now() < end;) {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; url: string }[];
    };
    targetId = targetInfos.find((t) => t.url === popupUrl)?.targetId;
    if (!targetId) await new Promise((r) => setTimeout(r, 100));
  }
  if (!targetId) throw new Error('the action popup did not open');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as {
    sessionId: string;
  };
  let next = 1;
  const pending = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown } } };
    if (message.id !== undefined) pending.get(message.id)?.(message.result?.result?.value);
  });
  /** Evaluates an expression in the popup and returns its (JSON) value. */
  const evaluate = async <T>(expression: string): Promise<T> => {
    const id = next++;
    const result = new Promise<unknown>((resolve) => pending.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id,
        method: 'Runtime.evaluate',
        params: { expression, awaitPromise: true, returnByValue: true },
      }),
    });
    return (await result) as T;
  };
  /** Polls an expression until it is truthy. */
  const waitFor = async <T>(expression: string, timeout = 15_000): Promise<T> => {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await evaluate<T>(expression);
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting in the popup for: ${expression}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { evaluate, waitFor };
}
