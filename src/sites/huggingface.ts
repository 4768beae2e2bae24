/**
 * Hugging Face Daily Papers (/papers and its date, week, month and trending views).
 *
 * The pages are server-rendered Svelte islands whose Tailwind classes change between releases,
 * so cards are found by structure and URLs only: an `article` holding `h3 > a[href="/papers/<id>"]`.
 * The island's `data-props` JSON, when present, adds what the markup lacks (abstract, author names,
 * upvotes); without it the cards are found the same way.
 */
import { parseArxivId } from '../shared/ids';
import type { PaperSighting } from '../shared/model';
import type { Listing, SiteAdapter } from './types';

const FEED_PATH = /^\/papers(?:\/(?:date\/\d{4}-\d{2}-\d{2}|week\/[\w-]+|month\/[\w-]+|trending))?\/?$/;

type Enrichment = Partial<Pick<PaperSighting, 'abstract' | 'authors' | 'upvotes'>>;

// Parsing the island JSON (hundreds of kB) once per distinct attribute value, not once per scan.
const propsCache = new WeakMap<Element, { raw: string; papers: Map<string, Enrichment> }>();

function collectPapers(node: unknown, out: Map<string, Enrichment>, depth = 0): void {
  if (depth > 8 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectPapers(item, out, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  const id = typeof record.id === 'string' ? parseArxivId(record.id)?.id : undefined;
  if (id && typeof record.title === 'string') {
    const info: Enrichment = {};
    if (typeof record.summary === 'string') info.abstract = record.summary.replace(/\s+/g, ' ').trim();
    if (Array.isArray(record.authors)) {
      info.authors = record.authors
        .map((a) => (a && typeof a === 'object' ? (a as Record<string, unknown>).name : undefined))
        .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
        .map((n) => n.trim());
    }
    if (typeof record.upvotes === 'number' && Number.isInteger(record.upvotes) && record.upvotes >= 0) {
      info.upvotes = record.upvotes;
    }
    out.set(id, { ...out.get(id), ...info });
  }
  for (const value of Object.values(record)) collectPapers(value, out, depth + 1);
}

function islandPapers(document: Document): Map<string, Enrichment> {
  const all = new Map<string, Enrichment>();
  for (const island of document.querySelectorAll('[data-target][data-props]')) {
    const raw = island.getAttribute('data-props') ?? '';
    let cached = propsCache.get(island);
    if (!cached || cached.raw !== raw) {
      const papers = new Map<string, Enrichment>();
      try {
        collectPapers(JSON.parse(raw), papers);
      } catch {
        // A page whose island data is not JSON is read from its markup alone.
      }
      cached = { raw, papers };
      propsCache.set(island, cached);
    }
    for (const [id, info] of cached.papers) all.set(id, { ...all.get(id), ...info });
  }
  return all;
}

// One query for every card title on the page; each link then finds its card. Cheaper than a
// query per article, which matters on a thousand-card feed scanned while it streams in.
const TITLE_LINKS = 'article h3 > a[href^="/papers/"], article h3 > a[href^="https://huggingface.co/papers/"]';

export const huggingFace: SiteAdapter = {
  id: 'huggingface',
  name: 'Hugging Face Daily Papers',
  matchPatterns: ['https://huggingface.co/papers*'],

  matches(url) {
    return url.hostname === 'huggingface.co' && FEED_PATH.test(url.pathname);
  },

  parse(document) {
    const enrich = islandPapers(document);
    const listings: Listing[] = [];
    const taken = new Set<Element>();
    for (const link of document.querySelectorAll<HTMLAnchorElement>(TITLE_LINKS)) {
      const article = link.closest<HTMLElement>('article');
      if (!article || taken.has(article)) continue;
      const parsed = parseArxivId(link.getAttribute('href') ?? '');
      if (!parsed) continue;
      taken.add(article);
      const info = enrich.get(parsed.id);
      const title = (link.textContent ?? '').replace(/\s+/g, ' ').trim();
      listings.push({
        element: article,
        paper: {
          id: parsed.id,
          title,
          authors: info?.authors ?? [],
          ...(info?.abstract ? { abstract: info.abstract } : {}),
          ...(info?.upvotes !== undefined ? { upvotes: info.upvotes } : {}),
        },
        mount: { anchor: link.parentElement!, where: 'afterend' },
      });
    }
    return listings;
  },
};
