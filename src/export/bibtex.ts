/**
 * BibTeX for LaTeX bibliographies. Written here rather than by citation-js, which drops arXiv's
 * eprint / archivePrefix / primaryClass fields and braces every capitalised word; here only
 * math and words such as BERT, LLMs, U-Net are protected, LaTeX specials are escaped (`latex.ts`)
 * and non-ASCII text stays UTF-8 (biber and modern bibtex read it). Months are numbers: `sep`
 * is a macro some readers lack, while plain.bst and biblatex both take `month = {9}`.
 */
import { arxivAbsUrl } from '../shared/ids';
import type { Paper } from '../shared/model';
import { splitMath } from '../shared/tex-math';
import { escapeTex, escapeText, protectTitle } from './latex';
import { splitName } from './names';
import { paperDate } from './paper-date';

export { protectTitle } from './latex';

const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'by',
  'at',
  'from',
  'is',
  'are',
  'do',
  'does',
  'how',
  'what',
  'why',
  'when',
  'towards',
  'toward',
]);

/** ASCII letters of a word, for citation keys (which LaTeX wants plain). */
const keyPart = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

function baseKey(paper: Paper): string {
  const family = paper.authors[0] ? keyPart(splitName(paper.authors[0]).family) : '';
  const year = paperDate(paper)?.year ?? '';
  let word = '';
  // The first word of the text, not of its math (`$\mathcal{O}(n)$ Sorting` → sorting).
  const text = paper.title.includes('$')
    ? splitMath(paper.title)
        .map((p) => (p.math ? ' ' : p.text))
        .join('')
    : paper.title;
  // Only as far as the first word that counts: keyPart (Unicode folding) is the slow part.
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = keyPart(m[0]);
    if (w && !STOPWORDS.has(w)) {
      word = w;
      break;
    }
  }
  return `${family || 'anon'}${year}${word}` || keyPart(paper.id);
}

/** What a paper's citation key is made of. */
interface KeySource {
  id: string;
  firstSeenAt: number;
  base: string;
}

/**
 * Readable, unique and stable keys (`vaswani2017attention`). Papers are taken in the order they
 * joined the library (then by id); the first keeps the plain key and later ones with the same key
 * get b, c, … . Keys are given over the whole library, so an export of one list uses the same keys
 * as an export of everything, and a paper added later never renames an earlier one.
 */
export function citationKeys(papers: Paper[]): Map<string, string> {
  return assignKeys(papers.map((p) => ({ id: p.id, firstSeenAt: p.firstSeenAt, base: baseKey(p) })));
}

function assignKeys(sources: KeySource[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Map<string, number>();
  const order = (a: KeySource, b: KeySource) =>
    a.firstSeenAt - b.firstSeenAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const { id, base } of [...sources].sort(order)) {
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    // b … z, then numbers: the 27th paper with one key is a corner no reading list reaches.
    keys.set(id, n === 0 ? base : n < 26 ? `${base}${String.fromCharCode(97 + n)}` : `${base}${n + 1}`);
  }
  return keys;
}

/**
 * "Last, First". A collaboration, or any name with "and" in it, is braced whole, or BibTeX would
 * read "LIGO Scientific Collaboration and Virgo Collaboration" as two people.
 */
function bibtexName(name: string): string {
  if (/\band\b/i.test(name) || /\b(collaboration|consortium|team|group|project|initiative)\b/i.test(name))
    return `{${escapeText(name)}}`;
  const n = splitName(name);
  return escapeText(n.given ? `${n.family}, ${n.given}` : n.family);
}

/** An entry, but for its key: keys depend on the whole library, entries on their paper alone. */
export interface KeylessEntry extends KeySource {
  type: 'article' | 'misc';
  fields: string;
}

export function keylessEntry(paper: Paper): KeylessEntry {
  const tags = paper.tags ?? [];
  const date = paperDate(paper);
  const fields: [string, string][] = [
    ['title', `{${protectTitle(paper.title || paper.id)}}`],
    ['author', `{${paper.authors.map(bibtexName).join(' and ')}}`],
  ];
  if (date) fields.push(['year', `{${date.year}}`], ['month', `{${date.month}}`]);
  if (paper.journalRef) fields.push(['journal', `{${escapeTex(paper.journalRef)}}`]);
  fields.push(['eprint', `{${paper.id}}`], ['archivePrefix', '{arXiv}']);
  if (paper.categories?.[0]) fields.push(['primaryClass', `{${escapeText(paper.categories[0])}}`]);
  fields.push(['url', `{${arxivAbsUrl(paper.id)}}`]);
  // biblatex reads doi verbatim (a link): escaping would break it. Braces cannot occur in a DOI we keep.
  if (paper.doi) fields.push(['doi', `{${paper.doi.replace(/[{}\s]/g, '')}}`]);
  if (tags.length) fields.push(['keywords', `{${tags.map(escapeText).join(', ')}}`]);
  const type = paper.journalRef || paper.doi ? 'article' : 'misc';
  return {
    id: paper.id,
    firstSeenAt: paper.firstSeenAt,
    base: baseKey(paper),
    type,
    fields: fields
      .filter(([, v]) => v !== '{}')
      .map(([k, v]) => `  ${k} = ${v}`)
      .join(',\n'),
  };
}

/**
 * The file from its entries, keyed over the library (for keys that stay the same across exports):
 * `library` when given, or the entries themselves when they are the whole library.
 */
export function joinEntries(entries: KeylessEntry[], library?: Paper[]): string {
  const keys = library ? citationKeys(library) : assignKeys(entries);
  return `${entries.map((e) => `@${e.type}{${keys.get(e.id)!},\n${e.fields}\n}`).join('\n\n')}\n`;
}

/** `library` is every paper, for stable keys; by default the exported ones. */
export function toBibtex(papers: Paper[], library: Paper[] = papers): string {
  return joinEntries(papers.map(keylessEntry), library);
}
