// Names on the wire and back, temporary names, and the host permission a folder needs.
import { describe, expect, test } from 'vitest';
import { folderUrl, nameIn, originPattern, targetOfTemp, tempNameFor, urlOf } from '../../src/sync/webdav/paths';

describe('names', () => {
  const folder = folderUrl('https://cloud.example/remote.php/dav/files/ada/Paper shelf');

  test('a folder address gains its final slash; query and fragment are dropped', () => {
    expect(folderUrl('https://h.example/dav?x=1#y').href).toBe('https://h.example/dav/');
  });

  test('each segment is percent-encoded on the wire and read back the same from any server spelling', () => {
    const url = urlOf(folder, 'sub/a b#?é€.json');
    expect(url.pathname).toBe('/remote.php/dav/files/ada/Paper%20shelf/sub/a%20b%23%3F%C3%A9%E2%82%AC.json');
    const sub = urlOf(folder, 'sub', true);
    expect(nameIn(sub, url.pathname)).toBe('a b#?é€.json');
    expect(nameIn(sub, `${sub.pathname}a%20b%23%3f%c3%a9%e2%82%ac.json`)).toBe('a b#?é€.json');
    expect(nameIn(sub, url.href)).toBe('a b#?é€.json');
  });

  test('the folder itself, deeper paths and paths elsewhere are not members', () => {
    expect(nameIn(folder, folder.pathname)).toBeUndefined();
    expect(nameIn(folder, `${folder.pathname}a/b`)).toBeUndefined();
    expect(nameIn(folder, '/remote.php/dav/files/bob/x')).toBeUndefined();
    expect(nameIn(folder, `${folder.pathname}%E0%A4%A`)).toBeUndefined();
  });

  test.each(['', '/abs', 'a//b', '../up', 'a/./b', 'a/'])('%j is not a name inside the folder', (name) => {
    expect(() => urlOf(folder, name)).toThrow(TypeError);
  });

  test('a temporary name sits beside its target, hidden, and leads back to it', () => {
    const temp = tempNameFor('log/dev-a 0001.json', '0a1b2c3d4e5f');
    expect(temp).toBe('log/.dev-a 0001.json.0a1b2c3d4e5f.tmp');
    expect(targetOfTemp(temp.slice('log/'.length))).toBe('dev-a 0001.json');
    expect(targetOfTemp('.hidden.json')).toBeUndefined();
    expect(targetOfTemp('dev-a 0001.json')).toBeUndefined();
    // Nextcloud and ownCloud refuse these extensions over WebDAV.
    expect(temp).not.toMatch(/\.(file)?part$/);
  });
});

describe('host permission', () => {
  test('the pattern names scheme and host, never the port or path', () => {
    expect(originPattern('https://cloud.example:8443/remote.php/dav/files/ada/')).toBe('https://cloud.example/*');
    expect(originPattern('http://192.168.1.20:5005/webdav')).toBe('http://192.168.1.20/*');
  });

  test('an address that is not http(s) or carries credentials is refused', () => {
    expect(() => originPattern('ftp://cloud.example/')).toThrow(TypeError);
    expect(() => originPattern('https://ada:pw@cloud.example/')).toThrow(TypeError);
  });
});
