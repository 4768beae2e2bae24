import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { manifestFor, type Browser } from './build/browser-manifest.mjs';
import manifest from './manifest.json' with { type: 'json' };

// `vite build` makes dist/chrome/; `vite build --mode firefox` makes dist/firefox/ from the same
// sources and the same manifest.json (`npm run build` runs both). Modes `e2e` and `firefox-e2e`
// make dist/chrome-e2e/ and dist/firefox-e2e/ for the end-to-end tests: the same but for open
// shadow roots (src/content/shadow-mode.ts).
export default defineConfig(({ mode }) => {
  const browser: Browser = mode.startsWith('firefox') ? 'firefox' : 'chrome';
  const forTests = mode.endsWith('e2e');
  const browserManifest = manifestFor(browser, manifest);
  return {
    plugins: [
      crx({
        manifest: browserManifest as Parameters<typeof crx>[0]['manifest'],
        browser,
        // One self-contained classic script: no module loader and no dynamic import() of chunks,
        // which cost ~200 ms before the first control could appear on a large feed.
        contentScripts: { standaloneFiles: manifest.content_scripts.flatMap((c) => c.js) },
      }),
    ],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: `dist/${browser}${forTests ? '-e2e' : ''}`,
      // The oldest browser each build supports (Firefox: see build/browser-manifest.mjs).
      target: browser === 'firefox' ? 'firefox140' : 'chrome120',
      // Source maps stay out of the package users load; the content script is kept small.
      sourcemap: false,
      emptyOutDir: true,
      // Pages the manifest does not name: the first-run page the worker opens on install, and the
      // editors that open in a frame under a card's controls.
      rollupOptions: { input: { welcome: 'src/welcome/index.html', editor: 'src/editor/index.html' } },
    },
    // The dev server must not open a network port to anything but this machine.
    server: { host: '127.0.0.1', port: 5173, strictPort: true, hmr: { host: '127.0.0.1' } },
  };
});
