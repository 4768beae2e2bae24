// Addresses inside the sync folder. Names are paths relative to the folder, '/'-separated, each
// segment percent-encoded on the wire and decoded in listings, so a name reads the same both ways.

/** The folder's address, ending in '/', without user info (credentials travel only in the header). */
export function folderUrl(url: string): URL {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new TypeError('not an http(s) address');
  // A user:password@ in the address would end up in error reports and history: refuse it.
  if (parsed.username !== '' || parsed.password !== '')
    throw new TypeError('put the user and password in their fields');
  parsed.search = '';
  parsed.hash = '';
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed;
}

export function checkName(name: string): void {
  const segments = name.split('/');
  if (name === '' || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new TypeError(`not a file name inside the folder: ${JSON.stringify(name)}`);
  }
}

export function urlOf(folder: URL, name: string, collection = false): URL {
  checkName(name);
  const path = name.split('/').map(encodeURIComponent).join('/');
  return new URL(path + (collection ? '/' : ''), folder);
}

/**
 * The name of `href` relative to the listed folder, or undefined for the folder itself or anything
 * outside it. Servers send either a path or a full URL, and percent-encode differently (Apache
 * `%e2%82%ac`, others `%E2%82%AC` or the raw character), so both sides are decoded before comparing.
 */
export function nameIn(listed: URL, href: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(href, listed).pathname);
  } catch {
    return undefined;
  }
  const base = decodeURIComponent(listed.pathname);
  if (!path.startsWith(base)) return undefined;
  const rest = path.slice(base.length).replace(/\/$/, '');
  return rest === '' || rest.includes('/') ? undefined : rest;
}

// Not '.part' or '.filepart': Nextcloud and ownCloud reserve those for their own uploads and
// refuse them over WebDAV with 400 (nextcloud/server#49916, owncloud/core#29011).
const TEMP = /^\.(.+)\.([0-9a-z]{8,})\.tmp$/;

/** A hidden name beside the target's, in the same folder, so the MOVE is a rename on the server. */
export function tempNameFor(name: string, random: string): string {
  const slash = name.lastIndexOf('/');
  return `${name.slice(0, slash + 1)}.${name.slice(slash + 1)}.${random}.tmp`;
}

/** For a temporary name of ours, the file name it was meant to become; else undefined. */
export function targetOfTemp(fileName: string): string | undefined {
  return TEMP.exec(fileName)?.[1];
}

/**
 * The host permission to request for the folder's server: `https://host/*`, without the port.
 * Firefox refuses a match pattern with a port; Chromium takes one, but a pattern without a port
 * matches every port there too (docs/sync-transport.md#host-permission).
 */
export function originPattern(url: string): string {
  const folder = folderUrl(url);
  return `${folder.protocol}//${folder.hostname}/*`;
}
