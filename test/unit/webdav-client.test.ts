// The WebDAV client against a real Apache mod_dav server (test/webdav/apache.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WebDavClient } from '../../src/sync/webdav/client';
import { WebDavError } from '../../src/sync/webdav/errors';
import { startApache, type DavServer } from '../webdav/apache';
import { startRelay, type Relay } from '../webdav/proxy';

let server: DavServer;
const relays: Relay[] = [];

beforeAll(async () => {
  server = await startApache();
});
afterAll(async () => {
  await Promise.all(relays.map((r) => r.close()));
  await server?.stop();
});

function client(origin = server.origin, folder = 'dav', password = server.password): WebDavClient {
  return new WebDavClient({ url: `${origin}/${folder}/`, user: server.user, password, timeoutMs: 10_000 });
}

async function relay(fault: Parameters<typeof startRelay>[1]): Promise<Relay> {
  const r = await startRelay(server.port, fault);
  relays.push(r);
  return r;
}

const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * seed + 3) % 251);
// Large bodies are compared by digest: vitest's deep equality walks 100,000 elements for seconds.
const digest = (body: Uint8Array) => createHash('sha256').update(body).digest('hex');

describe('round trip', () => {
  test('put, list, get and overwrite a file; names with spaces and non-ASCII survive both ways', async () => {
    const dav = client();
    await dav.mkcol('round');
    await dav.put('round/chunk 0001 é€.json', '{"a":1}', { contentType: 'application/json' });
    await dav.put('round/big.bin', bytes(100_000));

    const listed = await dav.list('round');
    expect(listed.map((e) => e.name).sort()).toEqual(['big.bin', 'chunk 0001 é€.json']);
    const big = listed.find((e) => e.name === 'big.bin')!;
    expect(big).toMatchObject({ isCollection: false, size: 100_000 });
    expect(big.etag).toMatch(/".+"/);
    expect(Math.abs(big.lastModified! - Date.now())).toBeLessThan(5 * 60_000);

    const got = await dav.get('round/big.bin');
    expect(got.etag).toBe(big.etag);
    expect(digest(got.body)).toBe(digest(bytes(100_000)));
    expect(new TextDecoder().decode((await dav.get('round/chunk 0001 é€.json')).body)).toBe('{"a":1}');

    await dav.put('round/big.bin', bytes(10, 3));
    expect((await dav.get('round/big.bin')).body).toEqual(bytes(10, 3));
    const after = (await dav.list('round')).find((e) => e.name === 'big.bin')!;
    expect(after.size).toBe(10);
    expect(after.etag).not.toBe(big.etag);
  });

  test('each write goes to a hidden temporary name first, then MOVE with Overwrite: T onto the real one', async () => {
    await client().put('seq.json', 'x');
    const log = await server.accessLog();
    const put = log.findLastIndex((l) => l.startsWith('PUT /dav/.seq.json.') && l.endsWith('.tmp 201'));
    expect(put).toBeGreaterThanOrEqual(0);
    expect(log[put + 1]).toMatch(/^MOVE \/dav\/\.seq\.json\.[0-9a-z]+\.tmp 201$/);
    expect(log.some((l) => l.startsWith('PUT /dav/seq.json'))).toBe(false);
  });

  test('mkcol makes missing parents and accepts a folder that exists', async () => {
    const dav = client();
    await dav.mkcol('a/b/c');
    await dav.mkcol('a/b/c');
    expect((await dav.list('a/b')).map((e) => [e.name, e.isCollection])).toEqual([['c', true]]);
  });

  test('mkcol makes the sync folder itself and its missing parents above it', async () => {
    const dav = client(server.origin, 'dav/new/Papershelf');
    await dav.mkcol('');
    await dav.put('x.txt', 'x');
    expect(existsSync(join(server.root, 'dav/new/Papershelf/x.txt'))).toBe(true);
  });

  test('delete removes a file, and a file already gone is no error', async () => {
    const dav = client();
    await dav.put('gone.txt', 'x');
    await dav.delete('gone.txt');
    await dav.delete('gone.txt');
    expect((await dav.list()).some((e) => e.name === 'gone.txt')).toBe(false);
  });

  test('a UTF-8 user name and password are accepted (RFC 7617 charset=UTF-8)', async () => {
    const nonAscii = (text: string) => [...text].some((c) => c.charCodeAt(0) > 127);
    expect(nonAscii(server.user) && nonAscii(server.password)).toBe(true);
    await expect(client().list()).resolves.toBeInstanceOf(Array);
  });
});

describe('a cut connection', () => {
  test('a PUT cut mid-body leaves no file under the real name, and no temporary file either', async () => {
    const dav = client();
    await dav.mkcol('cut');
    await dav.put('cut/log.json', 'old');
    // Every attempt is cut after 40 kB of a 200 kB body, the retry too.
    const cut = await relay({ kind: 'cut-after', bytes: 40_000, times: 2 });
    const error = await client(cut.origin)
      .put('cut/log.json', bytes(200_000))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebDavError);
    expect((error as WebDavError).kind).toBe('connection-lost');
    expect(cut.faults).toBe(2);
    // The real name still holds the old file; our temporary file is gone (Apache drops a cut
    // upload, and the client deletes the temporary name when the write fails).
    expect(new TextDecoder().decode((await dav.get('cut/log.json')).body)).toBe('old');
    expect(readdirSync(join(server.root, 'dav/cut'))).toEqual(['log.json']);
  });

  test('a PUT cut once is sent again on a new connection and arrives whole', async () => {
    const cut = await relay({ kind: 'cut-after', bytes: 40_000, times: 1 });
    await client(cut.origin).put('whole.bin', bytes(200_000));
    expect(cut.faults).toBe(1);
    expect(digest((await client().get('whole.bin')).body)).toBe(digest(bytes(200_000)));
  });

  test('a kept-alive socket closed under a request (UND_ERR_SOCKET) is retried once on a new one', async () => {
    const drop = await relay({ kind: 'drop-reused', times: 1 });
    const dav = client(drop.origin);
    await dav.put('reused.txt', 'one');
    // undici hands the socket back to its pool a turn after the answer's body is read.
    await new Promise((resolve) => setImmediate(resolve));
    expect(new TextDecoder().decode((await dav.get('reused.txt')).body)).toBe('one');
    // The GET went on a kept-alive connection, which the relay closed: retried on a new one.
    expect(drop.faults).toBe(1);
  });

  test('a MOVE whose answer is lost is repeated, finds its source gone, and counts as done when the target holds our bytes', async () => {
    const lose = await relay({ kind: 'lose-answer', method: 'MOVE', times: 1 });
    await client(lose.origin).put('moved-once.bin', bytes(5000));
    expect(lose.faults).toBe(1);
    const log = await server.accessLog();
    const moves = log.filter((l) => l.startsWith('MOVE /dav/.moved-once.bin.'));
    expect(moves.map((l) => l.split(' ')[2])).toEqual(['201', '404']);
    expect(digest((await client().get('moved-once.bin')).body)).toBe(digest(bytes(5000)));
    expect(readdirSync(join(server.root, 'dav')).filter((n) => n.startsWith('.moved-once'))).toEqual([]);
  });

  test('a connection closed under every attempt is surfaced as connection-lost, with the code', async () => {
    const drop = await relay({ kind: 'drop-all' });
    const error = await client(drop.origin)
      .list()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'connection-lost', code: 'UND_ERR_SOCKET' });
    expect(drop.faults).toBe(2);
  });
});

describe('temporary files', () => {
  test("removeTemps deletes this device's leftover temporary files and leaves others' and real files", async () => {
    const dav = client();
    await dav.mkcol('temps');
    // What a cut upload can leave on servers that keep partial files.
    await dav.put('temps/.dev-a-0001.json.0123456789ab.tmp', 'half');
    await dav.put('temps/.dev-b-0001.json.ba9876543210.tmp', 'half');
    await dav.put('temps/dev-a-0001.json', 'whole');
    const removed = await dav.removeTemps('temps', (target) => target.startsWith('temps/dev-a-'));
    expect(removed).toEqual(['temps/.dev-a-0001.json.0123456789ab.tmp']);
    expect((await dav.list('temps')).map((e) => e.name).sort()).toEqual([
      '.dev-b-0001.json.ba9876543210.tmp',
      'dev-a-0001.json',
    ]);
  });
});
