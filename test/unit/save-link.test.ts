import { describe, expect, it } from 'vitest';
import { handle } from '../../src/background/handlers';
import { PAPER_LINK_PATTERNS, saveLinkRequest } from '../../src/background/save-link';
import { parseRequest } from '../../src/shared/requests';
import { workerContext } from './worker-context';

/** A match pattern as the browser applies it to a link (scheme, host, path with * as a wildcard). */
const matches = (pattern: string, url: string) =>
  new RegExp(`^${pattern.replace(/[.?]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url);

describe('Save to Papershelf on a paper link', () => {
  it('is offered on links to arXiv abstract, PDF and HTML pages and Hugging Face paper pages, not elsewhere', () => {
    const offered = (url: string) => PAPER_LINK_PATTERNS.some((p) => matches(p, url));
    for (const url of [
      'https://arxiv.org/abs/1706.03762',
      'https://arxiv.org/pdf/1706.03762v7',
      'https://arxiv.org/html/2407.21783v2',
      'https://huggingface.co/papers/2407.21783',
    ]) {
      expect(offered(url), url).toBe(true);
    }
    for (const url of [
      'https://arxiv.org/list/cs.LG/new',
      'https://example.org/abs/1706.03762',
      'https://huggingface.co/models',
    ]) {
      expect(offered(url), url).toBe(false);
    }
  });

  it('saves the linked paper for later, by its canonical id, and asks nothing of a link that names no paper', async () => {
    expect(saveLinkRequest('https://arxiv.org/pdf/1706.03762v7')).toEqual({
      type: 'paper/setSaved',
      id: '1706.03762',
      saved: true,
    });
    expect(saveLinkRequest('https://huggingface.co/papers/date/2024-08-01')).toBeUndefined();
    expect(saveLinkRequest(undefined)).toBeUndefined();
    // The request is one the worker's own validation accepts.
    expect(parseRequest(saveLinkRequest('https://huggingface.co/papers/2407.21783')).ok).toBe(true);

    const { ctx, pushed } = workerContext({ senderUrl: 'https://news.example/ml-roundup' });
    await handle(saveLinkRequest('https://arxiv.org/abs/2407.21783')!, ctx);
    const stored = await ctx.db.papers.get('2407.21783');
    expect(stored?.savedAt).toEqual(expect.any(Number));
    expect(stored?.firstSeenUrl).toBe('https://news.example/ml-roundup');
    // Open tabs showing the paper follow.
    expect(pushed.states.flat()).toEqual([expect.objectContaining({ id: '2407.21783', saved: true })]);
  });
});
