/** Who may talk to the worker: this extension's own pages and its content scripts on supported sites. */
import type { Runtime } from 'webextension-polyfill';
import { adapterFor } from '../sites/registry';

export interface SenderCheck {
  ok: boolean;
  /** The tab's page, for messages from content scripts. */
  pageUrl?: string;
}

export function checkSender(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderCheck {
  if (sender.id !== extensionId) return { ok: false };
  if (sender.tab) {
    // A content script: only on a page one of our site adapters claims.
    const url = sender.url ?? sender.tab.url;
    if (!url || !adapterFor(url)) return { ok: false };
    return { ok: true, pageUrl: url };
  }
  // An extension page (popup, options); its URL is on our own origin.
  return { ok: sender.url === undefined || sender.url.startsWith(extensionOrigin) };
}
