import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [
    crx({
      manifest: manifest as Parameters<typeof crx>[0]['manifest'],
      // One self-contained classic script: no module loader and no dynamic import() of chunks,
      // which cost ~200 ms before the first control could appear on a large feed.
      contentScripts: { standaloneFiles: manifest.content_scripts.flatMap((c) => c.js) },
    }),
  ],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'chrome120',
    // Source maps stay out of the package users load; the content script is kept small.
    sourcemap: false,
    emptyOutDir: true,
    // Pages the manifest does not name: the first-run page the worker opens on install.
    rollupOptions: { input: { welcome: 'src/welcome/index.html' } },
  },
  // The dev server must not open a network port to anything but this machine.
  server: { host: '127.0.0.1', port: 5173, strictPort: true, hmr: { host: '127.0.0.1' } },
});
