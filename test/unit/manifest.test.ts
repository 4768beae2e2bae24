import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MATCH_PATTERNS } from '../../src/sites/registry';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../manifest.json'), 'utf8'));

describe('manifest.json', () => {
  it('injects the content script exactly where the site adapters work', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    expect(manifest.content_scripts[0].matches).toEqual(MATCH_PATTERNS);
    expect(manifest.host_permissions).toEqual(MATCH_PATTERNS);
  });

  it('asks for no permission beyond activeTab (IndexedDB needs none)', () => {
    expect(manifest.permissions).toEqual(['activeTab']);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"tabs"|externally_connectable/);
  });
});

describe('site registry', () => {
  it('has one adapter per site id the settings know', async () => {
    const { ADAPTERS } = await import('../../src/sites/registry');
    const { SITE_IDS } = await import('../../src/shared/model');
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual([...SITE_IDS].sort());
  });
});
