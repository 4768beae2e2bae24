/**
 * Where BibTeX files keep a paper's arXiv id, by the tool that wrote them:
 * - arXiv, Zotero Better BibTeX, biblatex: `eprint` with `archivePrefix` or `eprinttype` arXiv
 *   (or neither);
 * - anything: an arXiv address in `url`, or `\url{…}` in `note` or `howpublished` (Google Scholar
 *   entries edited by hand, many .bib files), or a 10.48550/arXiv DOI;
 * - Google Scholar: `journal={arXiv preprint arXiv:2106.09685}`; PaperMemory:
 *   `journal={ arXiv preprint arXiv: hep-th_9711200 }` (old-style ids with `_` for `/`);
 * - DBLP: `journal = {CoRR}, volume = {abs/1512.03385}`.
 */
import { parseArxivId, type ArxivId } from '../shared/ids';

export const NO_ARXIV_ID =
  'no arXiv id: no eprint, no arXiv URL (url, note, howpublished), no 10.48550/arXiv DOI, and the journal is not "arXiv preprint arXiv:…" or "CoRR" with volume "abs/…"';

type Fields = Record<string, unknown>;

const field = (fields: Fields, name: string): string => {
  const value = fields[name];
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
};

/** An id as journals and PaperMemory write it: `arXiv: hep-th_9711200`, `arXiv:1706.03762v2`. */
function fromJournal(journal: string): ArxivId | null {
  const m =
    /^(?:arxiv preprint\s*)?arxiv\s*:?\s*([a-z-]+(?:\.[a-z-]+)?[_/]\d{7}|\d{4}\.\d{4,5})(v\d+)?(?:\s*\[[^\]]*\])?$/i.exec(
      journal,
    );
  return m ? parseArxivId(`${m[1]!.replace('_', '/')}${m[2] ?? ''}`) : null;
}

/** The first arXiv address in a field, bare or inside `\url{…}` or an HTML link the parser made. */
function fromText(text: string): ArxivId | null {
  for (const m of text.matchAll(/https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/[^\s}"<>]+/gi)) {
    const id = parseArxivId(m[0]);
    if (id) return id;
  }
  return null;
}

export type IdResult = { id: ArxivId } | { reason: string };

export function arxivIdOf(fields: Fields): IdResult {
  const eprint = field(fields, 'eprint');
  const prefix = (field(fields, 'archiveprefix') || field(fields, 'eprinttype')).toLowerCase();
  if (eprint && (prefix === '' || prefix === 'arxiv')) {
    const id = parseArxivId(eprint);
    if (id) return { id };
  }
  const url = field(fields, 'url');
  const doi = field(fields, 'doi');
  for (const candidate of [url, doi]) {
    const id = candidate ? parseArxivId(candidate) : null;
    if (id) return { id };
  }
  for (const name of ['note', 'howpublished', 'url']) {
    const id = fromText(field(fields, name));
    if (id) return { id };
  }
  for (const name of ['journal', 'journaltitle']) {
    const id = fromJournal(field(fields, name));
    if (id) return { id };
  }
  const volume = /^abs\/(.+)$/i.exec(field(fields, 'volume'));
  if (volume && /^corr$/i.test(field(fields, 'journal') || field(fields, 'journaltitle'))) {
    const id = parseArxivId(volume[1]!);
    if (id) return { id };
  }
  const archive = field(fields, 'archiveprefix') || field(fields, 'eprinttype');
  if (eprint && prefix !== '' && prefix !== 'arxiv')
    return { reason: `its eprint ${JSON.stringify(eprint)} is from ${archive}, not arXiv` };
  if (eprint) return { reason: `its eprint ${JSON.stringify(eprint)} is not an arXiv id, and nothing else names one` };
  return { reason: NO_ARXIV_ID };
}
