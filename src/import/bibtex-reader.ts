/**
 * Reads a BibTeX file: entries with an eprint, an arXiv URL or a 10.48550/arXiv DOI. Other
 * entries (journal papers not on arXiv) are skipped with the reason. Parsing is done by
 * @retorquere/bibtex-parser, which understands LaTeX accents, @string macros and arXiv's fields.
 */
import { parse } from '@retorquere/bibtex-parser';
import { parseArxivId, type ArxivId } from '../shared/ids';
import type { PartialPaper } from '../shared/records';
import { batchOf } from '../db/import';
import { ImportError, type ImportPlan, type Skipped } from './plan';

type Creator = { lastName?: string; firstName?: string; prefix?: string; suffix?: string; name?: string };

const field = (fields: Record<string, unknown>, name: string): string => {
  const value = fields[name];
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
};

function arxivIdOf(fields: Record<string, unknown>): ArxivId | null {
  const eprint = field(fields, 'eprint');
  const prefix = field(fields, 'archiveprefix').toLowerCase();
  if (eprint && (prefix === '' || prefix === 'arxiv')) {
    const id = parseArxivId(eprint);
    if (id) return id;
  }
  for (const candidate of [field(fields, 'url'), field(fields, 'doi'), field(fields, 'journal')]) {
    const id = candidate ? parseArxivId(candidate.replace(/^arXiv preprint\s+/i, '')) : null;
    if (id) return id;
  }
  return null;
}

const nameOf = (c: Creator) => c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ');

export function looksLikeBibtex(text: string): boolean {
  return /^\s*(%[^\n]*\n\s*)*@\w+\s*[{(]/.test(text);
}

export function readBibtex(text: string): ImportPlan {
  const library = parse(text, { sentenceCase: false });
  if (library.entries.length === 0) {
    const why = library.errors[0]?.error;
    throw new ImportError(`No BibTeX entries could be read${why ? `: ${why}` : ''}.`);
  }
  const partial: PartialPaper[] = [];
  const skipped: Skipped[] = library.errors.map((e: { error: string; input?: string }) => ({
    entry: `entry ${JSON.stringify((e.input ?? '').slice(0, 60))}`,
    reason: `could not be read: ${e.error}`,
  }));
  const seen = new Map<string, string>();
  library.entries.forEach((e: { key: string; fields: Record<string, unknown> }, index: number) => {
    const entry = `entry ${index + 1} (${e.key})`;
    const id = arxivIdOf(e.fields);
    if (!id) {
      skipped.push({ entry, reason: 'no arXiv id (an eprint, an arXiv URL or a 10.48550/arXiv DOI)' });
      return;
    }
    if (seen.has(id.id)) {
      skipped.push({ entry, reason: `same arXiv paper (${id.id}) as ${seen.get(id.id)}` });
      return;
    }
    seen.set(id.id, entry);
    const authors = ((e.fields.author as Creator[] | undefined) ?? []).map(nameOf).filter(Boolean);
    const doi = field(e.fields, 'doi');
    const primaryClass = field(e.fields, 'primaryclass');
    partial.push({
      id: id.id,
      ...(id.version !== undefined ? { version: id.version } : {}),
      ...(field(e.fields, 'title') ? { title: field(e.fields, 'title') } : {}),
      ...(authors.length ? { authors } : {}),
      ...(doi && !/^10\.48550\//i.test(doi) ? { doi } : {}),
      ...(/^[a-z-]+(\.[A-Za-z-]+)?$/.test(primaryClass) ? { categories: [primaryClass] } : {}),
      ...(field(e.fields, 'abstract') ? { abstract: field(e.fields, 'abstract') } : {}),
    });
  });
  return { kind: 'BibTeX', batch: batchOf('import:bibtex', { partial }), skipped };
}
