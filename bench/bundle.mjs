// Size of what the content script loads: the loader and every chunk it imports, gzipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../scripts/browser.mjs';

export function contentScriptFiles() {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) visit(dir + m[1]);
    for (const m of code.matchAll(/getURL\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) visit(m[1]);
  };
  for (const script of manifest.content_scripts) for (const file of script.js) visit(file);
  return [...seen];
}

export function contentScriptSize() {
  const files = contentScriptFiles();
  const contents = files.map((f) => readFileSync(join(DIST, f)));
  const perFile = contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0);
  const raw = contents.reduce((sum, c) => sum + c.length, 0);
  return { files, raw, gzipPerFile: perFile, gzipTogether: gzipSync(Buffer.concat(contents), { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = contentScriptSize();
  console.log(JSON.stringify(s, null, 2));
}
