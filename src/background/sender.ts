/** Who may talk to the worker: this extension's own pages and its content scripts on supported sites. */
import type { Runtime } from 'webextension-polyfill';
import { adapterFor } from '../sites/registry';

export interface SenderCheck {
  ok: boolean;
  /** The page a content script runs in. */
  pageUrl?: string;
}

export function checkSender(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderCheck {
  if (sender.id !== extensionId) return { ok: false };
  const url = sender.url ?? '';
  // Our own pages (popup, options), whether shown in the toolbar or in a tab.
  if (url.startsWith(extensionOrigin)) return { ok: true };
  // Otherwise a content script: only on a page one of our site adapters claims.
  if (sender.tab && adapterFor(url)) return { ok: true, pageUrl: url };
  return { ok: false };
}
