// "All data stays on the user's machine": the extension itself (worker, popup, options, content
// scripts) makes no network request. Pages' own requests go through the offline route; the
// worker's would not, so it is watched through CDP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, launch, type Session } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

describe('no network requests of its own', () => {
  it('sends nothing from the worker or the extension pages while the user works', async () => {
    const page = await s.open('https://huggingface.co/papers?date=2024-08-01');
    const cdp = await s.context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${s.extensionId}`),
    )!;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as {
      sessionId: string;
    };
    const requests: string[] = [];
    cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      const m = JSON.parse(e.message) as { method?: string; params?: { request?: { url: string } } };
      if (e.sessionId === sessionId && m.method === 'Network.requestWillBeSent') requests.push(m.params!.request!.url);
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Network.enable' }),
    });

    // Pages of the extension: anything they fetch is recorded by Playwright.
    s.context.on('request', (r) => {
      if (r.url().startsWith('http') && r.frame()?.url().startsWith('chrome-extension://')) requests.push(r.url());
    });

    await card(page, '2407.21783').getByRole('button', { name: 'Mark read' }).click();
    await card(page, '2407.21783').getByRole('button', { name: 'Tags' }).click();
    await card(page, '2407.21783').getByRole('combobox', { name: 'Add a tag' }).fill('llm');
    await card(page, '2407.21783').getByRole('combobox', { name: 'Add a tag' }).press('Enter');
    await expect.poll(() => card(page, '2407.21783').getByRole('button', { name: 'Remove tag llm' }).count()).toBe(1);
    const popup = await s.openExtensionPage('src/popup/index.html');
    await popup.getByRole('searchbox', { name: 'Search your papers' }).fill('llama');
    await popup.getByRole('listbox', { name: 'Search results' }).waitFor();
    const options = await s.openExtensionPage('src/options/index.html#import-export');
    await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export BibTeX' }).click(),
    ]);
    await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export RIS' }).click()]);
    await page.waitForTimeout(300);

    expect(requests.filter((u) => /^https?:/.test(u))).toEqual([]);
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});
