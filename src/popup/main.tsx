import { render } from 'preact';
import browser from 'webextension-polyfill';
import { openDatabase } from '../db/schema';
import { browserConnection } from '../messaging/client';
import { isCanonicalArxivId } from '../shared/ids';
import { PAGE_PAPERS } from '../shared/protocol';
import type { ActiveTabSource } from './current-tab';
import { Popup } from './popup';

const activeTab = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0];

const tabs: ActiveTabSource = {
  async activeTab() {
    const tab = await activeTab();
    return tab ? { url: tab.url, title: tab.title } : undefined;
  },
  async pagePapers() {
    const tab = await activeTab();
    if (tab?.id === undefined) return undefined;
    // No content script there (another site, a PDF): no answer, nothing to offer.
    const answer: unknown = await browser.tabs.sendMessage(tab.id, { type: PAGE_PAPERS }).catch(() => undefined);
    return Array.isArray(answer) && answer.every((id) => typeof id === 'string' && isCanonicalArxivId(id))
      ? (answer as string[])
      : undefined;
  },
};

render(<Popup db={openDatabase()} worker={browserConnection()} tabs={tabs} />, document.getElementById('app')!);
