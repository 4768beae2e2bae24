/**
 * Reads a BibTeX file: entries with an arXiv id wherever the tool that wrote them keeps it
 * (`bibtex-arxiv-id.ts`). Other entries (journal papers not on arXiv) are skipped with the
 * reason. Parsing is done by @retorquere/bibtex-parser, which understands LaTeX accents, @string
 * macros and arXiv's fields; titles are kept as TeX source (`bibtex-title.ts`).
 */
import { FieldMode, parse, type Entry } from '@retorquere/bibtex-parser';
import type { ArxivId } from '../shared/ids';
import type { PartialPaper } from '../shared/records';
import { batchOf } from '../db/import';
import { arxivIdOf } from './bibtex-arxiv-id';
import { texTitles } from './bibtex-title';
import { ImportError, type ImportPlan, type Skipped } from './plan';

type Creator = { lastName?: string; firstName?: string; prefix?: string; suffix?: string; name?: string };

const field = (fields: Record<string, unknown>, name: string): string => {
  const value = fields[name];
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
};

const nameOf = (c: Creator) => c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ');

export function looksLikeBibtex(text: string): boolean {
  return /^\s*(%[^\n]*\n\s*)*@\w+\s*[{(]/.test(text);
}

/**
 * An entry the parser could not read starts its error's input with `@`; the parser's other
 * errors are warnings (a macro it does not know, a name with too many commas) about entries it
 * did read, and are not skipped entries.
 */
const unreadable = (e: { error: string; input?: string }) =>
  /^\s*@\w+\s*[{(]/.test(e.input ?? '') && !/-part name "/.test(e.error);
/** The key an unreadable entry's text starts with (`@misc{key,`), or its text. */
const keyOf = (input: string) => /^\s*@\w+\s*[{(]\s*([^,\s]+)/.exec(input)?.[1] ?? input.trim();

export function readBibtex(text: string): ImportPlan {
  const library = parse(text, { sentenceCase: false, verbatimFields: [...FieldMode.verbatim, 'title'] });
  const failures = library.errors.filter(unreadable);
  if (library.entries.length === 0) {
    const why = failures[0]?.error ?? library.errors[0]?.error;
    throw new ImportError(`No BibTeX entries could be read${why ? `: ${why}` : ''}.`);
  }
  // The parser may also return an entry it could not read, with no input and no fields: it is
  // the same entry as the error naming its key, and is listed once.
  const failed = new Map(failures.map((f) => [keyOf(f.input!), f.error.split('\n')[0]!]));
  const skipped: Skipped[] = [];
  const taken: { entry: Entry; id: ArxivId }[] = [];
  const seen = new Map<string, string>();
  library.entries.forEach((e, index) => {
    const label = `entry ${index + 1} (${e.key})`;
    const error = e.input.trim() === '' || Object.keys(e.fields).length === 0 ? failed.get(e.key) : undefined;
    if (error !== undefined) {
      failed.delete(e.key);
      skipped.push({ entry: label, reason: `could not be read: ${error}` });
      return;
    }
    const result = arxivIdOf(e.fields);
    if ('reason' in result) {
      skipped.push({ entry: label, reason: result.reason });
      return;
    }
    const previous = seen.get(result.id.id);
    if (previous) {
      skipped.push({ entry: label, reason: `same arXiv paper (${result.id.id}) as ${previous}` });
      return;
    }
    seen.set(result.id.id, label);
    taken.push({ entry: e, id: result.id });
  });
  for (const f of failures) {
    if (failed.has(keyOf(f.input!)))
      skipped.push({
        entry: `entry ${JSON.stringify(f.input!.trim().slice(0, 60))}`,
        reason: `could not be read: ${failed.get(keyOf(f.input!))}`,
      });
  }

  const titles = texTitles(taken.map(({ entry }) => field(entry.fields, 'title')));
  const partial: PartialPaper[] = taken.map(({ entry: e, id }, i) => {
    const authors = ((e.fields.author as Creator[] | undefined) ?? []).map(nameOf).filter(Boolean);
    const doi = field(e.fields, 'doi');
    const primaryClass = field(e.fields, 'primaryclass');
    return {
      id: id.id,
      ...(id.version !== undefined ? { version: id.version } : {}),
      ...(titles[i] ? { title: titles[i] } : {}),
      ...(authors.length ? { authors } : {}),
      ...(doi && !/^10\.48550\//i.test(doi) ? { doi } : {}),
      ...(/^[a-z-]+(\.[A-Za-z-]+)?$/.test(primaryClass) ? { categories: [primaryClass] } : {}),
      ...(field(e.fields, 'abstract') ? { abstract: field(e.fields, 'abstract') } : {}),
    };
  });
  return { kind: 'BibTeX', batch: batchOf('import:bibtex', { partial }), skipped };
}
