// Size of what a page loads of each content script (one per site): the script and any file it
// imports (none today: each is one self-contained classic script), gzipped, in each build.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../scripts/browser.mjs';

/** Both builds `npm run build` makes. */
export const BUILDS = { chrome: DIST, firefox: resolve(DIST, '../firefox') };

function filesOf(dist, script) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) visit(dir + m[1]);
    for (const m of code.matchAll(/getURL\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) visit(m[1]);
  };
  for (const file of script.js) visit(file);
  return [...seen];
}

/**
 * Per content script of a built manifest: its files, raw bytes and gzipped bytes.
 * @param {string} [dist]  a build folder (default: the Chromium build)
 * @returns {{ matches: string[], files: string[], raw: number, gzip: number }[]}
 */
export function contentScriptSizes(dist = DIST) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  return manifest.content_scripts.map((script) => {
    const files = filesOf(dist, script);
    const contents = files.map((f) => readFileSync(join(dist, f)));
    return {
      matches: script.matches,
      files,
      raw: contents.reduce((sum, c) => sum + c.length, 0),
      gzip: gzipSync(Buffer.concat(contents), { level: 9 }).length,
    };
  });
}

/** One line per content script and build, for the bench report. */
export function reportContentScripts() {
  for (const [browser, dist] of Object.entries(BUILDS)) {
    for (const s of contentScriptSizes(dist)) {
      console.log(
        `${browser} content script for ${s.matches.join(' ')}: ${s.files.join(', ')}: ${s.raw.toLocaleString('en')} B raw, ${s.gzip.toLocaleString('en')} B gzipped (target < 15,000)`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) reportContentScripts();
