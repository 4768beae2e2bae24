// A copy of the end-to-end build that holds access to this machine's sync server from install, as
// if the user had accepted the browser's prompt: Playwright cannot click Chromium's permission
// dialog. The prompt itself is the panel's unit tests' business (test/unit/sync-panel.test.tsx).
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_DIST } from '../../scripts/browser.mjs';

export async function serverGrantedBuild(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'papershelf-granted-')), 'extension');
  await cp(E2E_DIST, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push('http://127.0.0.1/*');
  await writeFile(path, JSON.stringify(manifest));
  return dir;
}
