/** Tells every open supported tab about a change. Extension pages follow Dexie's liveQuery instead. */
import browser from 'webextension-polyfill';
import type { Push } from '../shared/protocol';
import { MATCH_PATTERNS } from '../sites/registry';

/** How long a push waits for a tab to take it: a tab whose page hangs must not hold up the answer. */
const TAB_WAIT_MS = 1_000;

/** Resolves once every tab has taken the message, refused it, or had `TAB_WAIT_MS` to take it. */
export async function pushToTabs(message: Push): Promise<void> {
  // Host permissions let tabs.query filter by URL without the `tabs` permission.
  const tabs = await browser.tabs.query({ url: MATCH_PATTERNS });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : Promise.race([
            browser.tabs.sendMessage(tab.id, message).catch(() => {
              // A tab still loading, or one whose content script was unloaded: it will ask again.
            }),
            new Promise((resolve) => setTimeout(resolve, TAB_WAIT_MS)),
          ]),
    ),
  );
}
