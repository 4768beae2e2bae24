/** arXiv search results (/search/…, /search/advanced…): one `li.arxiv-result` per paper. */
import type { Listing } from '../types';
import { textOf } from '../types';
import { abstractLink, authorsIn, withoutDescriptor } from './metadata';

export function parseSearch(document: Document, url: URL): Listing[] {
  const listings: Listing[] = [];
  for (const li of document.querySelectorAll<HTMLElement>('li.arxiv-result')) {
    const found = abstractLink(li, url);
    if (!found) continue;
    const full = li.querySelector('.abstract-full')?.cloneNode(true) as Element | undefined;
    full?.querySelectorAll('a').forEach((a) => a.remove()); // the "△ Less" toggle
    const abstract = textOf(full);
    const categories = [...li.querySelectorAll('.tags .tag')]
      .map(textOf)
      .filter((c) => /^[a-z-]+(\.[A-Za-z-]+)?$/.test(c));
    const authors = li.querySelector('p.authors');
    // The line of the result's id and [pdf, ps, other] links, whatever its classes.
    const linkLine = found.link.parentElement;
    listings.push({
      element: li,
      paper: {
        id: found.id.id,
        ...(found.id.version !== undefined ? { version: found.id.version } : {}),
        title: withoutDescriptor(li.querySelector('p.title')),
        authors: authorsIn(authors),
        ...(abstract ? { abstract } : {}),
        ...(categories.length ? { categories } : {}),
      },
      mount:
        linkLine && linkLine !== li
          ? { anchor: linkLine, where: 'beforeend', inline: true }
          : authors
            ? { anchor: authors, where: 'afterend' }
            : { anchor: li, where: 'beforeend' },
    });
  }
  return listings;
}
