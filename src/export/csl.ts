/**
 * A paper as a CSL-JSON item, the interchange form citation tools share (Zotero, Pandoc,
 * citation-js). RIS is written from it too.
 */
import { arxivAbsUrl } from '../shared/ids';
import type { Paper } from '../shared/model';
import { splitName } from './names';
import { paperDate } from './paper-date';
import { writeWhole, type SliceWriter } from './slices';

export interface CslItem {
  id: string;
  type: 'article' | 'article-journal';
  title: string;
  author: { given?: string; family: string }[];
  issued?: { 'date-parts': number[][] };
  URL: string;
  DOI?: string;
  number: string;
  archive: 'arXiv';
  'container-title'?: string;
  abstract?: string;
  keyword?: string;
  note?: string;
}

export function toCsl(paper: Paper): CslItem {
  const date = paperDate(paper);
  return {
    id: paper.id,
    // CSL's "article" is a preprint; a journal reference or DOI makes it a published article.
    type: paper.journalRef || paper.doi ? 'article-journal' : 'article',
    title: paper.title || paper.id,
    author: paper.authors.map(splitName),
    ...(date ? { issued: { 'date-parts': [[date.year, date.month, ...(date.day ? [date.day] : [])]] } } : {}),
    URL: arxivAbsUrl(paper.id),
    ...(paper.doi ? { DOI: paper.doi } : {}),
    number: paper.id,
    archive: 'arXiv',
    ...(paper.journalRef ? { 'container-title': paper.journalRef } : {}),
    ...(paper.abstract ? { abstract: paper.abstract } : {}),
    ...(paper.tags?.length ? { keyword: paper.tags.join(', ') } : {}),
    ...(paper.note ? { note: paper.note } : {}),
  };
}

/** A JSON array, one item per line: as readable as indented JSON, and much faster to write. */
export const CSL_WRITER: SliceWriter = {
  open: '[\n',
  write: (papers) => papers.map((p) => JSON.stringify(toCsl(p))).join(',\n'),
  separator: ',\n',
  close: '\n]\n',
  empty: '[]\n',
};

export const toCslJson = (papers: Paper[]): string => writeWhole(CSL_WRITER, papers);
