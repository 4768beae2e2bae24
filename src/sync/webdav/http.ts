// One HTTP exchange with the server over fetch (the only HTTP an MV3 service worker has): Basic
// auth, one deadline for the whole exchange (body included), the caller's AbortSignal, and one
// retry when the connection failed before any answer.
import { WebDavError, errorForFailure } from './errors';

export interface Exchange {
  status: number;
  headers: Headers;
  body: Uint8Array;
  /** The first attempt failed without an answer and this is the second one's. */
  retried: boolean;
}

export interface ExchangeOptions {
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  signal?: AbortSignal;
  timeoutMs: number;
  authorization: string;
  isOnline: () => boolean;
}

/** RFC 7617 with charset=UTF-8: the user and password as UTF-8 bytes, then base64. */
export function basicAuthorization(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * A connection that fails before any answer is tried once more on a new connection. The common
 * case is a kept-alive socket the server closed while our request was on its way (undici's
 * `UND_ERR_SOCKET` "other side closed"; Apache closes idle ones after KeepAliveTimeout, 5 s):
 * nothing reached the server's handler, so the retry is safe. Every method we send is idempotent
 * (PUT goes to a temporary name, MOVE with Overwrite: T and DELETE end in the same state, and the
 * client checks the one answer that differs on a repeat: a MOVE whose source is already gone).
 * A second failure is surfaced, typed. A TLS failure or being offline is not retried.
 */
export async function exchange(method: string, url: URL, options: ExchangeOptions): Promise<Exchange> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const abortError = () => new WebDavError(options.signal?.aborted ? 'cancelled' : 'timeout');
  for (let attempt = 0; ; attempt++) {
    if (signal.aborted) throw abortError();
    try {
      const response = await fetch(url, {
        method,
        headers: { ...options.headers, Authorization: options.authorization },
        body: options.body === undefined ? null : copyOf(options.body),
        signal,
        // Our header carries the credentials; the browser's cookies for that site must not (a
        // Nextcloud session cookie without its request token fails the CSRF check).
        credentials: 'omit',
        cache: 'no-store',
      });
      const body = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, headers: response.headers, body, retried: attempt > 0 };
    } catch (error) {
      if (signal.aborted) throw abortError();
      if (error instanceof WebDavError) throw error;
      const typed = errorForFailure(error, options.isOnline());
      if (attempt > 0 || typed.kind === 'tls' || typed.kind === 'offline') throw typed;
    }
  }
}

// fetch takes views of an ArrayBuffer only (not of a SharedArrayBuffer): copy into one.
function copyOf(body: Uint8Array | string): Uint8Array<ArrayBuffer> | string {
  return typeof body === 'string' ? body : new Uint8Array(body);
}
