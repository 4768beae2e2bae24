import type { PaperSighting } from '../shared/model';

/**
 * Keeps what a page says about a paper within the protocol's limits, so one odd entry (a
 * collaboration paper with thousands of authors) cannot get the whole page's batch refused.
 */
export function withinLimits(p: PaperSighting): PaperSighting {
  const text = (s: string) => s.slice(0, 20_000);
  return {
    ...p,
    title: text(p.title),
    authors: p.authors.slice(0, 5_000).map((a) => a.slice(0, 500)),
    ...(p.abstract !== undefined ? { abstract: text(p.abstract) } : {}),
    ...(p.categories ? { categories: p.categories.slice(0, 50).map((c) => c.slice(0, 40)) } : {}),
  };
}
