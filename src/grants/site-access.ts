/**
 * Access to the supported sites. Firefox lets the user withhold or revoke an extension's host
 * permissions per site (Chrome too, with "on click"); without them no controls appear there.
 * Extension pages check, and ask again from a click: `permissions.request` must be called
 * straight from the user's action, before any await.
 */
import browser from 'webextension-polyfill';
import { ADAPTERS } from '../sites/registry';
import type { SiteAdapter } from '../sites/types';

/** The supported sites whose pages Papershelf may not read now. */
export async function sitesWithoutAccess(): Promise<SiteAdapter[]> {
  const granted = await Promise.all(
    ADAPTERS.map((a) => browser.permissions.contains({ origins: [...a.matchPatterns] })),
  );
  return ADAPTERS.filter((_, i) => !granted[i]);
}

/** Asks the browser for access to `sites`; true when the user granted it. Call from a click. */
export function askForSites(sites: readonly SiteAdapter[]): Promise<boolean> {
  return browser.permissions.request({ origins: sites.flatMap((a) => a.matchPatterns) });
}

/** Calls `changed` whenever the user grants or revokes a permission; returns the unsubscribe. */
export function onAccessChange(changed: () => void): () => void {
  browser.permissions.onAdded.addListener(changed);
  browser.permissions.onRemoved.addListener(changed);
  return () => {
    browser.permissions.onAdded.removeListener(changed);
    browser.permissions.onRemoved.removeListener(changed);
  };
}
