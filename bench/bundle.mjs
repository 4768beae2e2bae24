// Size of what a page loads of each content script (one per site): the script and any file it
// imports (none today: each is one self-contained classic script), gzipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../scripts/browser.mjs';

function filesOf(script) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) visit(dir + m[1]);
    for (const m of code.matchAll(/getURL\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) visit(m[1]);
  };
  for (const file of script.js) visit(file);
  return [...seen];
}

/**
 * Per content script of the built manifest: its files, raw bytes and gzipped bytes.
 * @returns {{ matches: string[], files: string[], raw: number, gzip: number }[]}
 */
export function contentScriptSizes() {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  return manifest.content_scripts.map((script) => {
    const files = filesOf(script);
    const contents = files.map((f) => readFileSync(join(DIST, f)));
    return {
      matches: script.matches,
      files,
      raw: contents.reduce((sum, c) => sum + c.length, 0),
      gzip: gzipSync(Buffer.concat(contents), { level: 9 }).length,
    };
  });
}

/** One line per content script, for the bench report. */
export function reportContentScripts() {
  for (const s of contentScriptSizes()) {
    console.log(`content script for ${s.matches.join(' ')}: ${s.files.join(', ')}: ${s.raw.toLocaleString('en')} B raw, ${s.gzip.toLocaleString('en')} B gzipped (target < 15,000)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) reportContentScripts();
