// Builds a few of the project's TypeScript modules for Node and imports them, for the benches that
// time our code outside a browser (sync-click, sync-first). `exports` is the body of an entry module
// in a temporary folder under bench/, so its imports are written `'../../src/…'`. Dependencies stay
// in node_modules (an SSR build), as Node resolves them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const ROOT = new URL('..', import.meta.url).pathname;

/** @param {string} name  a word for the temporary folder  @param {string} exports  the entry's source */
export async function loadSource(name, exports) {
  const dir = mkdtempSync(join(ROOT, `bench/.${name}-`));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, exports);
  try {
    const out = await build({
      root: ROOT,
      configFile: false,
      logLevel: 'silent',
      build: { write: false, ssr: entry, rollupOptions: { output: { format: 'es' } } },
    });
    // write: false without watch gives the outputs, never a watcher.
    const outputs = /** @type {import('rolldown').RolldownOutput[]} */ (Array.isArray(out) ? out : [out]).flatMap(
      (o) => o.output,
    );
    const chunk = outputs.find((o) => o.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('no chunk built');
    const file = join(dir, 'entry.mjs');
    writeFileSync(file, chunk.code);
    return await import(pathToFileURL(file).href);
  } finally {
    setTimeout(() => rmSync(dir, { recursive: true, force: true }), 0);
  }
}
