/**
 * An arXiv abstract page (/abs/<id>[vN]): one control bar under the title. Metadata comes from
 * the `citation_*` meta tags, which are there even when the body is not; the body adds the
 * primary category and journal reference when it has them.
 */
import { parseArxivId } from '../../shared/ids';
import type { Listing } from '../types';
import { textOf } from '../types';
import { categoriesIn } from './metadata';

const metas = (document: Document, name: string) =>
  [...document.querySelectorAll<HTMLMetaElement>(`meta[name="${name}"]`)]
    .map((m) => (m.content ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** "Vaswani, Ashish" → "Ashish Vaswani", as listings show names. */
const displayName = (name: string) => {
  const [last, first] = name.split(/,\s*/, 2);
  return first ? `${first} ${last}` : name;
};

export function parseAbstract(document: Document, url: URL): Listing[] {
  const fromUrl = parseArxivId(url.href);
  const fromMeta = parseArxivId(metas(document, 'citation_arxiv_id')[0] ?? '');
  const id = fromMeta?.id ?? fromUrl?.id;
  if (!id) return [];
  const version = fromUrl?.id === id ? fromUrl.version : undefined;
  const date = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(metas(document, 'citation_date')[0] ?? '');
  const primary = categoriesIn(textOf(document.querySelector('.primary-subject')));
  const others = categoriesIn(textOf(document.querySelector('td.subjects, .tablecell.subjects')));
  const categories = [...new Set([...primary, ...others])];
  const doi = metas(document, 'citation_doi')[0];
  const journalRef =
    metas(document, 'citation_journal_title')[0] ?? textOf(document.querySelector('td.jref, .tablecell.jref'));
  const abstract = metas(document, 'citation_abstract')[0];
  const heading = document.querySelector<HTMLElement>('h1.title');
  const headingText = heading ? textOf(heading).replace(/^Title:\s*/, '') : '';
  const element = heading?.parentElement ?? document.body;
  if (!element) return [];
  return [
    {
      element,
      paper: {
        id,
        ...(version !== undefined ? { version } : {}),
        title: metas(document, 'citation_title')[0] ?? headingText,
        authors: metas(document, 'citation_author').map(displayName),
        ...(abstract ? { abstract } : {}),
        ...(categories.length ? { categories } : {}),
        ...(doi ? { doi } : {}),
        ...(journalRef ? { journalRef } : {}),
        ...(date ? { published: `${date[1]}-${date[2]}-${date[3]}` } : {}),
        opened: true,
      },
      // Outside the title, which MathJax rewrites.
      mount: heading ? { anchor: heading, where: 'afterend' } : { anchor: element, where: 'afterbegin' },
      single: true,
    },
  ];
}
