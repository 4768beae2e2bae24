// Sync in real Firefox: two profiles (two devices), each with the Firefox build, syncing through a
// real Apache WebDAV folder (test/webdav/apache.ts), turned on through Options → Sync as a user
// does. What differs from Chromium (test/e2e/sync-two-devices.test.ts): the background is an event
// page that Firefox unloads when idle, host permissions work Firefox's way, and so does its network.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverGrantedBuild } from '../../scripts/granted-build.mjs';
import { FIREFOX_E2E_DIST } from '../../scripts/firefox.mjs';
import { startApache, type DavServer } from '../webdav/apache';
import {
  answeredCount,
  attribute,
  click,
  clickText,
  control,
  launch,
  opener,
  storedPaper,
  textOf,
  typeInEditor,
  typeInto,
  type FirefoxSession,
} from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const STATUS = '.sync-status [role="status"]';

let server: DavServer;
let a: FirefoxSession;
let b: FirefoxSession;
beforeAll(async () => {
  server = await startApache();
  const dist = await serverGrantedBuild(FIREFOX_E2E_DIST);
  // The sync server is reached directly; every other request still goes to the recording proxy.
  const prefs = { 'network.proxy.no_proxies_on': '127.0.0.1' };
  // A unloads its idle event page after 2 s, as Firefox does after 30 s.
  a = await launch({ dist, prefs, idleBackground: true });
  b = await launch({ dist, prefs });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.stop();
});

/** Options → Sync: the server's folder address, the user and password, a folder; waits for the first sync. */
async function turnSyncOn(s: FirefoxSession, folder: string) {
  const page = await s.openExtensionPage('src/options/index.html#sync');
  await typeInto(page, 'input[name="url"]', `${server.origin}/dav/`);
  await typeInto(page, 'input[name="user"]', server.user);
  await typeInto(page, 'input[name="password"]', server.password);
  await typeInto(page, 'input[name="folder"]', folder);
  await clickText(page, 'button', /^Save and turn sync on$/);
  await expect.poll(() => textOf(page, '.sync-form [aria-live]'), { timeout: 120_000 }).toBe('Saved: sync is on.');
  await page.close();
}

/** Presses Sync now and waits until a run ended with nothing waiting. */
async function syncedNow(s: FirefoxSession) {
  const page = await s.openExtensionPage('src/options/index.html#sync');
  const enabled = (): Promise<boolean> =>
    page.evaluate(
      () => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Sync now')?.disabled === false,
    );
  await expect.poll(enabled).toBe(true);
  await clickText(page, 'button', /^Sync now$/);
  await expect.poll(enabled, { timeout: 120_000 }).toBe(true);
  await expect.poll(() => textOf(page, STATUS)).toMatch(/^Sync is up to date\..*No changes waiting\./);
  await page.close();
}

/** A paper's tags as stored on one device (a paper without tags stores none). */
const tagsOf = async (s: FirefoxSession, id: string) =>
  ((await storedPaper(s, id))?.tags as string[] | undefined) ?? [];

const hasTag = (page: Page, id: string, tag: string) =>
  page.$(control(id, `Remove tag ${tag}`)).then((h) => h !== null);

describe('sync between two Firefox profiles', () => {
  it('turns sync on through Options → Sync on each device, and says it is up to date', async () => {
    for (const s of [a, b]) {
      await turnSyncOn(s, 'firefox');
      const page = await s.openExtensionPage('src/options/index.html#sync');
      await expect.poll(() => textOf(page, STATUS)).toMatch(/^Sync is up to date\..*Last synced just now\./);
      await page.close();
    }
    // Nothing but the sync server was asked for anything.
    expect([...a.networkRequests, ...b.networkRequests]).toEqual([]);
  });

  it('shows a paper read, saved and tagged on A on B’s open page after B syncs', async () => {
    const onA = await a.open(FEED);
    const onB = await b.open(FEED);
    await expect.poll(() => answeredCount(onA)).toBe(13);
    await expect.poll(() => answeredCount(onB)).toBe(13);

    await click(onA, control('2407.21705', 'Mark read'));
    await click(onA, control('2407.21783', 'Save for later'));
    await click(onA, opener('2407.21783', 'Tags'));
    await typeInEditor(onA, '2407.21783', 'input[aria-label="Add a tag"]', 'llm');
    await onA.keyboard.press('Enter');
    await expect.poll(() => tagsOf(a, '2407.21783')).toEqual(['llm']);

    await syncedNow(a);
    await syncedNow(b);

    // B's page, open all along, follows without a reload.
    await expect.poll(() => attribute(onB, '2407.21705', 'data-papershelf-read')).toBe('true');
    await expect.poll(() => attribute(onB, '2407.21783', 'data-papershelf-saved')).toBe('true');
    await expect.poll(() => hasTag(onB, '2407.21783', 'llm')).toBe(true);
    // And B's popup says it is up to date.
    const popup = await b.openExtensionPage('src/popup/index.html');
    await expect.poll(() => popup.evaluate(() => document.body.textContent ?? '')).toContain('Sync is up to date.');
    await Promise.all([onA.close(), onB.close(), popup.close()]);
  });

  it('sends a change made just before Firefox unloaded the event page, and B’s removal of a tag stays', async () => {
    const onB = await b.open(FEED);
    await expect.poll(() => answeredCount(onB)).toBe(13);
    await click(onB, control('2407.21783', 'Remove tag llm'));
    await expect.poll(() => tagsOf(b, '2407.21783')).toEqual([]);
    await onB.close();

    const onA = await a.open(FEED);
    await expect.poll(() => answeredCount(onA)).toBe(13);
    await click(onA, control('2407.21770', 'Mark read'));
    await expect.poll(async () => (await storedPaper(a, '2407.21770'))?.readAt).toEqual(expect.any(Number));
    await onA.close();
    // The change is waiting in A's database, not in the background page's memory: unloaded, the
    // page is woken by Sync now and still sends it.
    await a.unloadBackground();

    await syncedNow(b);
    await syncedNow(a);
    await syncedNow(b);
    expect((await storedPaper(b, '2407.21770'))?.readAt).toEqual((await storedPaper(a, '2407.21770'))?.readAt);
    expect(await tagsOf(a, '2407.21783')).toEqual([]);
    expect(await tagsOf(b, '2407.21783')).toEqual([]);
  });
});
