import { describe, expect, it } from 'vitest';
import { arxiv } from '../../src/sites/arxiv';
import expected from '../fixtures/expected-ids.json' with { type: 'json' };
import { loadCapture, loadHtml } from './capture';

type Capture = keyof typeof expected;
const parse = (file: Capture, url: string) => {
  const { document, url: u } = loadCapture(file, url);
  return arxiv.parse(document, u);
};

describe('arXiv adapter: matches', () => {
  it.each([
    ['https://arxiv.org/list/cs.RO/recent', true],
    ['https://arxiv.org/list/cs/new', true],
    ['https://arxiv.org/list/hep-th/pastweek', true],
    ['https://arxiv.org/list/cs/2301?skip=0&show=3', true],
    ['https://arxiv.org/list/cs/2023-01', true],
    ['https://arxiv.org/search/?query=distributed+systems&searchtype=abstract', true],
    ['https://arxiv.org/search/advanced?advanced=1', true],
    ['https://arxiv.org/abs/1706.03762', true],
    ['https://arxiv.org/abs/hep-th/9901001v2', true],
    ['https://arxiv.org/pdf/1706.03762', false],
    ['https://arxiv.org/', false],
    ['https://example.org/list/cs/new', false],
  ])('%s → %s', (url, ok) => {
    expect(arxiv.matches(new URL(url))).toBe(ok);
  });
});

describe('arXiv adapter on real captures', () => {
  it.each([
    ['arxiv/list-cs.RO-recent-2025-11-13.html', 'https://arxiv.org/list/cs.RO/recent', 50],
    ['arxiv/list-cs-new-2018-07-20-legacy.html', 'https://arxiv.org/list/cs/new', 87],
    ['arxiv/list-cs-2301-month-prettified.html', 'https://arxiv.org/list/cs/2301?skip=0&show=3', 3],
    ['arxiv/list-empty-prettified.html', 'https://arxiv.org/list/cs/2301', 0],
    [
      'arxiv/search-distributed-systems-2025-12.html',
      'https://arxiv.org/search/?query=distributed+systems&searchtype=abstract&size=200',
      200,
    ],
    ['arxiv/abs-1706.03762.html', 'https://arxiv.org/abs/1706.03762', 1],
    ['arxiv/abs-1902.02534-head-only.html', 'https://arxiv.org/abs/1902.02534', 1],
  ] as [Capture, string, number][])('%s: the exact ids, %d of them, once each', (file, url, count) => {
    const ids = parse(file, url).map((l) => l.paper.id);
    expect(ids).toHaveLength(count);
    expect(ids).toEqual(expected[file]);
    expect(new Set(ids).size).toBe(count);
  });

  it('reads a modern listing entry: title, authors, categories; the dt carries it, the dd goes with it', () => {
    const [first] = parse('arxiv/list-cs.RO-recent-2025-11-13.html', 'https://arxiv.org/list/cs.RO/recent');
    expect(first!.paper).toMatchObject({
      id: '2511.08583',
      title: 'SeFA-Policy: Fast and Accurate Visuomotor Policy Learning with Selective Flow Alignment',
      authors: ['Rong Xue', 'Jiageng Mao', 'Mingtong Zhang', 'Yue Wang'],
      categories: ['cs.RO', 'cs.LG'],
    });
    expect(first!.element.tagName).toBe('DT');
    expect(first!.companions?.[0]?.tagName).toBe('DD');
    expect(first!.mount).toMatchObject({ anchor: first!.element, where: 'beforeend' });
  });

  it('reads the legacy /new markup, with abstracts, and ignores links to other papers in comments', () => {
    const listings = parse('arxiv/list-cs-new-2018-07-20-legacy.html', 'https://arxiv.org/list/cs/new');
    expect(listings[0]!.paper).toMatchObject({
      id: '1807.07067',
      title: 'A Fixed-Parameter Linear-Time Algorithm to Compute Principal Typings of Planar Flow Networks',
      authors: ['Assaf Kfoury'],
      categories: ['cs.DS'],
    });
    expect(listings[0]!.paper.abstract).toMatch(/^We present an alternative and simpler method/);
    expect(listings[1]!.paper.authors).toEqual(['Étienne André', 'Didier Lime', 'Nicolas Markey']);
    expect(listings.map((l) => l.paper.id)).not.toContain('1807.04186');
  });

  it('reads the month listing', () => {
    const [first] = parse('arxiv/list-cs-2301-month-prettified.html', 'https://arxiv.org/list/cs/2301?skip=0&show=3');
    expect(first!.paper).toMatchObject({ id: '2301.00001', title: 'NFTrig', categories: ['cs.HC'] });
    expect(first!.paper.authors[0]).toBe('Jordan Thompson');
    expect(first!.paper.authors.at(-1)).toBe('Tauheed Khan Mohd');
  });

  it('reads a search result: title, authors, full abstract without its toggle, categories', () => {
    const [first] = parse(
      'arxiv/search-distributed-systems-2025-12.html',
      'https://arxiv.org/search/?query=distributed+systems',
    );
    expect(first!.element.tagName).toBe('LI');
    expect(first!.paper).toMatchObject({
      id: '2512.03003',
      title: 'The role of the top Yukawa coupling in triple Higgs production at the LHC',
      authors: ['Luca Panizzi'],
      categories: ['hep-ph'],
    });
    expect(first!.paper.abstract).toMatch(/^In this letter I quantify .* other global observables\.$/);
  });

  it('reads an abstract page from its citation meta tags, as opened, with the version of its URL', () => {
    const [paper] = parse('arxiv/abs-1706.03762.html', 'https://arxiv.org/abs/1706.03762v5');
    expect(paper!.single).toBe(true);
    expect(paper!.paper).toMatchObject({
      id: '1706.03762',
      version: 5,
      title: 'Attention Is All You Need',
      published: '2017-06-12',
      opened: true,
      categories: ['cs.CL', 'cs.LG'],
    });
    expect(paper!.paper.authors.slice(0, 2)).toEqual(['Ashish Vaswani', 'Noam Shazeer']);
    expect(paper!.paper.abstract).toMatch(/^The dominant sequence transduction models/);
    expect(paper!.mount.anchor.matches('h1.title')).toBe(true);
  });

  it('reads an abstract page whose body is missing', () => {
    const [paper] = parse('arxiv/abs-1902.02534-head-only.html', 'https://arxiv.org/abs/1902.02534');
    expect(paper!.paper).toMatchObject({
      id: '1902.02534',
      title:
        'Crowdsourcing open citations with CROCI -- An analysis of the current status of open citations, and a proposal',
      authors: ['Ivan Heibi', 'Silvio Peroni', 'David Shotton'],
      published: '2019-02-07',
    });
    expect(paper!.element).toBe(paper!.element.ownerDocument.body);
  });

  it('leaves pages it does not understand alone', () => {
    const { document, url } = loadHtml(
      '<dl><dt><a href="/list/cs/new">no paper</a></dt></dl>',
      'https://arxiv.org/list/cs/new',
    );
    expect(arxiv.parse(document, url)).toEqual([]);
  });
});
