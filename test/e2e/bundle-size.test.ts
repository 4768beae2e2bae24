// The content script a supported page loads stays under its 15 kB budget (gzipped), per site and
// per browser. It runs after `npm run build`, with the end-to-end tests, on the builds they load.
import { describe, expect, it } from 'vitest';
import { BUILDS, contentScriptSizes } from '../../bench/bundle.mjs';

describe('content script budget', () => {
  it.each(Object.entries(BUILDS))(
    'keeps each site’s content script in the %s build under 15,000 bytes gzipped',
    (_, dist) => {
      const sizes = contentScriptSizes(dist);
      expect(sizes.map((s) => s.matches[0])).toEqual(['https://huggingface.co/papers*', 'https://arxiv.org/list/*']);
      for (const s of sizes) expect(s.gzip, s.files.join(', ')).toBeLessThan(15_000);
    },
  );
});
