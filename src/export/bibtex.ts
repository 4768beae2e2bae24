/**
 * BibTeX for LaTeX bibliographies. Written here rather than by citation-js, which drops arXiv's
 * eprint / archivePrefix / primaryClass fields and braces every capitalised word; here only
 * acronyms and mixed-case words (BERT, LLMs, FLoRA) are protected, LaTeX specials are escaped and
 * non-ASCII text stays UTF-8 (biber and modern bibtex read it).
 */
import { arxivAbsUrl } from '../shared/ids';
import type { Paper } from '../shared/model';
import { splitName } from './names';
import { paperDate } from './paper-date';
import { foldSpaces } from './text';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const STOPWORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'by', 'at', 'from', 'is', 'are', 'do', 'does', 'how', 'what', 'why', 'when', 'towards', 'toward']);

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default font encoding < and > print as ¡ and ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Escapes LaTeX's special characters; folds line breaks, which would end a field early in some tools. */
export function escapeLatex(text: string): string {
  return foldSpaces(text)
    .replace(/[\\{}$&%#_~^<>]/g, (c) => SPECIALS[c]!)
    // "--" and "---" are dash ligatures in LaTeX; a title's literal hyphens stay hyphens.
    .replace(/-(?=-)/g, '-{}');
}

/** Escapes, then braces words whose capitals must survive a bibliography style's lower-casing. */
export function protectTitle(title: string): string {
  return escapeLatex(title).replace(/[\p{L}\p{N}]+/gu, (word) =>
    /\p{Lu}.*\p{Lu}/u.test(word) || /^\p{Ll}+\p{Lu}/u.test(word) ? `{${word}}` : word,
  );
}

/** ASCII letters of a word, for citation keys (which LaTeX wants plain). */
const keyPart = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

function baseKey(paper: Paper): string {
  const family = paper.authors[0] ? keyPart(splitName(paper.authors[0]).family) : '';
  const year = paperDate(paper)?.year ?? '';
  const word = (paper.title.match(/[\p{L}\p{N}]+/gu) ?? []).map(keyPart).find((w) => w && !STOPWORDS.has(w)) ?? '';
  return `${family || 'anon'}${year}${word}` || keyPart(paper.id);
}

/**
 * Readable, unique and stable keys (`vaswani2017attention`). Papers are taken in the order they
 * joined the library (then by id); the first keeps the plain key and later ones with the same key
 * get b, c, … . Keys are given over the whole library, so an export of one list uses the same keys
 * as an export of everything, and a paper added later never renames an earlier one.
 */
export function citationKeys(papers: Paper[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Map<string, number>();
  const order = (a: Paper, b: Paper) => a.firstSeenAt - b.firstSeenAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const paper of [...papers].sort(order)) {
    const base = baseKey(paper);
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    // b … z, then numbers: the 27th paper with one key is a corner no reading list reaches.
    keys.set(paper.id, n === 0 ? base : n < 26 ? `${base}${String.fromCharCode(97 + n)}` : `${base}${n + 1}`);
  }
  return keys;
}

/**
 * "Last, First". A collaboration, or any name with "and" in it, is braced whole, or BibTeX would
 * read "LIGO Scientific Collaboration and Virgo Collaboration" as two people.
 */
function bibtexName(name: string): string {
  if (/\band\b/i.test(name) || /\b(collaboration|consortium|team|group|project|initiative)\b/i.test(name)) return `{${escapeLatex(name)}}`;
  const n = splitName(name);
  return escapeLatex(n.given ? `${n.family}, ${n.given}` : n.family);
}

function entry(paper: Paper, key: string): string {
  const tags = paper.tags ?? [];
  const date = paperDate(paper);
  const fields: [string, string][] = [
    ['title', `{${protectTitle(paper.title || paper.id)}}`],
    ['author', `{${paper.authors.map(bibtexName).join(' and ')}}`],
  ];
  if (date) fields.push(['year', `{${date.year}}`], ['month', MONTHS[date.month - 1] ?? `{${date.month}}`]);
  if (paper.journalRef) fields.push(['journal', `{${escapeLatex(paper.journalRef)}}`]);
  fields.push(['eprint', `{${paper.id}}`], ['archivePrefix', '{arXiv}']);
  if (paper.categories?.[0]) fields.push(['primaryClass', `{${escapeLatex(paper.categories[0])}}`]);
  fields.push(['url', `{${arxivAbsUrl(paper.id)}}`]);
  // biblatex reads doi verbatim (a link): escaping would break it. Braces cannot occur in a DOI we keep.
  if (paper.doi) fields.push(['doi', `{${paper.doi.replace(/[{}\s]/g, '')}}`]);
  if (tags.length) fields.push(['keywords', `{${tags.map(escapeLatex).join(', ')}}`]);
  const type = paper.journalRef || paper.doi ? 'article' : 'misc';
  const body = fields.filter(([, v]) => v !== '{}').map(([k, v]) => `  ${k} = ${v}`).join(',\n');
  return `@${type}{${key},\n${body}\n}`;
}

/** `library` is every paper, for stable keys; by default the exported ones. */
export function toBibtex(papers: Paper[], library: Paper[] = papers): string {
  const keys = citationKeys(library);
  return `${papers.map((p) => entry(p, keys.get(p.id)!)).join('\n\n')}\n`;
}
