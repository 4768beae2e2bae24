// A copy of the end-to-end build that holds access to this machine's sync server from install, as
// if the user had accepted the browser's prompt: Playwright cannot click Chromium's permission
// dialog, nor Puppeteer Firefox's. Used by the two-device tests (Chromium and Firefox) and the sync
// bench; the prompt itself is the panel's unit tests' business (test/unit/sync-panel.test.tsx).
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_DIST } from './browser.mjs';

/** @param {string} [from] the build to copy  @returns {Promise<string>} the copy's folder */
export async function serverGrantedBuild(from = E2E_DIST) {
  const dir = join(await mkdtemp(join(tmpdir(), 'papershelf-granted-')), 'extension');
  await cp(from, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8'));
  manifest.host_permissions.push('http://127.0.0.1/*');
  await writeFile(path, JSON.stringify(manifest));
  return dir;
}
