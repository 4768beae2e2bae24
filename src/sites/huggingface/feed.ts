/**
 * Daily Papers feeds (/papers and its date, week, month and trending views). Cards are found by
 * structure and URLs only — an `article` holding `h3 > a[href="/papers/<id>"]` — because the
 * Tailwind classes change between releases. "Collection" articles hold no such link.
 */
import { parseArxivId } from '../../shared/ids';
import { textOf, type Listing } from '../types';
import { enrichmentFields, islandPapers } from './island';

export const FEED_PATH = /^\/papers(?:\/(?:date\/\d{4}-\d{2}-\d{2}|week\/[\w-]+|month\/[\w-]+|trending))?\/?$/;

// One query for every card title on the page; each link then finds its card. Cheaper than a
// query per article, which matters on a thousand-card feed scanned while it streams in.
const PAPER_HREFS = ['/papers/', 'https://huggingface.co/papers/'];
const TITLE_LINKS = PAPER_HREFS.map((href) => `article h3 > a[href^="${href}"]`).join(', ');

/** The card titles, which the controls follow. */
export const TITLE_HEADINGS = PAPER_HREFS.map((href) => `article h3:has(> a[href^="${href}"])`).join(', ');

export function parseFeed(document: Document): Listing[] {
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
    listings.push({
      element: article,
      paper: { id: parsed.id, title: textOf(link), authors: info?.authors ?? [], ...enrichmentFields(info) },
      mount: { anchor: link.parentElement!, where: 'afterend' },
    });
  }
  return listings;
}
