/**
 * Hugging Face pages are server-rendered Svelte islands: `[data-target][data-props]` elements
 * whose JSON holds what the markup lacks (abstract, author names, upvotes). The JSON only ever
 * enriches a paper found in the markup; a page without it, or with JSON that does not parse,
 * is read from the markup alone.
 */
import { parseArxivId } from '../../shared/ids';
import type { PaperSighting } from '../../shared/model';

export type Enrichment = Partial<Pick<PaperSighting, 'abstract' | 'authors' | 'upvotes' | 'title'>>;

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
    const info: Enrichment = { title: record.title.replace(/\s+/g, ' ').trim() };
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

/** Every paper described by the page's islands, by canonical id. */
export function islandPapers(document: Document): Map<string, Enrichment> {
  const all = new Map<string, Enrichment>();
  for (const island of document.querySelectorAll('[data-target][data-props]')) {
    const raw = island.getAttribute('data-props') ?? '';
    let cached = propsCache.get(island);
    if (!cached || cached.raw !== raw) {
      const papers = new Map<string, Enrichment>();
      try {
        collectPapers(JSON.parse(raw), papers);
      } catch {
        // Not JSON: the markup alone is used.
      }
      cached = { raw, papers };
      propsCache.set(island, cached);
    }
    for (const [id, info] of cached.papers) all.set(id, { ...all.get(id), ...info });
  }
  return all;
}

/** The enrichment fields a sighting takes from an island (never the title: the markup's wins). */
export function enrichmentFields(info: Enrichment | undefined): Partial<PaperSighting> {
  return {
    ...(info?.abstract ? { abstract: info.abstract } : {}),
    ...(info?.upvotes !== undefined ? { upvotes: info.upvotes } : {}),
  };
}
