// PROPFIND answers of different servers (test/fixtures/webdav/README.md), read through the client's
// list(): the DAV: namespace under any prefix, hrefs as paths or full URLs, any percent-encoding.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { WebDavClient } from '../../src/sync/webdav/client';
import { parseMultistatus } from '../../src/sync/webdav/multistatus';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/webdav/${name}`, import.meta.url), 'utf8');

afterEach(() => {
  vi.unstubAllGlobals();
});

async function listAnswer(folderUrl: string, body: string) {
  const seen: { method: string; url: string; depth: string | null }[] = [];
  vi.stubGlobal('fetch', async (url: URL, init: RequestInit) => {
    seen.push({ method: init.method!, url: String(url), depth: new Headers(init.headers).get('Depth') });
    return new Response(body, { status: 207, headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
  });
  const entries = await new WebDavClient({ url: folderUrl, user: 'u', password: 'p' }).list();
  expect(seen).toEqual([{ method: 'PROPFIND', url: folderUrl, depth: '1' }]);
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}

describe('listing parse', () => {
  test('Apache mod_dav_fs: D: and lp1: prefixes, lowercase percent-encoding, 404 propstat for folders', async () => {
    const entries = await listAnswer('http://127.0.0.1:8080/dav/Papershelf/', fixture('apache-2.4-mod_dav_fs.xml'));
    expect(entries).toEqual([
      {
        name: 'device-a 0001.json',
        isCollection: false,
        size: 7,
        etag: 'W/"7-661b5dd26f80b"',
        lastModified: Date.parse('2026-12-03T07:39:47Z'),
      },
      {
        name: 'notes é€.json',
        isCollection: false,
        size: 1234,
        etag: 'W/"4d2-661b5dd27368b"',
        lastModified: Date.parse('2026-12-03T07:39:47Z'),
      },
      {
        name: 'snapshots',
        isCollection: true,
        etag: 'W/"1000-661b5dd269a4b"',
        lastModified: Date.parse('2026-12-03T07:39:47Z'),
      },
    ]);
  });

  test('Nextcloud (sabre/dav): d: prefix among oc:/nc:, an ETag sent as &quot;, no size for a folder', async () => {
    const entries = await listAnswer(
      'https://cloud.example/remote.php/dav/files/user1/',
      fixture('nextcloud-share-attributes.xml'),
    );
    expect(entries).toEqual([
      {
        name: 'New folder',
        isCollection: true,
        etag: '"67ada8c90025b"',
        lastModified: Date.parse('2025-02-13T08:09:44Z'),
      },
    ]);
  });

  test('Seafile: ns0: prefix, uppercase percent-encoding, the listed folder itself left out', async () => {
    const entries = await listAnswer('https://seafile.example/seafdav/', fixture('seafile-seafdav.xml'));
    expect(entries).toEqual([
      { name: 'Ma bibliothèque', isCollection: true, etag: '2920f985ebc6692632c7c3ab46b3919556239d37' },
    ]);
  });

  test('default namespace with a D: prefix bound elsewhere: matched by namespace, not by prefix', async () => {
    const entries = await listAnswer(
      'https://dav.example.org/home/ada/Papershelf/',
      fixture('hand-default-namespace.xml'),
    );
    // Not 999 and not a folder (those are urn:example:not-dav elements); the 404 member and the
    // href outside the folder are left out.
    expect(entries).toEqual([
      {
        name: 'log é€ 0002.json',
        isCollection: false,
        size: 4096,
        etag: '"abc-4096"',
        lastModified: Date.parse('2026-12-02T10:00:00Z'),
      },
    ]);
  });
});

describe('bodies that are not a multistatus', () => {
  test.each([
    ['an HTML page', '<html><body>Log in</body></html>'],
    ['a truncated body', fixture('apache-2.4-mod_dav_fs.xml').slice(0, 700)],
    ['an empty body', ''],
    ['a multistatus in another namespace', '<multistatus xmlns="urn:not-dav"><response/></multistatus>'],
  ])('%s is refused', (_, body) => {
    expect(() => parseMultistatus(body)).toThrow();
  });
});
