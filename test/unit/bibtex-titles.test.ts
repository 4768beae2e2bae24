// arXiv titles are TeX: math stays math, the text around it is escaped, and whatever a title or
// a name holds, the file parses to one entry per paper.
import { parse } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../src/export/bibtex';
import { readImportText } from '../../src/import/read-file';
import type { Paper } from '../../src/shared/model';
import { seedPapers } from './seed';

const paper = (title: string, authors = ['Ashish Vaswani']): Paper => ({ ...seedPapers()[0]!, title, authors });
/** The raw title field as written, between its outer braces. */
const titleField = (bib: string) => /^ {2}title = \{(.*)\},$/m.exec(bib)![1];

/** BibTeX's own count: every brace, escaped or not. Null when it goes below zero. */
function lowestDepth(bib: string): number {
  let depth = 0;
  let lowest = 0;
  for (const c of bib) {
    if (c === '{') depth++;
    else if (c === '}') depth--;
    lowest = Math.min(lowest, depth);
  }
  return depth === 0 ? lowest : -1;
}

// [title as arXiv has it, title field written, title read back by Papershelf's BibTeX import]
const TITLES: [string, string, string?][] = [
  ['Attention Is All You Need', 'Attention Is All You Need'],
  [
    'U-Net: Convolutional Networks for Biomedical Image Segmentation',
    '{U-Net}: Convolutional Networks for Biomedical Image Segmentation',
  ],
  ['LoRA: Low-Rank Adaptation of Large Language Models', '{LoRA}: Low-Rank Adaptation of Large Language Models'],
  [
    'Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer',
    'Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer',
  ],
  ['$\\infty$-former: Infinite Memory Transformer', '{$\\infty$}-former: Infinite Memory Transformer'],
  [
    'The $\\Phi$-derivable approach to the gauge dependence',
    'The {$\\Phi$}-derivable approach to the gauge dependence',
  ],
  ['$\\mathcal{O}(n \\log n)$ Sorting with $p$-Norms', '{$\\mathcal{O}(n \\log n)$} Sorting with {$p$}-Norms'],
  [
    'Measurement of $\\gamma^*\\pi\\to\\gamma\\pi\\pi$ at COMPASS',
    'Measurement of {$\\gamma^*\\pi\\to\\gamma\\pi\\pi$} at {COMPASS}',
  ],
  ['Sets $\\{x : x^2 < 1\\}$ and T5 in 3D', 'Sets {$\\{x : x^2 < 1\\}$} and {T5} in {3D}'],
  ['Half-open sets } and { in reverse', 'Half-open sets $\\rbrace$ and $\\lbrace$ in reverse'],
  ['Math that cannot close $x}$ stays text', 'Math that cannot close \\$x$\\rbrace$\\$ stays text'],
  [
    'Costs of 5$ and 50% & more #1 in snake_case ~ 2^10',
    'Costs of 5\\$ and 50\\% \\& more \\#1 in snake\\_case \\textasciitilde{} 2\\textasciicircum{}10',
  ],
  ['Vision--Language Models --- a survey', 'Vision-{}-Language Models -{}-{}- a survey'],
  ['Schrödinger Bridges for Ünïcödé, Dvořák and Łukasz', 'Schrödinger Bridges for Ünïcödé, Dvořák and Łukasz'],
  ['大规模语言模型 Large Language Models in 東京', '大规模语言模型 Large Language Models in 東京'],
  [
    'A literal <b>bold</b> tag and a \\backslash',
    'A literal \\textless{}b\\textgreater{}bold\\textless{}/b\\textgreater{} tag and a \\textbackslash{}backslash',
  ],
];

describe('BibTeX titles in arXiv form', () => {
  it.each(TITLES)('%s', (title, field, readBack = title) => {
    const bib = toBibtex([paper(title)]);
    expect(titleField(bib)).toBe(field);
    expect(lowestDepth(bib)).toBe(0);
    const lib = parse(bib, { sentenceCase: false });
    expect(lib.entries).toHaveLength(1);
    expect(readImportText(bib).batch.partial[0]!.title).toBe(readBack);
  });

  it('keeps a doubled hyphen in a surname as biber needs it, and writes the month as a number', () => {
    const bib = toBibtex([{ ...paper('Title', ['Antoine Boitard--Crépeau', 'Jane Doe']), published: '2024-09-03' }]);
    expect(bib).toContain('author = {Boitard--Crépeau, Antoine and Doe, Jane}');
    expect(bib).toMatch(/^ {2}month = \{9\},$/m);
    expect(bib).not.toMatch(/month = [a-z]/);
  });

  it('takes the citation key from the words of a title, not from its math', () => {
    expect(toBibtex([paper('$\\mathcal{O}(n \\log n)$ Sorting')])).toMatch(/^@misc\{vaswani2024sorting,$/m);
  });

  it('parses to one entry per paper with braces never below zero, for any title and author (property)', () => {
    const tricky = fc.constantFrom(
      '{',
      '}',
      '\\',
      '$',
      '%',
      '&',
      '#',
      '_',
      '~',
      '^',
      '<',
      '>',
      '-',
      '@',
      ',',
      '=',
      '"',
      ' ',
      '\n',
      'a',
      'B',
      'é',
      '東',
      '\\{',
      '\\}',
      '$$',
      ' and ',
    );
    const text = fc.oneof(fc.string({ unit: tricky, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(text, text, text, (title, author, other) => {
        const papers = [
          paper(title, [author, `Jane ${other}`]),
          { ...seedPapers()[1]!, title: other, authors: [title] },
        ];
        const bib = toBibtex(papers);
        expect(lowestDepth(bib)).toBe(0);
        const lib = parse(bib, { sentenceCase: false });
        expect(lib.entries.map((e) => e.fields.eprint)).toEqual(papers.map((p) => p.id));
        // Errors about whole entries (the parser's other errors are warnings about names and macros).
        expect(lib.errors.filter((e) => /^\s*@\w+\s*[{(]/.test(e.input ?? ''))).toEqual([]);
      }),
      { numRuns: 300, examples: [['', ',\n@,', '']] },
    );
  });
});
