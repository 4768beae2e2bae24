// Where the library lives in Firefox: persistent storage in a normal profile; none at all when
// Firefox never remembers history, which the popup and the library page then say.
import { afterEach, describe, expect, it } from 'vitest';
import { allowInPrivateWindows, launch, textOf, type FirefoxSession } from './harness';

let s: FirefoxSession | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('the library’s storage', () => {
  it('is persistent storage in a normal profile, and Settings says so', async () => {
    s = await launch();
    const options = await s.openExtensionPage('src/options/index.html#settings');
    await expect.poll(() => textOf(options, '.storage-state')).toMatch(/^Kept until you remove Papershelf/);
    expect(await options.evaluate(() => navigator.storage.persisted())).toBe(true);
    expect(await options.$('.notice')).toBeNull();
  });

  it('with “Never remember history”, says that nothing can be stored and points to export', async () => {
    s = await launch({ prefs: { 'browser.privatebrowsing.autostart': true } });
    await allowInPrivateWindows(s);
    const popup = await s.openExtensionPage('src/popup/index.html');
    await expect.poll(() => textOf(popup, '.notice h2')).toBe('Papershelf cannot store anything in this browser');
    expect(await textOf(popup, '.notice p')).toMatch(
      /no database \(InvalidStateError\).*“Never remember history”.*Nothing you mark now is kept/s,
    );
    expect(await popup.$eval('.notice a', (a) => a.getAttribute('href'))).toBe('/src/options/index.html#import-export');
    const options = await s.openExtensionPage('src/options/index.html#library');
    await expect
      .poll(() => textOf(options, '[role="alert"] h2'))
      .toBe('Papershelf cannot store anything in this browser');
  });
});
