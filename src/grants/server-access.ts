/**
 * Access to the user's sync server: the one origin of the WebDAV folder they saved, asked for in
 * `optional_host_permissions` (manifest.json) and never more. `request` must be called straight
 * from the user's click, before any await: the browser grants optional permissions only within a
 * user gesture. Pages take a `ServerAccess` so tests can stand in for the browser.
 */
import browser from 'webextension-polyfill';
import { originPattern } from '../sync/webdav/paths';

export interface ServerAccess {
  /** Asks the user; resolves to whether access was granted. Call it synchronously in a click. */
  request(pattern: string): Promise<boolean>;
  remove(pattern: string): Promise<void>;
}

export const browserServerAccess: ServerAccess = {
  request: (pattern) => browser.permissions.request({ origins: [pattern] }),
  async remove(pattern) {
    await browser.permissions.remove({ origins: [pattern] });
  },
};

/** Hosts reachable over plain http: the same machine only (manifest.json's optional_host_permissions). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * The host permission pattern for a folder address, or why Papershelf will not ask for it. Plain
 * http sends the password readable by anyone on the way (Basic auth), so only https is offered
 * for other hosts; the manifest lists no other pattern, and the browser would refuse to ask.
 */
export function serverPattern(url: string): { pattern: string } | { problem: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return {
      problem:
        'The server address is not an address: it should look like https://cloud.example.org/remote.php/dav/files/you/.',
    };
  }
  if (parsed.username || parsed.password)
    return { problem: 'Put the user name and password in their own fields, not in the address.' };
  if (parsed.protocol === 'http:' && !LOCAL_HOSTS.has(parsed.hostname))
    return {
      problem:
        'Use an https:// address: over plain http the password would cross the network readable by anyone on the way (http:// is accepted only for localhost).',
    };
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { problem: 'The server address must start with https://.' };
  return { pattern: originPattern(parsed.href) };
}
