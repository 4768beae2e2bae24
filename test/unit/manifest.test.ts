import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ADAPTERS, MATCH_PATTERNS } from '../../src/sites/registry';

// The entries only wire an adapter to the shelf; what they wire is what is checked.
vi.mock('../../src/content/start', () => ({ startShelf: vi.fn() }));

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../manifest.json'), 'utf8'));

describe('manifest.json', () => {
  it("injects each site its own content script, exactly where that site's adapter works", () => {
    expect(manifest.content_scripts).toEqual(
      ADAPTERS.map((a) => ({
        matches: a.matchPatterns,
        js: [`src/content/entries/${a.id}.ts`],
        run_at: 'document_start',
      })),
    );
    expect(manifest.host_permissions).toEqual(MATCH_PATTERNS);
  });

  it("starts, in each site's content script, that site's adapter and no other", async () => {
    const { startShelf } = await import('../../src/content/start');
    for (const a of ADAPTERS) {
      vi.mocked(startShelf).mockClear();
      await import(`../../src/content/entries/${a.id}.ts`);
      const calls = vi.mocked(startShelf).mock.calls;
      expect(calls.map(([adapters]) => adapters)).toEqual([[a]]);
      // Room for the controls is reserved only where the adapter names the slots.
      expect(typeof calls[0]![1]).toBe(a.controlSlots ? 'function' : 'undefined');
    }
  });

  it('asks for no permission beyond activeTab, contextMenus, storage and unlimitedStorage', () => {
    // alarms: sync's periodic run (background/sync/scheduler.ts); it grants no access to anything.
    // contextMenus: "Save to Papershelf" on paper links; it grants no access to any page.
    // storage: the outbox (shared/outbox.ts), where a write waits until the worker applies it, so
    // a write made just before its tab closes is kept; extension storage, which no page can reach.
    // unlimitedStorage: the browser keeps the library's IndexedDB as persistent storage (never
    // evicted to free disk space); it grants no access to anything either.
    expect(manifest.permissions).toEqual(['activeTab', 'alarms', 'contextMenus', 'storage', 'unlimitedStorage']);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"tabs"|externally_connectable/);
  });

  it('may ask, only when the user saves a sync server, for https servers and plain http on this machine only', () => {
    // Sync's WebDAV server (options → Sync asks for that one origin; src/grants/server-access.ts).
    // Plain http would carry the password in clear (Basic auth) across the network: only localhost.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    expect(manifest.optional_permissions).toBeUndefined();
  });
});

describe('site registry', () => {
  it('has one adapter per site id the settings know', async () => {
    const { SITE_IDS } = await import('../../src/shared/model');
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual([...SITE_IDS].sort());
  });
});

describe('the Firefox manifest, derived from manifest.json at build time', () => {
  it('runs the same background script as an event page and declares the add-on for AMO', async () => {
    const { manifestFor } = await import('../../build/browser-manifest.mjs');
    const firefox = manifestFor('firefox', manifest);
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: 'papershelf@papershelf.invalid',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
    // Everything else is manifest.json's, unchanged.
    const { background: _fb, browser_specific_settings: _bss, ...rest } = firefox;
    const { background: _cb, ...chromeRest } = manifest;
    expect(rest).toEqual(chromeRest);
    expect(manifestFor('chrome', manifest)).toEqual(manifest);
  });
});
