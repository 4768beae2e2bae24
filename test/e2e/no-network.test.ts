// "All data stays on the user's machine": the extension itself (worker, popup, options, content
// scripts) makes no network request. Every target's requests are recorded through CDP, per frame
// and worker (network-recorder.ts); pages' own requests go to the test's routes, which answer
// them offline, and are not the extension's.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, editorOf, launch, type Session } from './harness';
import { isExtensions, recordNetwork, strayRequests, type NetworkRecorder } from './network-recorder';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
// A page with a cross-site frame: Chromium runs the frame in its own process, as its own target.
const FRAMED = 'https://recorder-host.test/';
const FRAME = 'https://recorder-frame.example/';
const EXPORTS = ['BibTeX', 'RIS', 'CSL-JSON', 'Markdown', 'CSV', 'JSON backup'];

let s: Session;
let net: NetworkRecorder;
beforeAll(async () => {
  s = await launch({
    extra: {
      [FRAMED]: `<!doctype html><title>Framed</title><iframe src="${FRAME}"></iframe>`,
      [FRAME]: '<!doctype html><title>Frame</title><p>A frame of another site.</p>',
    },
  });
  net = await recordNetwork(s.context);
});
afterAll(async () => {
  await net?.stop();
  await s?.close();
});

/** Opens a page once the recorder watches it, so nothing it sends is missed. */
async function open(url: string): Promise<Page> {
  const page = await s.context.newPage();
  // The capture's parser-blocking scripts are answered by routes in this process: at load 15–20
  // on two cores its DOMContentLoaded passed Playwright's default 30 s.
  page.setDefaultNavigationTimeout(120_000);
  await net.watching(page);
  // Not waiting for the load event: every sub-resource goes through Playwright's routes in this
  // process, which a saturated machine can hold past the navigation timeout. Tests wait for what they use.
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

const extensionPage = (path: string) => open(`chrome-extension://${s.extensionId}/${path}`);

/** Stray requests recorded from the `from`-th on, once every watched target has reported its requests. */
async function strays(from: number) {
  await net.settle();
  return strayRequests(net, s.extensionId).filter((r) => net.requests.indexOf(r) >= from);
}

/** Runs an expression in the extension's content-script world of a page (not the page's own). */
async function inContentScript(page: Page, expression: string): Promise<void> {
  const cdp = await s.context.newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof worlds)[number] }) => worlds.push(e.context));
  await cdp.send('Runtime.enable');
  const world = () =>
    worlds.find((w) => w.auxData?.type === 'isolated' && w.origin === `chrome-extension://${s.extensionId}`);
  await expect.poll(() => world()?.id).toBeDefined();
  await cdp.send('Runtime.evaluate', { expression, contextId: world()!.id });
  await cdp.detach();
}

/** Asks the worker something from a page of the extension, and waits for its answer: a stopped worker starts. */
async function askWorker(page: Page): Promise<unknown> {
  type Runtime = { runtime: { sendMessage(m: object): Promise<unknown> } };
  return page.evaluate(() =>
    (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage({ type: 'settings/get' }),
  );
}

/** Searches the popup (which reads the database itself) and waits for its results. */
async function searchPopup(popup: Page, query: string): Promise<void> {
  await popup.getByRole('searchbox', { name: 'Search your papers' }).fill(query);
  await popup.getByRole('listbox', { name: 'Search results' }).waitFor();
}

describe('no network requests of its own', () => {
  // Six exports, a reload and a worker restart: longer than one step takes on a saturated machine.
  it('sends nothing from the worker, the extension pages or the content scripts while the user works', async () => {
    const from = net.requests.length;
    const page = await open(FEED);
    await card(page, '2407.21783').getByRole('button', { name: 'Mark read' }).click();
    await card(page, '2407.21783').getByRole('button', { name: 'Tags' }).click();
    await editorOf(card(page, '2407.21783')).getByRole('combobox', { name: 'Add a tag' }).fill('llm');
    await editorOf(card(page, '2407.21783')).getByRole('combobox', { name: 'Add a tag' }).press('Enter');
    await expect.poll(() => card(page, '2407.21783').getByRole('button', { name: 'Remove tag llm' }).count()).toBe(1);
    // Manifest V3 stops the worker when it likes; the one that starts next is watched too.
    await s.stopWorker();
    const popup = await extensionPage('src/popup/index.html');
    await searchPopup(popup, 'llama');
    const options = await extensionPage('src/options/index.html#import-export');
    for (const format of EXPORTS) {
      await Promise.all([
        options.waitForEvent('download'),
        options.getByRole('button', { name: `Export ${format}`, exact: true }).click(),
      ]);
    }
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(() => card(page, '2407.21783').getAttribute('data-papershelf-read')).toBe('true');

    // The routes note a request when Playwright hands it to them, which can come after the
    // target reported it: a page's own request is stray only until its route answered it.
    await expect.poll(() => strays(from)).toEqual([]);
    // The recorder saw the work: the feed's own sub-resources (answered by the routes), and the
    // extension pages' own files.
    const seen = net.requests.slice(from);
    expect(
      seen.filter((r) => r.documentUrl === FEED && r.url !== FEED && net.served.has(r.url)).length,
    ).toBeGreaterThan(0);
    const ours = `chrome-extension://${s.extensionId}/`;
    expect(
      seen.filter((r) => r.targetUrl.startsWith(`${ours}src/popup/`) && r.url.startsWith(ours)).length,
    ).toBeGreaterThan(0);
    expect(
      seen.filter((r) => r.targetUrl.startsWith(`${ours}src/options/`) && r.url.startsWith(ours)).length,
    ).toBeGreaterThan(0);
    await Promise.all([popup.close(), options.close(), page.close()]);
  }, 180_000);

  it('keeps no alarm while sync is off, so a library that does not sync is never woken for it', async () => {
    const options = await s.openExtensionPage('src/options/index.html');
    // The worker's first sync run (at its start) has found sync off once its status says so.
    const status = () =>
      options.evaluate(() =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type: 'sync/status' }),
      );
    await expect.poll(status).toMatchObject({ ok: true, value: { enabled: false, state: 'off' } });
    const worker = await s.worker();
    const alarms = () =>
      worker.evaluate(() =>
        (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<{ name: string }[]> } } }).chrome.alarms
          .getAll()
          .then((all) => all.map((a) => a.name)),
      );
    await expect.poll(alarms).toEqual([]);
    await options.close();
  });
});

describe('the recorder', () => {
  const probe = (name: string) => `https://recorder-probe.invalid/${name}`;

  it('catches a fetch made by the content script’s own code in a page', async () => {
    const from = net.requests.length;
    const page = await open(FEED);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(13);
    // The content script's messages to the worker also fetch, from its world: the request is
    // then made by the content script's own click handler, as a stray fetch there would be.
    await inContentScript(
      page,
      `{
        const runtime = (globalThis.browser ?? globalThis.chrome).runtime;
        const send = runtime.sendMessage.bind(runtime);
        Object.defineProperty(runtime, 'sendMessage', {
          value: (message) => (fetch('${probe('content-script')}').catch(() => {}), send(message)),
        });
      }`,
    );
    await card(page, '2407.21783').getByRole('button', { name: 'Save for later' }).click();
    await expect.poll(() => card(page, '2407.21783').getAttribute('data-papershelf-saved')).toBe('true');
    const caught = (await strays(from)).find((r) => r.url === probe('content-script'));
    expect(caught).toMatchObject({ targetType: 'page', documentUrl: FEED });
    await page.close();
  }, 180_000);

  it('catches a fetch from an extension page', async () => {
    const from = net.requests.length;
    const popup = await extensionPage('src/popup/index.html');
    await popup.evaluate((url) => void fetch(url).catch(() => {}), probe('popup'));
    const caught = (await strays(from)).find((r) => r.url === probe('popup'));
    expect(caught?.targetUrl).toBe(`chrome-extension://${s.extensionId}/src/popup/index.html`);
    await popup.close();
  });

  it('catches a fetch from the worker, and from the worker that starts after it was stopped', async () => {
    const from = net.requests.length;
    await (await s.worker()).evaluate((url) => void fetch(url).catch(() => {}), probe('worker-before'));
    await s.stopWorker();
    // A page asks the worker, which starts again and answers: the recorder did not hold it.
    const popup = await extensionPage('src/popup/index.html');
    expect(await askWorker(popup)).toMatchObject({ ok: true });
    await (await s.worker()).evaluate((url) => void fetch(url).catch(() => {}), probe('worker-after'));
    await expect
      .poll(async () => (await strays(from)).filter((r) => r.targetType === 'service_worker').map((r) => r.url))
      .toEqual(expect.arrayContaining([probe('worker-before'), probe('worker-after')]));
    await popup.close();
  });

  it('catches a fetch in a cross-site frame, and counts it as the page’s own', async () => {
    const from = net.requests.length;
    const page = await open(FRAMED);
    await expect.poll(() => page.frame({ url: FRAME })).not.toBeNull();
    await page.frame({ url: FRAME })!.evaluate((url) => void fetch(url).catch(() => {}), probe('frame'));
    await net.settle();
    await expect
      .poll(() => net.requests.slice(from).find((r) => r.url === probe('frame')))
      .toMatchObject({ targetType: 'iframe', documentUrl: FRAME });
    const caught = net.requests.slice(from).find((r) => r.url === probe('frame'))!;
    expect(isExtensions(caught, s.extensionId)).toBe(false);
    await expect.poll(() => net.served.has(probe('frame'))).toBe(true);
    await page.close();
  });
});
