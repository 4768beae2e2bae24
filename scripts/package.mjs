// `npm run package` (after `npm run build`): the store uploads in dist/packages/
//   papershelf-chrome-<version>.zip     Chrome Web Store (dist/chrome/)
//   papershelf-firefox-<version>.xpi    addons.mozilla.org or a signed self-hosted install (dist/firefox/)
//   papershelf-source-<version>.zip     the sources AMO asks for when a package is built from them:
//                                       `git archive` of HEAD, built with `npm ci && npm run build`
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';
import { DIST } from './browser.mjs';
import { FIREFOX_DIST } from './firefox.mjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist', 'packages');
const { version } = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
mkdirSync(out, { recursive: true });

/** Zips a build folder with web-ext (the layout both stores expect: manifest.json at the root). */
async function zip(sourceDir, filename) {
  const { extensionPath } = await webExt.cmd.build(
    { sourceDir, artifactsDir: out, filename, overwriteDest: true },
    { shouldExitProgram: false },
  );
  console.log(`wrote ${extensionPath}`);
}

await zip(DIST, `papershelf-chrome-${version}.zip`);
await zip(FIREFOX_DIST, `papershelf-firefox-${version}.xpi`);

const source = join(out, `papershelf-source-${version}.zip`);
execFileSync('git', ['archive', '--format=zip', `--prefix=papershelf-${version}/`, '-o', source, 'HEAD'], {
  cwd: root,
});
console.log(`wrote ${source}`);
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
  cwd: root,
  encoding: 'utf8',
}).trim();
if (dirty)
  console.warn('warning: the source archive is HEAD, and the work tree has uncommitted changes the packages include');
