// Options → Sync and the popup in real Chromium, with sync off: the section renders with labelled
// fields and passes axe in light and dark; a plain-http address to another host is refused before
// the browser is asked for anything; the extension holds no server access until one is saved; the
// popup shows no sync status while sync is off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { launch, type Session } from './harness';

interface ChromeLike {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  runtime: { getManifest(): { optional_host_permissions?: string[] } };
}

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

describe('sync settings', () => {
  it('the Sync section: labelled fields, accessible, http to another host refused, no access granted', async () => {
    const page = await s.openExtensionPage('src/options/index.html#sync');
    await page.getByRole('heading', { name: 'Sync (preview)' }).waitFor();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Sync is off.');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page, 'extension-page'), colorScheme).toEqual([]);
    }

    await page.getByLabel('Folder address (WebDAV)').fill('http://cloud.example.org/dav/');
    await page.getByLabel('User name').fill('ada');
    await page.getByLabel('App password').fill('not-a-real-password');
    await page.getByRole('button', { name: 'Save and turn sync on' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Use an https:// address');
    expect(await axeViolations(page, 'extension-page'), 'with the error shown').toEqual([]);

    // What the extension holds, asked in its own worker (the test's process has no chrome.*).
    const worker = await s.worker();
    const { origins, optional } = await worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeLike }).chrome;
      return {
        origins: (await api.permissions.getAll()).origins ?? [],
        optional: api.runtime.getManifest().optional_host_permissions,
      };
    });
    expect(origins.filter((o) => !/huggingface\.co|arxiv\.org/.test(o))).toEqual([]);
    expect(optional).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    await page.close();
  });

  it('the popup shows no sync status while sync is off', async () => {
    const page = await s.openExtensionPage('src/popup/index.html');
    await page.locator('.library-footer').waitFor();
    await page.locator('.library-size').waitFor();
    expect(await page.locator('.sync-line').count()).toBe(0);
    await page.close();
  });
});
