// Firefox lets the user take away an extension's access to a site. Papershelf then says so in the
// popup and the library, and a click on "Allow access" asks for it again; once granted, the
// controls come back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredCount, clickText, launch, textOf, type FirefoxSession } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const LISTING = 'https://arxiv.org/list/cs/2301?skip=0&show=3';
const ARXIV = ['https://arxiv.org/list/*', 'https://arxiv.org/abs/*', 'https://arxiv.org/search/*'];

let s: FirefoxSession;
beforeAll(async () => {
  // Answers the permission request as a user who clicks "Allow" in Firefox's prompt would.
  s = await launch({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
});
afterAll(() => s?.close());

describe('site access withheld by the user', () => {
  it('says which site is missing, in the library and the popup, and asks for it again from a click', async () => {
    const options = await s.openExtensionPage('src/options/index.html#library');
    await options.waitForSelector('main', { timeout: 30_000 });
    expect(await options.$('.notice')).toBeNull();
    // What "Remove" in about:addons → Papershelf → Permissions does.
    const removed = await options.evaluate(
      (origins) =>
        (
          globalThis as unknown as { browser: { permissions: { remove(p: object): Promise<boolean> } } }
        ).browser.permissions.remove({ origins }),
      ARXIV,
    );
    expect(removed).toBe(true);
    await expect.poll(() => textOf(options, '.notice h2')).toBe('Papershelf cannot see arXiv pages');

    const popup = await s.openExtensionPage('src/popup/index.html');
    await expect.poll(() => textOf(popup, '.notice h2')).toBe('Papershelf cannot see arXiv pages');
    expect(await textOf(popup, '.notice button')).toBe('Allow access to arXiv');

    // Hugging Face still has its controls; the arXiv listing gets none.
    const feed = await s.open(FEED);
    await expect.poll(() => answeredCount(feed)).toBe(13);
    const listing = await s.open(LISTING);
    await listing.waitForFunction(() => document.readyState === 'complete', { timeout: 30_000 });
    const other = await s.open(FEED);
    await expect.poll(() => answeredCount(other)).toBe(13);
    expect(await answeredCount(listing)).toBe(0);

    await clickText(popup, '.notice button', /^Allow access to arXiv$/);
    await expect
      .poll(() => textOf(popup, '.notice'))
      .toMatch(/^Access granted\. Reload the Hugging Face and arXiv pages/);
    await expect.poll(() => options.$('.notice h2').then((h) => h === null)).toBe(true);
    await listing.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(() => answeredCount(listing)).toBe(3);
    await Promise.all([options.close(), popup.close(), feed.close(), listing.close(), other.close()]);
  });
});
