/**
 * arXiv listings (/list/<archive>/new, recent, pastweek, YYMM, YYYY-MM): each entry is a `dt`
 * with its links followed by a `dd` with the metadata. Entries are found by the `dt`'s link to
 * /abs/<id> alone — not by `title="Abstract"`, the `dl`'s id or the wrapper classes, which
 * differ between the modern markup and the legacy one. Controls go at the end of the `dt`, away
 * from the title that MathJax rewrites after load.
 */
import type { Listing } from '../types';
import { textOf } from '../types';
import { abstractLink, authorsIn, categoriesIn, withoutDescriptor } from './metadata';

export function parseListing(document: Document, url: URL): Listing[] {
  const listings: Listing[] = [];
  for (const dt of document.querySelectorAll<HTMLElement>('dt')) {
    const found = abstractLink(dt, url);
    if (!found) continue;
    // Adapters run against any Document (tests use happy-dom's): no global constructors here.
    const next = dt.nextElementSibling as HTMLElement | null;
    const dd = next?.tagName === 'DD' ? next : null;
    const subjects = textOf(dd?.querySelector('.list-subjects'));
    const primary = categoriesIn(textOf(dd?.querySelector('.primary-subject')));
    const categories = [...new Set([...primary, ...categoriesIn(subjects)])];
    const abstract = textOf(dd?.querySelector('p.mathjax'));
    listings.push({
      element: dt,
      ...(dd ? { companions: [dd] } : {}),
      paper: {
        id: found.id.id,
        ...(found.id.version !== undefined ? { version: found.id.version } : {}),
        title: withoutDescriptor(dd?.querySelector('.list-title') ?? null),
        authors: authorsIn(dd?.querySelector('.list-authors') ?? null),
        ...(abstract ? { abstract } : {}),
        ...(categories.length ? { categories } : {}),
      },
      mount: { anchor: dt, where: 'beforeend', inline: true },
    });
  }
  return listings;
}
