// Sync between two devices in real Chromium: two browser profiles, each with the built extension,
// syncing through a real Apache WebDAV folder (test/webdav/apache.ts) behind a relay that can cut
// the network (test/webdav/proxy.ts). Sync is turned on through Options → Sync as a user does.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApache, type DavServer } from '../webdav/apache';
import { startRelay, type Relay } from '../webdav/proxy';
import { card, editorOf, launch, storedPaper, type Session } from './harness';
import { serverGrantedBuild } from '../../scripts/granted-build.mjs';
import { seedLibrary } from './seed-library';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';

let server: DavServer;
let relay: Relay;
let dist: string;
beforeAll(async () => {
  server = await startApache();
  relay = await startRelay(server.port);
  dist = await serverGrantedBuild();
});
afterAll(async () => {
  await relay?.close();
  await server?.stop();
});

/** A device: a browser profile with the granted build, whose requests to the sync server pass. */
async function device(): Promise<Session> {
  const s = await launch({ dist });
  // The offline captures answer every other http(s) request, the extension worker's included.
  await s.context.route(`${relay.origin}/**`, (route) => route.continue());
  return s;
}

/** Two fresh devices for the enclosing describe block: launched before its tests, closed after. */
function twoDevices(): { a: Session; b: Session } {
  const pair: { a?: Session; b?: Session } = {};
  beforeAll(async () => {
    [pair.a, pair.b] = await Promise.all([device(), device()]);
  });
  afterAll(async () => {
    await pair.a?.close();
    await pair.b?.close();
  });
  return pair as { a: Session; b: Session };
}

/** Options → Sync: the relay's folder address, the user and password, a folder; waits for the first sync. */
async function turnSyncOn(s: Session, folder: string) {
  const page = await s.openExtensionPage('src/options/index.html#sync');
  await page.getByLabel('Folder address (WebDAV)').fill(`${relay.origin}/dav/`);
  await page.getByLabel('User name').fill(server.user);
  await page.getByLabel('App password').fill(server.password);
  await page.getByLabel('Folder', { exact: true }).fill(folder);
  await page.getByRole('button', { name: 'Save and turn sync on' }).click();
  // Saving waits for the first sync, which sends or receives the whole library.
  await page.getByText('Saved: sync is on.').waitFor({ timeout: 300_000 });
  await syncedNow(s, page);
  return page;
}

/** Presses Sync now (on the given options page, or a new one) and waits until a run ended with nothing waiting. */
async function syncedNow(s: Session, open?: Awaited<ReturnType<Session['openExtensionPage']>>) {
  const page = open ?? (await s.openExtensionPage('src/options/index.html#sync'));
  const now = page.getByRole('button', { name: 'Sync now' });
  await now.waitFor();
  await expect.poll(() => now.isDisabled()).toBe(false);
  await now.click();
  // A run moves the whole library when there is one to move: minutes on a loaded machine.
  await expect.poll(() => now.isDisabled(), { timeout: 300_000 }).toBe(false);
  const status = page.locator('.sync-status [role="status"]');
  await expect.poll(() => status.textContent()).toMatch(/^Sync is up to date\..*No changes waiting\./);
  if (!open) await page.close();
}

/** What a user did with a paper, as stored on one device. */
async function stateOf(s: Session, id: string) {
  const p = (await storedPaper(s, id)) ?? {};
  return {
    read: p.readAt !== undefined,
    saved: p.savedAt !== undefined,
    tags: [...((p.tags as string[] | undefined) ?? [])].sort(),
    note: p.note,
  };
}

describe('two devices', () => {
  const devices = twoDevices();

  it('says a wrong password is wrong, and saves nothing', async () => {
    const { a } = devices;
    const page = await a.openExtensionPage('src/options/index.html#sync');
    await page.getByLabel('Folder address (WebDAV)').fill(`${relay.origin}/dav/`);
    await page.getByLabel('User name').fill(server.user);
    await page.getByLabel('App password').fill('not the password');
    await page.getByLabel('Folder', { exact: true }).fill('two-devices');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The server did not accept the user name or password.');
    await page.getByRole('button', { name: 'Save and turn sync on' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Not saved: The server did not accept/);
    await page.reload();
    await expect.poll(() => page.locator('.sync-status [role="status"]').textContent()).toBe('Sync is off.');
    await page.close();
  });

  it('turns sync on through Options → Sync on each device, and says it is up to date', async () => {
    const { a, b } = devices;
    for (const s of [a, b]) {
      const page = await turnSyncOn(s, 'two-devices');
      expect(await page.locator('.sync-status [role="status"]').textContent()).toMatch(/Last synced just now\./);
      await page.close();
    }
  });

  it('shows what was done on A on B’s open page and in its popup after B syncs', async () => {
    const { a, b } = devices;
    const onA = await a.open(FEED);
    const onB = await b.open(FEED);
    await onB.locator('[data-papershelf-read]').first().waitFor();

    await card(onA, '2407.21705').getByRole('button', { name: 'Mark read' }).click();
    await card(onA, '2407.21783').getByRole('button', { name: 'Save for later' }).click();
    const tagged = card(onA, '2407.21783');
    await tagged.getByRole('button', { name: 'Tags' }).click();
    const tagInput = editorOf(tagged).getByRole('combobox', { name: 'Add a tag' });
    await tagInput.fill('llm');
    await tagInput.press('Enter');
    await tagged.getByRole('button', { name: 'Note' }).click();
    await editorOf(tagged).getByRole('textbox', { name: 'Note' }).fill('Read the scaling section');
    await tagged.getByRole('button', { name: 'Lists' }).click();
    const newList = editorOf(tagged).getByRole('textbox', { name: 'New list with this paper' });
    await newList.fill('Reading group');
    await newList.press('Enter');
    await expect.poll(() => editorOf(tagged).getByRole('checkbox', { name: 'Reading group' }).isChecked()).toBe(true);
    await expect
      .poll(() => stateOf(a, '2407.21783'))
      .toEqual({ read: false, saved: true, tags: ['llm'], note: 'Read the scaling section' });

    await syncedNow(a);
    await syncedNow(b);

    // B's page, open all along, follows without a reload.
    await expect.poll(() => card(onB, '2407.21705').getAttribute('data-papershelf-read')).toBe('true');
    await expect.poll(() => card(onB, '2407.21783').getAttribute('data-papershelf-saved')).toBe('true');
    await card(onB, '2407.21783').getByRole('button', { name: 'Remove tag llm' }).waitFor();
    expect(await stateOf(b, '2407.21783')).toEqual(await stateOf(a, '2407.21783'));

    const popup = await b.openExtensionPage('src/popup/index.html');
    await popup.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'The Llama 3 Herd of Models' }).waitFor();
    await popup.getByRole('tab', { name: 'Lists' }).click();
    await expect.poll(() => popup.getByRole('button', { name: /^Reading group/ }).textContent()).toMatch(/1$/);
    await Promise.all([onA.close(), onB.close(), popup.close()]);
  });

  it('converges when the same paper was changed on both while apart, and a removed tag stays removed', async () => {
    const { a, b } = devices;
    const id = '2407.21770';
    const onA = await a.open(FEED);
    const onB = await b.open(FEED);
    relay.fault = { kind: 'drop-all' };
    try {
      // Apart: A tags and notes the paper; B, later, reads it, tags it otherwise and writes its note.
      const paperA = card(onA, id);
      await paperA.getByRole('button', { name: 'Tags' }).click();
      const inputA = editorOf(paperA).getByRole('combobox', { name: 'Add a tag' });
      await inputA.fill('from-a');
      await inputA.press('Enter');
      await inputA.fill('both');
      await inputA.press('Enter');
      await paperA.getByRole('button', { name: 'Note' }).click();
      await editorOf(paperA).getByRole('textbox', { name: 'Note' }).fill('Note written on A');
      await expect.poll(async () => (await stateOf(a, id)).note).toBe('Note written on A');

      const paperB = card(onB, id);
      await paperB.getByRole('button', { name: 'Mark read' }).click();
      await paperB.getByRole('button', { name: 'Tags' }).click();
      const inputB = editorOf(paperB).getByRole('combobox', { name: 'Add a tag' });
      await inputB.fill('from-b');
      await inputB.press('Enter');
      await paperB.getByRole('button', { name: 'Note' }).click();
      await editorOf(paperB).getByRole('textbox', { name: 'Note' }).fill('Note written on B');
      await expect.poll(async () => (await stateOf(b, id)).note).toBe('Note written on B');
    } finally {
      relay.fault = { kind: 'none' };
    }

    await syncedNow(a);
    await syncedNow(b);
    await syncedNow(a);
    const merged = { read: true, saved: false, tags: ['both', 'from-a', 'from-b'], note: 'Note written on B' };
    expect(await stateOf(a, id)).toEqual(merged);
    expect(await stateOf(b, id)).toEqual(merged);
    await card(onA, id).getByRole('button', { name: 'Remove tag from-b' }).waitFor();

    // A removes a tag; B, which still has it, syncs twice: the tag stays gone on both.
    await card(onA, id).getByRole('button', { name: 'Remove tag both' }).click();
    await expect.poll(async () => (await stateOf(a, id)).tags).toEqual(['from-a', 'from-b']);
    await syncedNow(a);
    await syncedNow(b);
    await syncedNow(b);
    await syncedNow(a);
    await card(onB, id).getByRole('button', { name: 'Remove tag both' }).waitFor({ state: 'detached' });
    expect((await stateOf(b, id)).tags).toEqual(['from-a', 'from-b']);
    expect((await stateOf(a, id)).tags).toEqual(['from-a', 'from-b']);
    await Promise.all([onA.close(), onB.close()]);
  });
});

/** How many papers one device holds, and one of them, read straight from its database. */
function libraryFacts(id: string): Promise<{ papers: number; listed: number; paper: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('papershelf');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['papers', 'listEntries']);
      const papers = tx.objectStore('papers').count();
      const listed = tx.objectStore('listEntries').count();
      const paper = tx.objectStore('papers').get(id);
      tx.oncomplete = () => {
        open.result.close();
        const { title, authors, readAt, savedAt, tags, note } = paper.result as Record<string, unknown>;
        resolve({
          papers: papers.result,
          listed: listed.result,
          paper: { title, authors, readAt, savedAt, tags, note },
        });
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('faults', () => {
  const devices = twoDevices();
  afterAll(() => {
    relay.fault = { kind: 'none' };
  });

  it('loses nothing when the worker is stopped while its upload hangs, nor when the folder is wiped', async () => {
    const { a, b } = devices;
    for (const s of [a, b]) await (await turnSyncOn(s, 'faults')).close();
    const onA = await a.open(FEED);
    // The server accepts connections and never answers: A's run hangs in its upload.
    relay.fault = { kind: 'stall' };
    const stalled = relay.stalled;
    await card(onA, '2407.21705').getByRole('button', { name: 'Mark read' }).click();
    await card(onA, '2407.21783').getByRole('button', { name: 'Save for later' }).click();
    await expect.poll(() => relay.stalled, { timeout: 30_000 }).toBeGreaterThan(stalled);
    await a.stopWorker();
    relay.fault = { kind: 'none' };

    await syncedNow(a);
    await syncedNow(b);
    expect(await stateOf(b, '2407.21705')).toMatchObject({ read: true });
    expect(await stateOf(b, '2407.21783')).toMatchObject({ saved: true });

    // Someone empties the folder on the server: the devices put the library back.
    await rm(join(server.root, 'dav', 'faults'), { recursive: true, force: true });
    await syncedNow(a);
    await syncedNow(b);
    const c = await device();
    try {
      await (await turnSyncOn(c, 'faults')).close();
      expect(await stateOf(c, '2407.21705')).toMatchObject({ read: true });
      expect(await stateOf(c, '2407.21783')).toMatchObject({ saved: true });
    } finally {
      await c.close();
    }
    await onA.close();
  });
});

describe('a new device', () => {
  const devices = twoDevices();

  it(
    'receives a 10,000-paper library with its titles, states, tags, notes and list',
    { timeout: 600_000 },
    async () => {
      const { a: old, b: fresh } = devices;
      const seeding = await old.openExtensionPage('src/options/index.html');
      await seeding.evaluate(seedLibrary, { count: 10_000, allKept: true });
      await seeding.close();

      const t0 = Date.now();
      await (await turnSyncOn(old, 'ten-thousand')).close();
      const t1 = Date.now();
      await (await turnSyncOn(fresh, 'ten-thousand')).close();
      console.log(
        `10,000 papers: up ${((t1 - t0) / 1000).toFixed(1)} s, down ${((Date.now() - t1) / 1000).toFixed(1)} s`,
      );

      const facts = async (s: Session, id: string) => {
        const page = await s.openExtensionPage('src/options/index.html');
        try {
          return await page.evaluate(libraryFacts, id);
        } finally {
          await page.close();
        }
      };
      for (const id of ['2401.10000', '2401.10077', '2401.19999']) {
        const [before, after] = [await facts(old, id), await facts(fresh, id)];
        expect(after).toEqual(before);
        expect(after.papers).toBe(10_000);
        expect(after.listed).toBe(50);
      }
    },
  );
});
