import { describe, expect, it } from 'vitest';
import { huggingFace } from '../../src/sites/huggingface';
import expected from '../fixtures/expected-ids.json' with { type: 'json' };
import { fixture, loadCapture, loadHtml } from './capture';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
// Found independently of the adapter (test/fixtures/expected-ids.json says how).
const FEED_IDS = expected['huggingface/daily-papers-2024-08-01.html'];

describe('Hugging Face adapter: matches', () => {
  it.each([
    ['https://huggingface.co/papers', true],
    ['https://huggingface.co/papers?date=2024-08-01', true],
    ['https://huggingface.co/papers/date/2024-08-01', true],
    ['https://huggingface.co/papers/week/2024-W31', true],
    ['https://huggingface.co/papers/month/2024-08', true],
    ['https://huggingface.co/papers/trending', true],
    ['https://huggingface.co/papers/2407.21783', true],
    ['https://huggingface.co/papers/not-a-paper', false],
    ['https://huggingface.co/models', false],
    ['https://huggingface.co/papersearch', false],
    ['https://example.com/papers', false],
  ])('%s → %s', (url, expected) => {
    expect(huggingFace.matches(new URL(url))).toBe(expected);
  });
});

describe('Hugging Face adapter: parse', () => {
  it('finds the 13 papers of the 2024-08-01 capture, in page order, each once', () => {
    const { document, url } = loadCapture('huggingface/daily-papers-2024-08-01.html', FEED);
    const listings = huggingFace.parse(document, url);
    expect(listings.map((l) => l.paper.id)).toEqual(FEED_IDS);
  });

  it('reads title from the card and abstract, authors and upvotes from the island JSON', () => {
    const { document, url } = loadCapture('huggingface/daily-papers-2024-08-01.html', FEED);
    const llama = huggingFace.parse(document, url)[0]!;
    expect(llama.paper.title).toBe('The Llama 3 Herd of Models');
    expect(llama.paper.authors[0]).toBe('Abhimanyu Dubey');
    expect(llama.paper.authors.length).toBeGreaterThan(100);
    expect(llama.paper.abstract).toMatch(
      /^Modern artificial intelligence \(AI\) systems are powered by foundation models\. This paper/,
    );
    expect(llama.paper.upvotes).toBe(94);
    expect(llama.element.tagName).toBe('ARTICLE');
    expect(llama.element.contains(llama.mount.anchor)).toBe(true);
  });

  it('finds the same cards when the page has no island JSON', () => {
    const html = fixture('huggingface/daily-papers-2024-08-01.html').replace(/data-props="[^"]*"/g, '');
    const { document, url } = loadHtml(html, FEED);
    const listings = huggingFace.parse(document, url);
    expect(listings.map((l) => l.paper.id)).toEqual(FEED_IDS);
    expect(listings[0]!.paper).toEqual({ id: '2407.21783', title: 'The Llama 3 Herd of Models', authors: [] });
  });

  it('ignores island JSON that is not JSON', () => {
    const html = fixture('huggingface/daily-papers-2024-08-01.html').replace(
      /data-props="[^"]*"/,
      'data-props="{oops"',
    );
    const { document, url } = loadHtml(html, FEED);
    expect(huggingFace.parse(document, url)).toHaveLength(13);
  });

  it('finds all 57 papers of the demo feed built from the seed', () => {
    const { document, url } = loadCapture(
      'demo/daily-papers-2025-08-05.html',
      'https://huggingface.co/papers/date/2025-08-05',
    );
    const ids = huggingFace.parse(document, url).map((l) => l.paper.id);
    expect(ids).toHaveLength(57);
    expect(new Set(ids).size).toBe(57);
    expect(ids[0]).toBe('2406.04344');
  });

  it('finds the one paper of a paper page, and not its collection articles', () => {
    const { document, url } = loadCapture(
      'huggingface/paper-page-2509.24002-prettified.html',
      'https://huggingface.co/papers/2509.24002',
    );
    const listings = huggingFace.parse(document, url);
    expect(listings.map((l) => l.paper.id)).toEqual(expected['huggingface/paper-page-2509.24002-prettified.html']);
    const [paper] = listings;
    expect(paper!.single).toBe(true);
    expect(paper!.paper.opened).toBe(true);
    expect(paper!.paper.title).toBe('MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use');
    expect(paper!.element.tagName).not.toBe('ARTICLE');
    expect(paper!.mount.anchor.tagName).toBe('H1');
  });

  it('leaves a page without cards alone', () => {
    const { document, url } = loadHtml('<main><article><h3>Not a paper</h3></article></main>', FEED);
    expect(huggingFace.parse(document, url)).toEqual([]);
  });
});

describe('Hugging Face adapter: room reserved for the controls', () => {
  // The core reserves room under every element the selector matches before any card arrives: an
  // element it matches where no controls go would keep an empty gap, one it misses would move.
  it.each([
    ['huggingface/daily-papers-2024-08-01.html', FEED],
    ['demo/daily-papers-2025-08-05.html', 'https://huggingface.co/papers/date/2025-08-05'],
  ])('on %s, selects exactly the elements the controls follow', (file, href) => {
    const { document, url } = loadCapture(file, href);
    const selector = huggingFace.controlSlots!(url)!;
    const anchors = huggingFace.parse(document, url).map((l) => {
      expect(l.mount.where).toBe('afterend');
      return l.mount.anchor;
    });
    expect([...document.querySelectorAll(selector)]).toEqual(anchors);
  });

  it('reserves nothing on a paper page, whose controls follow its heading', () => {
    const { document, url } = loadCapture(
      'huggingface/paper-page-2509.24002-prettified.html',
      'https://huggingface.co/papers/2509.24002',
    );
    expect(huggingFace.controlSlots!(url)).toBeUndefined();
    expect(huggingFace.parse(document, url)).toHaveLength(1);
  });

  it('leaves collection articles and other headings without room', () => {
    const { document, url } = loadHtml(
      '<main><article><h3><a href="/collections/x">A collection</a></h3></article><article><h3><a href="/papers/2407.21783">Llama</a></h3></article><h3><a href="/papers/2407.21705">Outside a card</a></h3></main>',
      FEED,
    );
    expect([...document.querySelectorAll(huggingFace.controlSlots!(url)!)].map((e) => e.textContent)).toEqual([
      'Llama',
    ]);
  });
});
