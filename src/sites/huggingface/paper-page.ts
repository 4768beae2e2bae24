/**
 * A Hugging Face paper page (/papers/<id>): one control bar under the paper's title. The id comes
 * from the address; the collection articles further down the page are not papers.
 */
import { parseArxivId } from '../../shared/ids';
import { textOf, type Listing } from '../types';
import { enrichmentFields, islandPapers } from './island';

export function parsePaperPage(document: Document, url: URL): Listing[] {
  const parsed = parseArxivId(url.href);
  if (!parsed) return [];
  const heading = [...document.querySelectorAll<HTMLElement>('main h1, h1')].find((h) => textOf(h) !== '');
  const info = islandPapers(document).get(parsed.id);
  const title = heading ? textOf(heading) : (info?.title ?? '');
  const element = heading?.parentElement ?? document.body;
  if (!element) return [];
  return [
    {
      element,
      paper: { id: parsed.id, title, authors: info?.authors ?? [], ...enrichmentFields(info), opened: true },
      mount: heading ? { anchor: heading, where: 'afterend' } : { anchor: element, where: 'afterbegin' },
      single: true,
    },
  ];
}
