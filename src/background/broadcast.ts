/** Tells every open supported tab about a change. Extension pages follow Dexie's liveQuery instead. */
import browser from 'webextension-polyfill';
import type { Push } from '../shared/protocol';
import { MATCH_PATTERNS } from '../sites/registry';

export async function pushToTabs(message: Push): Promise<void> {
  // Host permissions let tabs.query filter by URL without the `tabs` permission.
  const tabs = await browser.tabs.query({ url: MATCH_PATTERNS });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, message).catch(() => {
            // A tab still loading, or one whose content script was unloaded: it will ask again.
          }),
    ),
  );
}
