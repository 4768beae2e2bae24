import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { citationKeys, protectTitle, toBibtex } from '../../src/export/bibtex';
import { readImportText } from '../../src/import/read-file';
import type { Paper } from '../../src/shared/model';
import { HOSTILE, seedPapers } from './seed';

const read = (bib: string) => {
  const lib = parse(bib, { sentenceCase: false });
  expect(lib.errors).toEqual([]);
  return lib.entries;
};

describe('BibTeX export, read back by @retorquere/bibtex-parser', () => {
  it('gives every seed paper one entry with title, authors, year, eprint, archivePrefix, url', () => {
    const papers = seedPapers();
    const entries = read(toBibtex(papers));
    expect(entries).toHaveLength(papers.length);
    for (const [i, e] of entries.entries()) {
      const p = papers[i]!;
      expect(e.type).toBe('misc');
      expect(e.fields.title).toBe(p.title.replace(/\s+/g, ' '));
      expect(e.fields.eprint).toBe(p.id);
      expect(e.fields.archiveprefix).toBe('arXiv');
      expect(e.fields.url).toBe(`https://arxiv.org/abs/${p.id}`);
      expect(e.fields.year).toBe(`20${p.id.slice(0, 2)}`);
      const [a] = (e.fields.author ?? []) as { lastName: string; firstName: string }[];
      expect(a && `${a.firstName} ${a.lastName}`).toBe(p.authors[0]);
    }
  });

  it('writes readable, unique and stable citation keys', () => {
    const papers = seedPapers();
    const keys = [...citationKeys(papers).values()];
    expect(new Set(keys).size).toBe(papers.length);
    expect(citationKeys(papers).get('2011.14522')).toBe('yang2020feature');
    expect(citationKeys([...papers].reverse())).toEqual(citationKeys(papers));
    const twin = (id: string, firstSeenAt: number): Paper => ({ ...papers[0]!, id, firstSeenAt });
    const twins = [twin('2406.04345', 1), twin('2406.04344', 2), twin('2406.04346', 3)];
    expect([...citationKeys(twins).entries()]).toEqual([
      ['2406.04345', 'xiao2024verbalized'],
      ['2406.04344', 'xiao2024verbalizedb'],
      ['2406.04346', 'xiao2024verbalizedc'],
    ]);
    // A paper joining the library later, even with a smaller id, renames no earlier paper.
    const grown = citationKeys([...twins, twin('2406.04343', 4)]);
    expect(grown.get('2406.04345')).toBe('xiao2024verbalized');
    expect(grown.get('2406.04343')).toBe('xiao2024verbalizedd');
    // An export of part of the library uses the library's keys.
    const part = parse(toBibtex([twins[2]!], twins), { sentenceCase: false }).entries;
    expect(part.map((e) => e.key)).toEqual(['xiao2024verbalizedc']);
  });

  it('escapes LaTeX specials, keeps math and UTF-8, and protects the capitals of acronyms only', () => {
    expect(protectTitle('FLoRA: Low-Rank Core Space for LLMs & GANs in 50% of $x_1$')).toBe(
      '{FLoRA}: Low-Rank Core Space for {LLMs} \\& {GANs} in 50\\% of {$x_1$}',
    );
    const papers: Paper[] = HOSTILE.map((title, i) => ({
      ...seedPapers()[i]!,
      title,
      authors: ['Łukasz Kaiser', "Zoë {Evil} O'Brien"],
    }));
    const entries = read(toBibtex(papers));
    expect(entries).toHaveLength(HOSTILE.length);
    // Read back by Papershelf's reader, which keeps a title's TeX math as written.
    const titles = readImportText(toBibtex(papers)).batch.partial.map((p) => p.title);
    expect(titles).toEqual(HOSTILE.map((t) => t.replace(/\s+/g, ' ').trim()));
    for (const e of entries) expect((e.fields.author as { lastName: string }[])[0]!.lastName).toBe('Kaiser');
    expect(toBibtex(papers)).toContain('Dvořák');
  });

  it('writes @article with journal and doi when they are known, and the primary class', () => {
    const p: Paper = {
      ...seedPapers()[0]!,
      doi: '10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2',
      journalRef: 'NeurIPS 2024',
      categories: ['cs.LG', 'cs.AI'],
    };
    const [e] = read(toBibtex([p]));
    expect(e!.type).toBe('article');
    expect(e!.fields).toMatchObject({
      doi: '10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2',
      journal: 'NeurIPS 2024',
      primaryclass: 'cs.LG',
    });
    expect(toBibtex([p])).toContain('doi = {10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2}');
  });

  it('keeps a collaboration one author', () => {
    const p: Paper = {
      ...seedPapers()[0]!,
      authors: ['LIGO Scientific Collaboration and Virgo Collaboration', 'B. P. Abbott'],
    };
    const [e] = read(toBibtex([p]));
    expect((e!.fields.author as { name?: string; lastName?: string }[]).map((a) => a.name ?? a.lastName)).toEqual([
      'LIGO Scientific Collaboration and Virgo Collaboration',
      'Abbott',
    ]);
  });
});
