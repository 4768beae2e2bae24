/** Who may talk to the worker: this extension's own pages and its content scripts on supported sites. */
import type { Runtime } from 'webextension-polyfill';
import type { RequestType } from '../shared/protocol';
import { adapterFor } from '../sites/registry';

/**
 * What a content script may ask. A web page's renderer can be compromised, so the requests that
 * rewrite the library wholesale (import, settings) are for the extension's own pages only.
 */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'listings/seen',
  'paper/setRead',
  'paper/setSaved',
  'paper/setNote',
  'paper/tag',
  'tags/list',
  'states/get',
  'lists/ofPaper',
  'lists/member',
  'lists/addNamed',
  'paper/dismiss',
  'settings/get',
]);

export function mayAsk(check: SenderCheck, type: RequestType): boolean {
  return check.pageUrl === undefined || CONTENT_SCRIPT_REQUESTS.has(type);
}

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
