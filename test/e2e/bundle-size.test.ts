// The content script a supported page loads stays under its 15 kB budget (gzipped), per site.
// It runs after `vite build`, with the end-to-end tests, on the dist/ they load.
import { describe, expect, it } from 'vitest';
import { contentScriptSizes } from '../../bench/bundle.mjs';

describe('content script budget', () => {
  it('keeps each site’s content script under 15,000 bytes gzipped', () => {
    const sizes = contentScriptSizes();
    expect(sizes.map((s) => s.matches[0])).toEqual(['https://huggingface.co/papers*', 'https://arxiv.org/list/*']);
    for (const s of sizes) expect(s.gzip, s.files.join(', ')).toBeLessThan(15_000);
  });
});
