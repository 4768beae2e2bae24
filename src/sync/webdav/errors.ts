// What can go wrong between the extension and a WebDAV server, each kind with a sentence the
// user can act on. Messages never carry the address's user part, the user name or the password:
// they are shown in the popup and may be copied into a bug report.

export type WebDavErrorKind =
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409: the parent folder is missing
  | 'too-large' // 413
  | 'locked' // 423
  | 'insufficient-storage' // 507
  | 'server' // 5xx
  | 'unexpected' // any other status, or a body we cannot read
  | 'offline' // the browser says it has no network
  | 'unreachable' // refused, no such host, no route
  | 'connection-lost' // the connection closed before the answer (also after one retry)
  | 'tls' // the certificate or the TLS handshake failed
  | 'timeout'
  | 'cancelled';

const SENTENCES: Record<WebDavErrorKind, string> = {
  unauthorized: 'The server did not accept the user name or password. Check them (Nextcloud: use an app password).',
  forbidden: 'The server does not allow this account to change this folder.',
  'not-found': 'The sync folder does not exist on the server. Check the folder address.',
  conflict: 'A parent of the sync folder is missing on the server.',
  'too-large': 'The server refused a file as too large.',
  locked: 'The file is locked on the server by another program. Sync will try again.',
  'insufficient-storage': 'The server is full: there is no space left for your library.',
  server: 'The server had an internal error. Sync will try again.',
  unexpected: 'The server gave an answer Papershelf does not understand. Is this address a WebDAV folder?',
  offline: 'You are offline. Sync will try again when you are back online.',
  unreachable: 'Could not reach the server. Check the address and your network.',
  'connection-lost': 'The connection to the server was cut before it answered. Sync will try again.',
  tls: "The server's secure connection could not be verified (certificate problem).",
  timeout: 'The server took too long to answer. Sync will try again.',
  cancelled: 'Sync was cancelled.',
};

export class WebDavError extends Error {
  override readonly name = 'WebDavError';
  constructor(
    readonly kind: WebDavErrorKind,
    /** The HTTP status when the server answered, else undefined. */
    readonly status?: number,
    /** The low-level error code (e.g. `ECONNREFUSED`, `UND_ERR_SOCKET`) when one was given. */
    readonly code?: string,
  ) {
    super(SENTENCES[kind]);
  }

  /** Worth trying again later without the user changing anything. */
  get transient(): boolean {
    return ['locked', 'server', 'offline', 'unreachable', 'connection-lost', 'timeout'].includes(this.kind);
  }
}

export function errorForStatus(status: number): WebDavError {
  const kinds: Record<number, WebDavErrorKind> = {
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not-found',
    409: 'conflict',
    413: 'too-large',
    423: 'locked',
    507: 'insufficient-storage',
  };
  return new WebDavError(kinds[status] ?? (status >= 500 ? 'server' : 'unexpected'), status);
}

// Node's fetch (undici) names the cause; browsers give only "TypeError: Failed to fetch", so there a
// TLS failure cannot be told from an unreachable host and both read as 'unreachable'.
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$|HOSTNAME_MISMATCH)/;
const SOCKET_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

function causeCode(error: unknown): string | undefined {
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && typeof cause === 'object' && cause !== null; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A fetch that threw (no answer at all), as a typed error. */
export function errorForFailure(error: unknown, online: boolean): WebDavError {
  const code = causeCode(error);
  if (code !== undefined && TLS_CODE.test(code)) return new WebDavError('tls', undefined, code);
  if (code !== undefined && SOCKET_CODES.has(code)) return new WebDavError('connection-lost', undefined, code);
  if (!online) return new WebDavError('offline', undefined, code);
  return new WebDavError('unreachable', undefined, code);
}
