// "All data stays on the user's machine": the extension itself (worker, popup, options, content
// scripts) makes no network request. Every target's requests are recorded through CDP, with the
// frame and the scripts that asked (network-recorder.ts); pages' own requests go through the
// offline route and are not the extension's.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, launch, type Session } from './harness';
import { isExtensions, recordNetwork, type NetworkRecorder } from './network-recorder';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';

let s: Session;
let net: NetworkRecorder;
beforeAll(async () => {
  s = await launch();
  net = await recordNetwork(s.context);
  // The worker started before the recorder: stop it, so the one the test wakes is watched from its start.
  await s.stopWorker();
});
afterAll(async () => {
  await net?.stop();
  await s?.close();
});

/** Web requests the extension made (its own chrome-extension:// files are not the network). */
const ours = () => net.requests.filter((r) => /^https?:/.test(r.url) && isExtensions(r, s.extensionId));

/** Opens a page once the recorder watches it, so nothing it sends is missed. */
async function open(url: string): Promise<Page> {
  const page = await s.context.newPage();
  await net.watching(page);
  await page.goto(url);
  return page;
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

/** Starts the worker if it is stopped: a page of the extension asks it something and gets the answer. */
async function wakeWorker(): Promise<void> {
  const page = await open(`chrome-extension://${s.extensionId}/src/popup/index.html`);
  type Runtime = { runtime: { sendMessage(m: object): Promise<unknown> } };
  await page.evaluate(() =>
    (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage({ type: 'settings/get' }),
  );
  await page.close();
}

describe('no network requests of its own', () => {
  it('sends nothing from the worker, the extension pages or the content scripts while the user works', async () => {
    const page = await open(FEED);
    await card(page, '2407.21783').getByRole('button', { name: 'Mark read' }).click();
    await card(page, '2407.21783').getByRole('button', { name: 'Tags' }).click();
    await card(page, '2407.21783').getByRole('combobox', { name: 'Add a tag' }).fill('llm');
    await card(page, '2407.21783').getByRole('combobox', { name: 'Add a tag' }).press('Enter');
    await expect.poll(() => card(page, '2407.21783').getByRole('button', { name: 'Remove tag llm' }).count()).toBe(1);
    // Manifest V3 stops the worker when it likes; the one that starts next is watched too.
    await s.stopWorker();
    const popup = await open(`chrome-extension://${s.extensionId}/src/popup/index.html`);
    await popup.getByRole('searchbox', { name: 'Search your papers' }).fill('llama');
    await popup.getByRole('listbox', { name: 'Search results' }).waitFor();
    const options = await open(`chrome-extension://${s.extensionId}/src/options/index.html#import-export`);
    await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export BibTeX' }).click(),
    ]);
    await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export RIS' }).click()]);
    await page.reload();
    await expect.poll(() => card(page, '2407.21783').getAttribute('data-papershelf-read')).toBe('true');
    // Every watched target has answered a later message: what it sent before is recorded.
    await net.settle();

    expect(ours()).toEqual([]);
    // The recorder saw the work: the extension's own files, loaded by its pages and its worker.
    const extensionFiles = net.requests.filter((r) => r.url.startsWith(`chrome-extension://${s.extensionId}/`));
    expect(extensionFiles.length).toBeGreaterThan(0);
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});

describe('the recorder', () => {
  it('catches a fetch the content script makes in a page, with its frame', async () => {
    const page = await open(FEED);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(13);
    // In the content script's world, its messages to the worker also fetch: the request is then
    // made by the content script's own code (its click handler), as a stray fetch there would be.
    await inContentScript(
      page,
      `{
        const runtime = (globalThis.browser ?? globalThis.chrome).runtime;
        const send = runtime.sendMessage.bind(runtime);
        Object.defineProperty(runtime, 'sendMessage', {
          value: (message) => (fetch('https://recorder-probe.invalid/content-script').catch(() => {}), send(message)),
        });
      }`,
    );
    await card(page, '2407.21783').getByRole('button', { name: 'Save for later' }).click();
    await expect.poll(() => card(page, '2407.21783').getAttribute('data-papershelf-saved')).toBe('true');
    await net.settle();
    const caught = ours().find((r) => r.url === 'https://recorder-probe.invalid/content-script');
    expect(caught).toMatchObject({ targetType: 'page', documentUrl: FEED });
    expect(caught?.frameId).toBeTruthy();
    await page.close();
  });

  it('catches a fetch from the worker, and from the worker that starts after it was stopped', async () => {
    const probe = (n: number) => `https://recorder-probe.invalid/worker-${n}`;
    const fetchInWorker = async (n: number) => {
      await wakeWorker();
      return net.evaluate(
        `chrome-extension://${s.extensionId}/service-worker-loader.js`,
        `void fetch('${probe(n)}').catch(() => {})`,
      );
    };
    expect(await fetchInWorker(1)).toBe(1);
    await s.stopWorker();
    expect(await fetchInWorker(2)).toBe(1);
    await net.settle();
    const fromWorker = ours()
      .filter((r) => r.targetType === 'service_worker')
      .map((r) => r.url);
    expect(fromWorker).toEqual(expect.arrayContaining([probe(1), probe(2)]));
  });
});
