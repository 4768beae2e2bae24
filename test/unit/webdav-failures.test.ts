// Each failure the real server (or the network) can produce comes back typed, with its sentence,
// and with no credential anywhere in the error.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { inspect } from 'node:util';
import { WebDavClient } from '../../src/sync/webdav/client';
import { WebDavError, type WebDavErrorKind } from '../../src/sync/webdav/errors';
import { basicAuthorization } from '../../src/sync/webdav/http';
import { FULL_BYTES, SMALL_BYTES, freePort, startApache, type DavServer } from '../webdav/apache';
import { startRelay, type Relay } from '../webdav/proxy';
import { selfSignedCertificate } from '../../scripts/self-signed.mjs';

let server: DavServer;
let stall: Relay;
let tls: Server;
let tlsPort: number;

beforeAll(async () => {
  server = await startApache();
  stall = await startRelay(server.port, { kind: 'stall' });
  // A self-signed certificate, as on a home server whose certificate the browser does not trust.
  tls = createHttpsServer(selfSignedCertificate('localhost'), (_, res) => res.end());
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  tlsPort = (tls.address() as { port: number }).port;
});
afterAll(async () => {
  await stall?.close();
  await new Promise((resolve) => (tls ? tls.close(resolve) : resolve(undefined)));
  await server?.stop();
});

interface Setup {
  origin?: string;
  folder?: string;
  password?: string;
  timeoutMs?: number;
  isOnline?: () => boolean;
}

function client(setup: Setup = {}): WebDavClient {
  return new WebDavClient({
    url: `${setup.origin ?? server.origin}/${setup.folder ?? 'dav'}/`,
    user: server.user,
    password: setup.password ?? server.password,
    timeoutMs: setup.timeoutMs ?? 10_000,
    isOnline: setup.isOnline,
  });
}

/** The error is typed, says its sentence, and shows no credential however it is printed. */
async function failure(promise: Promise<unknown>, kind: WebDavErrorKind, status?: number): Promise<WebDavError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebDavError);
  const typed = error as WebDavError;
  expect({ kind: typed.kind, status: typed.status }).toEqual({ kind, status });
  expect(typed.message).toMatch(/^[A-Z].{10,}[.?]$/);
  const printed = [typed.message, typed.stack, inspect(typed, { depth: 5 }), JSON.stringify(typed)].join('\n');
  for (const secret of [server.password, 'wrong-pässword', basicAuthorization(server.user, server.password).slice(6)]) {
    expect(printed).not.toContain(secret);
  }
  expect(printed).not.toContain(server.user);
  return typed;
}

describe('answers of the real server', () => {
  test('401: a wrong password', async () => {
    const error = await failure(client({ password: 'wrong-pässword' }).list(), 'unauthorized', 401);
    expect(error.message).toContain('user name or password');
    expect(error.transient).toBe(false);
  });

  test('403: a folder this account may read but not change', async () => {
    const ro = client({ folder: 'ro' });
    expect((await ro.list()).map((e) => e.name)).toEqual(['readme.txt']);
    await failure(ro.put('mine.json', '{}'), 'forbidden', 403);
  });

  test('404: the sync folder does not exist', async () => {
    await failure(client({ folder: 'dav/no-such-folder' }).list(), 'not-found', 404);
  });

  test('409: writing into a parent folder that is missing', async () => {
    await failure(client().put('no-parent/file.json', '{}'), 'conflict', 409);
  });

  test('413: a file over the server limit', async () => {
    await failure(client({ folder: 'small' }).put('big.bin', new Uint8Array(SMALL_BYTES * 4)), 'too-large', 413);
  });

  test('423: the real name is locked by someone else; our temporary file is removed', async () => {
    const dav = client();
    await dav.mkcol('locked');
    await dav.put('locked/file.json', 'old');
    const lock = await fetch(`${server.origin}/dav/locked/file.json`, {
      method: 'LOCK',
      headers: { Authorization: basicAuthorization(server.user, server.password), 'Content-Type': 'application/xml' },
      body:
        '<?xml version="1.0"?><d:lockinfo xmlns:d="DAV:"><d:lockscope><d:exclusive/></d:lockscope>' +
        '<d:locktype><d:write/></d:locktype><d:owner>another program</d:owner></d:lockinfo>',
    });
    expect(lock.status).toBe(200);
    const error = await failure(dav.put('locked/file.json', 'new'), 'locked', 423);
    expect(error.transient).toBe(true);
    expect((await dav.list('locked')).map((e) => e.name)).toEqual(['file.json']);
  });

  test('507: the server disk is full (a real tmpfs)', async () => {
    await failure(
      client({ folder: 'full' }).put('library.bin', new Uint8Array(FULL_BYTES * 2)),
      'insufficient-storage',
      507,
    );
    expect(await client({ folder: 'full' }).list()).toEqual([]);
  });

  test('5xx: the server fails inside (its folder is not writable on disk)', async () => {
    const error = await failure(client({ folder: 'broken' }).put('x.json', '{}'), 'server', 500);
    expect(error.transient).toBe(true);
  });

  test('a 207 whose body is not a multistatus (a proxy login page) is "unexpected", not a crash', async () => {
    const lying = client();
    const original = globalThis.fetch;
    globalThis.fetch = async () => new Response('<html>login page</html>', { status: 207 });
    try {
      await failure(lying.list(), 'unexpected', 207);
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe('no answer at all', () => {
  test('refused connection: nothing listens on the port', async () => {
    const error = await failure(client({ origin: `http://127.0.0.1:${await freePort()}` }).list(), 'unreachable');
    expect(error.code).toBe('ECONNREFUSED');
  });

  test('refused while the browser reports no network reads as offline', async () => {
    const origin = `http://127.0.0.1:${await freePort()}`;
    await failure(client({ origin, isOnline: () => false }).list(), 'offline');
  });

  test('timeout: the server accepts and never answers', async () => {
    await failure(client({ origin: stall.origin, timeoutMs: 300 }).list(), 'timeout');
  });

  test('cancelled: the caller aborts a request in flight', async () => {
    const controller = new AbortController();
    const pending = client({ origin: stall.origin }).list('', { signal: controller.signal });
    controller.abort();
    await failure(pending, 'cancelled');
  });

  test('TLS: a certificate the client does not trust', async () => {
    const error = await failure(client({ origin: `https://127.0.0.1:${tlsPort}` }).list(), 'tls');
    expect(error.code).toMatch(/CERT|SELF_SIGNED/);
  });
});

test('an address with user:password@ in it is refused before any request', () => {
  expect(() => new WebDavClient({ url: 'https://ada:secret@cloud.example/dav/', user: 'ada', password: 'x' })).toThrow(
    /user and password in their fields/,
  );
});
