/**
 * RIS (EndNote, Zotero, Mendeley): one `TAG  - value` line per field. Written here: citation-js's
 * RIS writer hard-wraps values at 70 characters, mid-word, and readers (its own included) join
 * the pieces back with a space, so long titles and abstracts came back altered.
 */
import { arxivAbsUrl } from '../shared/ids';
import type { Paper } from '../shared/model';
import { splitName } from './names';
import { paperDate } from './paper-date';

import { writeWhole, type SliceWriter } from './slices';
import { foldSpaces } from './text';

/** One line per tag: a value's own line breaks would start a bogus tag. */
const oneLine = foldSpaces;

function record(p: Paper): string {
  const lines: [string, string][] = [['TY', p.journalRef || p.doi ? 'JOUR' : 'UNPB'], ['TI', oneLine(p.title || p.id)]];
  for (const a of p.authors) {
    const n = splitName(a);
    lines.push(['AU', oneLine(n.given ? `${n.family}, ${n.given}` : n.family)]);
  }
  const date = paperDate(p);
  if (date) {
    lines.push(['PY', String(date.year)]);
    lines.push(['DA', `${date.year}/${String(date.month).padStart(2, '0')}/${date.day ? String(date.day).padStart(2, '0') : ''}/`]);
  }
  if (p.journalRef) lines.push(['JO', oneLine(p.journalRef)]);
  if (p.doi) lines.push(['DO', oneLine(p.doi)]);
  lines.push(['UR', arxivAbsUrl(p.id)], ['AN', `arXiv:${p.id}`], ['ID', p.id]);
  for (const t of p.tags ?? []) lines.push(['KW', oneLine(t)]);
  if (p.note) lines.push(['N1', oneLine(p.note)]);
  if (p.abstract) lines.push(['AB', oneLine(p.abstract)]);
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${value}`.trimEnd()).join('\r\n');
}

export const RIS_WRITER: SliceWriter = {
  open: '',
  write: (papers) => papers.map((p) => `${record(p)}\r\n`).join('\r\n'),
  separator: '\r\n',
  close: '',
};

export const toRis = (papers: Paper[]): string => writeWhole(RIS_WRITER, papers);
