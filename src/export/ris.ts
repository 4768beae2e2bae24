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

/** One `TAG  - value` line; an empty value leaves no trailing spaces. */
const field = (tag: string, value: string) => (value ? `${tag}  - ${value}\r\n` : `${tag}  -\r\n`);

function record(p: Paper): string {
  let out = field('TY', p.journalRef || p.doi ? 'JOUR' : 'UNPB') + field('TI', oneLine(p.title || p.id));
  for (const a of p.authors) {
    const n = splitName(a);
    out += field('AU', oneLine(n.given ? `${n.family}, ${n.given}` : n.family));
  }
  const date = paperDate(p);
  if (date)
    out +=
      field('PY', String(date.year)) +
      field(
        'DA',
        `${date.year}/${String(date.month).padStart(2, '0')}/${date.day ? String(date.day).padStart(2, '0') : ''}/`,
      );
  if (p.journalRef) out += field('JO', oneLine(p.journalRef));
  if (p.doi) out += field('DO', oneLine(p.doi));
  out += field('UR', arxivAbsUrl(p.id)) + field('AN', `arXiv:${p.id}`) + field('ID', p.id);
  for (const t of p.tags ?? []) out += field('KW', oneLine(t));
  if (p.note) out += field('N1', oneLine(p.note));
  if (p.abstract) out += field('AB', oneLine(p.abstract));
  return `${out}ER  -`;
}

export const RIS_WRITER: SliceWriter = {
  open: '',
  write: (papers) => papers.map((p) => `${record(p)}\r\n`).join('\r\n'),
  separator: '\r\n',
  close: '',
};

export const toRis = (papers: Paper[]): string => writeWhole(RIS_WRITER, papers);
