/**
 * One manifest.json for both stores: the keys only Firefox needs, or needs differently, are
 * derived here at build time, so there is no second manifest to keep in step.
 */

/** The add-on id on addons.mozilla.org. It can never change once the first version is signed. */
export const GECKO_ID = 'papershelf@papershelf.invalid';

/**
 * Firefox 140 (ESR 140): the first release that knows `data_collection_permissions`, which AMO
 * requires of new add-ons; older releases refuse the key. Everything else Papershelf uses
 * (MV3 background scripts of type module, action, commands, contextMenus, host permissions
 * granted at install) is older than that.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/** Firefox for Android learnt `data_collection_permissions` later than desktop. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** @typedef {'chrome' | 'firefox'} Browser */

/**
 * @param {Browser} browser
 * @param {Record<string, any>} manifest  manifest.json as written (Chrome's form)
 */
export function manifestFor(browser, manifest) {
  if (browser === 'chrome') return manifest;
  const { service_worker, ...background } = manifest.background;
  return {
    ...manifest,
    // Firefox has no extension service worker: the same script runs as an event page.
    background: { ...background, scripts: [service_worker] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Papershelf sends nothing anywhere: the library stays in the browser.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android knows data_collection_permissions from 142.
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}
