import { SIGHTING_LIMITS as MAX, type PaperSighting } from '../shared/model';

/**
 * Keeps what a page says about a paper within the protocol's limits, so one odd entry (a
 * collaboration paper with thousands of authors, a padded abstract) cannot get the whole page's
 * batch refused.
 */
export function withinLimits(p: PaperSighting): PaperSighting {
  return {
    ...p,
    title: p.title.slice(0, MAX.title),
    authors: p.authors.slice(0, MAX.authors).map((a) => a.slice(0, MAX.author)),
    ...(p.abstract !== undefined ? { abstract: p.abstract.slice(0, MAX.abstract) } : {}),
    ...(p.categories ? { categories: p.categories.slice(0, MAX.categories).map((c) => c.slice(0, 40)) } : {}),
  };
}
