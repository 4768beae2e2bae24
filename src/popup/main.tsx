import { render } from 'preact';
import browser from 'webextension-polyfill';
import { openDatabase } from '../db/schema';
import { browserConnection } from '../messaging/client';
import type { ActiveTabSource } from './current-tab';
import { Popup } from './popup';

const tabs: ActiveTabSource = {
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab ? { url: tab.url, title: tab.title } : undefined;
  },
};

render(<Popup db={openDatabase()} worker={browserConnection()} tabs={tabs} />, document.getElementById('app')!);
