// The WebDAV operations sync needs, on one folder the user chose: list, read, write (whole file,
// atomically), make folders, delete. Errors are WebDavError (./errors.ts), never a raw fetch error.
import { WebDavError, errorForStatus } from './errors';
import { basicAuthorization, exchange, type Exchange } from './http';
import { parseMultistatus } from './multistatus';
import { folderUrl, nameIn, targetOfTemp, tempNameFor, urlOf } from './paths';

export interface WebDavOptions {
  /** The sync folder, e.g. https://cloud.example.org/remote.php/dav/files/ada/Papershelf/ */
  url: string;
  user: string;
  password: string;
  /** Per operation, body included. */
  timeoutMs?: number;
  /** Browsers: navigator.onLine; lets a failure read "offline" rather than "unreachable". */
  isOnline?: () => boolean;
}

export interface RemoteEntry {
  /** Decoded name inside the listed folder. */
  name: string;
  isCollection: boolean;
  size?: number;
  etag?: string;
  lastModified?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<d:propfind xmlns:d="DAV:"><d:prop>' +
  '<d:resourcetype/><d:getcontentlength/><d:getetag/><d:getlastmodified/>' +
  '</d:prop></d:propfind>';

function randomTag(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

export class WebDavClient {
  private readonly folder: URL;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly isOnline: () => boolean;

  constructor(options: WebDavOptions) {
    this.folder = folderUrl(options.url);
    this.authorization = basicAuthorization(options.user, options.password);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
  }

  private send(
    method: string,
    url: URL,
    call: CallOptions,
    extra: { headers?: Record<string, string>; body?: Uint8Array | string } = {},
  ): Promise<Exchange> {
    return exchange(method, url, {
      ...extra,
      signal: call.signal,
      timeoutMs: this.timeoutMs,
      authorization: this.authorization,
      isOnline: this.isOnline,
    });
  }

  private dirUrl(dir: string): URL {
    return dir === '' ? this.folder : urlOf(this.folder, dir, true);
  }

  /** The folder's direct members (PROPFIND Depth: 1), the folder itself left out. */
  async list(dir = '', call: CallOptions = {}): Promise<RemoteEntry[]> {
    const url = this.dirUrl(dir);
    const answer = await this.send('PROPFIND', url, call, {
      headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: PROPFIND_BODY,
    });
    if (answer.status !== 207) throw errorForStatus(answer.status);
    let parsed;
    try {
      parsed = parseMultistatus(new TextDecoder().decode(answer.body));
    } catch {
      throw new WebDavError('unexpected', answer.status);
    }
    const entries: RemoteEntry[] = [];
    for (const { href, ...rest } of parsed) {
      const name = nameIn(url, href);
      if (name !== undefined) entries.push({ name, ...rest });
    }
    return entries;
  }

  async get(name: string, call: CallOptions = {}): Promise<{ body: Uint8Array; etag?: string }> {
    const answer = await this.send('GET', urlOf(this.folder, name), call);
    if (answer.status !== 200) throw errorForStatus(answer.status);
    const etag = answer.headers.get('ETag');
    return etag === null ? { body: answer.body } : { body: answer.body, etag };
  }

  /**
   * Writes the whole file: PUT under a hidden temporary name beside it, then MOVE with
   * Overwrite: T onto the real name. Readers see the old file or the new one, never a part: a
   * connection cut during the PUT leaves at most a temporary file (see `removeTemps`).
   */
  async put(name: string, body: Uint8Array | string, call: CallOptions & { contentType?: string } = {}): Promise<void> {
    const target = urlOf(this.folder, name);
    const temp = urlOf(this.folder, tempNameFor(name, randomTag()));
    const headers = { 'Content-Type': call.contentType ?? 'application/octet-stream' };
    const written = await this.send('PUT', temp, call, { headers, body });
    if (written.status !== 201 && written.status !== 204 && written.status !== 200) {
      throw errorForStatus(written.status);
    }
    try {
      const moved = await this.send('MOVE', temp, call, {
        headers: { Destination: target.href, Overwrite: 'T' },
      });
      if (moved.status === 201 || moved.status === 204) return;
      // A MOVE repeated after a lost answer finds its source gone: the first one went through
      // if the target now holds our bytes.
      if (moved.status === 404 && moved.retried && (await this.sizeOf(name, call)) === byteLength(body)) return;
      throw errorForStatus(moved.status);
    } catch (error) {
      await this.send('DELETE', temp, {}).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Makes the folder `dir` (relative to the sync folder; '' is the sync folder itself) and any
   * missing parents, up the address if need be: MKCOL answers 409 while a parent is missing.
   */
  async mkcol(dir: string, call: CallOptions = {}): Promise<void> {
    await this.mkcolAt(this.dirUrl(dir), call);
  }

  private async mkcolAt(url: URL, call: CallOptions): Promise<void> {
    const answer = await this.send('MKCOL', url, call);
    // 405: something exists there already (RFC 4918 §9.3.1); a listing tells if it is a folder.
    if (answer.status === 201 || answer.status === 405) return;
    const parent = new URL('..', url);
    if (answer.status === 409 && parent.pathname !== url.pathname && parent.pathname !== '/') {
      await this.mkcolAt(parent, call);
      return this.mkcolAt(url, call);
    }
    throw errorForStatus(answer.status);
  }

  /** Deletes one file; one already gone is not an error. */
  async delete(name: string, call: CallOptions = {}): Promise<void> {
    const answer = await this.send('DELETE', urlOf(this.folder, name), call);
    if (answer.status === 200 || answer.status === 204 || answer.status === 404) return;
    throw errorForStatus(answer.status);
  }

  /**
   * Deletes the temporary files a cut `put` left in `dir`, for the targets `owns` says are this
   * device's own (another device's temporary file may be an upload in progress). Returns their names.
   */
  async removeTemps(dir: string, owns: (target: string) => boolean, call: CallOptions = {}): Promise<string[]> {
    const prefix = dir === '' ? '' : `${dir}/`;
    const removed: string[] = [];
    for (const entry of await this.list(dir, call)) {
      const target = targetOfTemp(entry.name);
      if (entry.isCollection || target === undefined || !owns(prefix + target)) continue;
      await this.delete(prefix + entry.name, call);
      removed.push(prefix + entry.name);
    }
    return removed;
  }

  private async sizeOf(name: string, call: CallOptions): Promise<number | undefined> {
    const answer = await this.send('PROPFIND', urlOf(this.folder, name), call, {
      headers: { Depth: '0', 'Content-Type': 'application/xml; charset=utf-8' },
      body: PROPFIND_BODY,
    });
    if (answer.status !== 207) return undefined;
    return parseMultistatus(new TextDecoder().decode(answer.body))[0]?.size;
  }
}

function byteLength(body: Uint8Array | string): number {
  return typeof body === 'string' ? new TextEncoder().encode(body).length : body.length;
}
