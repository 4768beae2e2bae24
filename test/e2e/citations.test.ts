// Exports read by the real tools (bibtex with plain.bst, pdflatex + biber + biblatex, pandoc's
// citeproc and Markdown reader), for a library of titles arXiv really has; BibTeX files as
// arXiv, Google Scholar, DBLP and Zotero write them, imported through the options page.
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, storedPaper, type Session } from './harness';
import { run } from './real-tools';

const NOW = Date.parse('2026-11-01T00:00:00Z');
const paper = (
  id: string,
  title: string,
  authors: string[],
  extra: { note?: string; journalRef?: string; doi?: string } = {},
) => ({
  id,
  title,
  authors,
  firstSeenAt: NOW,
  firstSeenUrl: 'https://arxiv.org/',
  lastSeenAt: NOW,
  updatedAt: NOW,
  ...extra,
});

/** Titles in arXiv's TeX, with what trips writers up: math, braces, accents, %, &, _, #, ~, --, CJK, tags. */
const PAPERS = [
  paper(
    '2109.00301',
    '$\\infty$-former: Infinite Memory Transformer',
    ['Pedro Henrique Martins', 'Zita Marinho', 'André F. T. Martins'],
    { note: 'Unbounded memory\nvia continuous attention' },
  ),
  paper(
    '2401.01234',
    'Measurement of the $\\gamma^*\\pi\\to\\gamma\\pi\\pi$ cross section with $\\mathcal{O}(n \\log n)$ events',
    ['Léa Boitard--Crépeau', 'Anna K. Kaiser'],
  ),
  paper('2401.01235', 'The $\\Phi$-derivable approach and $p$-Norms', ['Jean-Paul Blaizot']),
  paper(
    '1505.04597',
    'U-Net: Convolutional Networks for Biomedical Image Segmentation',
    ['Olaf Ronneberger', 'Philipp Fischer', 'Thomas Brox'],
    { note: 'Skip connections & a <b>bold</b> claim' },
  ),
  paper('2401.01236', 'Half-open sets } and { in reverse', ["Zoë O'Brien"]),
  paper('2401.01237', 'Costs of 50% & more: #1 in snake_case ~ 2^10', ['Łukasz Dvořák'], {
    journalRef: 'J. Stat. Mech. (2024) 013402',
    doi: '10.1088/1742-5468/ad0001',
  }),
  paper('2401.01238', 'Vision--Language Models --- a survey of Schrödinger bridges', [
    'LIGO Scientific Collaboration and Virgo Collaboration',
  ]),
  paper('2401.01239', 'A literal <b>bold</b> tag and &amp; &copy; entities', ['Jane Doe']),
  paper('2401.01240', '大规模语言模型 Large Language Models in 東京', ['Li Wang']),
];
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
const NOTES = PAPERS.filter((p) => p.note).length;

let s: Session;
let dir: string;
const files: Record<string, string> = {};

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return readFileSync((await file.path())!, 'utf8');
}

async function importFile(page: Page, name: string, text: string, mimeType: string) {
  await page.getByLabel('Import', { exact: true }).setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
  return page.getByRole('region', { name: 'Import preview' });
}

beforeAll(async () => {
  s = await launch();
  dir = mkdtempSync(join(tmpdir(), 'papershelf-citations-'));
  const options = await s.openExtensionPage('src/options/index.html#import-export');
  const backup = JSON.stringify({
    format: 'papershelf-backup',
    version: 2,
    exportedAt: new Date(NOW).toISOString(),
    tables: { papers: PAPERS, settings: [], lists: [], listEntries: [] },
  });
  const preview = await importFile(options, 'library.json', backup, 'application/json');
  await preview.getByRole('button', { name: 'Confirm import' }).click();
  await options.getByText(`Imported (Papershelf backup): ${PAPERS.length} new`).waitFor();
  files.bib = await download(options, 'Export BibTeX');
  files.md = await download(options, 'Export Markdown');
  files.csl = await download(options, 'Export CSL-JSON');
  await options.close();
  writeFileSync(join(dir, 'library.bib'), files.bib);
  writeFileSync(join(dir, 'library.md'), files.md);
  writeFileSync(join(dir, 'library-csl.json'), files.csl);
  writeFileSync(join(dir, 'cite-all.md'), '---\nnocite: "@*"\n---\n');
});
afterAll(async () => {
  await s?.close();
});

describe('BibTeX export, read by the tools', () => {
  it('gives bibtex with plain.bst no error and no warning', () => {
    // The .aux a LaTeX run writes for \nocite{*} with plain.bst.
    writeFileSync(join(dir, 'plain.aux'), '\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{library}\n');
    const bibtex = run('bibtex', ['plain'], dir);
    expect(bibtex.output).not.toMatch(/Warning--|error message|I was expecting|I'm skipping/);
    expect(bibtex.status).toBe(0);
    expect(readFileSync(join(dir, 'plain.bbl'), 'utf8').match(/\\bibitem/g)).toHaveLength(PAPERS.length);
  });

  it('compiles with biblatex: pdflatex, biber, pdflatex with -halt-on-error', () => {
    // pdflatex cannot print CJK whatever the .bib holds (that needs xelatex, lualatex or CJKutf8): cite the others.
    const keys = parseBibtex(files.bib!, { sentenceCase: false })
      .entries.filter((e) => !CJK.test(String(e.fields.title)))
      .map((e) => e.key);
    expect(keys).toHaveLength(PAPERS.length - 1);
    writeFileSync(
      join(dir, 'paper.tex'),
      `\\documentclass{article}\n\\usepackage[backend=biber]{biblatex}\n\\addbibresource{library.bib}\n\\begin{document}\n\\nocite{${keys.join(',')}}\n\\printbibliography\n\\end{document}\n`,
    );
    const latex = ['-interaction=nonstopmode', '-halt-on-error', 'paper.tex'];
    const first = run('pdflatex', latex, dir);
    expect(first.output).not.toMatch(/^! /m);
    expect(first.status).toBe(0);
    const biber = run('biber', ['paper'], dir);
    expect(biber.output).not.toMatch(/^(ERROR|WARN) /m);
    expect(biber.status).toBe(0);
    const second = run('pdflatex', latex, dir);
    expect(second.output).not.toMatch(/^! /m);
    expect(second.status).toBe(0);
    expect(readFileSync(join(dir, 'paper.bbl'), 'utf8').match(/\\entry\{/g)).toHaveLength(keys.length);
  });

  it('is rendered by pandoc --citeproc with every entry, math typeset and case kept', () => {
    const out = run(
      'pandoc',
      ['--citeproc', '--bibliography=library.bib', '-t', 'plain', '--wrap=none', 'cite-all.md'],
      dir,
    );
    expect(out.status).toBe(0);
    const entries = out.output.trim().split(/\n\n+/);
    expect(entries).toHaveLength(PAPERS.length);
    expect(out.output).not.toContain('$');
    expect(out.output).toMatch(/∞-former/i);
    expect(out.output).toMatch(/γ\^\(\*\)π\s→\sγππ/);
    expect(out.output).toMatch(/Φ-Derivable/i);
    expect(out.output).toContain('U-Net');
    expect(out.output).toMatch(/Half-Open Sets \} and \{ in Reverse/i);
    expect(out.output).toContain('Boitard–Crépeau');
    expect(out.output).toMatch(/50% & more: #1 in snake_case ~ 2\^10/i);
    expect(out.output).toContain('<b>bold</b>');
    expect(out.output).toContain('東京');
  });
});

describe('Markdown export, read by pandoc', () => {
  it('shows each note as a quote with its line break, math as math, & as text', () => {
    const html = run('pandoc', ['-f', 'markdown', '-t', 'html', '--wrap=none', 'library.md'], dir);
    expect(html.status).toBe(0);
    const quotes = html.output.match(/<blockquote>[\s\S]*?<\/blockquote>/g) ?? [];
    expect(quotes).toHaveLength(NOTES);
    expect(quotes.some((q) => /Unbounded memory<br \/>\s*via continuous attention/.test(q))).toBe(true);
    expect(quotes.some((q) => q.includes('Skip connections &amp; a &lt;b&gt;bold&lt;/b&gt; claim'))).toBe(true);
    expect(html.output).toContain('A literal &lt;b&gt;bold&lt;/b&gt; tag and &amp;amp; &amp;copy; entities');
    expect(html.output).toContain('Half-open sets } and { in reverse');
    expect(html.output).not.toMatch(/<(b|strong)>/);
  });

  it("reads each title's math as math, with nothing added inside it", () => {
    const json = run('pandoc', ['-f', 'markdown', '-t', 'json', 'library.md'], dir);
    expect(json.status).toBe(0);
    const math: string[] = [];
    JSON.parse(json.output, (_key, value: { t?: string; c?: [unknown, string] }) => {
      if (value?.t === 'Math') math.push(value.c![1]);
      return value;
    });
    expect(math.sort()).toEqual([
      '\\Phi',
      '\\gamma^*\\pi\\to\\gamma\\pi\\pi',
      '\\infty',
      '\\mathcal{O}(n \\log n)',
      'p',
    ]);
  });
});

describe('CSL-JSON export, read by pandoc --citeproc', () => {
  it('prints a literal <b> as text, not bold', () => {
    const html = run(
      'pandoc',
      ['--citeproc', '--bibliography=library-csl.json', '-t', 'html', '--wrap=none', 'cite-all.md'],
      dir,
    );
    expect(html.status).toBe(0);
    expect(html.output.match(/class="csl-entry"/g)).toHaveLength(PAPERS.length);
    expect(html.output).not.toMatch(/<(b|strong)>bold/);
    const plain = run(
      'pandoc',
      ['--citeproc', '--bibliography=library-csl.json', '-t', 'plain', '--wrap=none', 'cite-all.md'],
      dir,
    );
    expect(plain.output).toMatch(/A literal <b>bold<\/b> tag/i);
  });
});

describe('BibTeX import of files other tools wrote, through the options page', () => {
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/bibtex', name), 'utf8');

  it.each([
    [
      'arxiv.bib',
      5,
      [],
      {
        '2109.00301': '$\\infty$-former: Infinite Memory Transformer',
        '2401.01234':
          'Measurement of the $\\gamma^*\\pi\\to\\gamma\\pi\\pi$ cross section with $\\mathcal{O}(n\\log n)$ events',
      },
    ],
    ['scholar.bib', 4, ['vaswani2017attention', 'he2016deep'], { '1406.2661': 'Generative adversarial networks' }],
    ['dblp.bib', 3, ['DBLP:conf/cvpr/HeZRS16'], { '1512.03385': 'Deep Residual Learning for Image Recognition' }],
    [
      'zotero-better-bibtex.bib',
      3,
      ['goodfellowDeepLearning2016'],
      { '2109.00301': '$\\infty$-Former: Infinite Memory Transformer' },
    ],
  ] as const)(
    '%s: every arXiv entry taken, only the others skipped, titles with their TeX',
    async (name, taken, skippedKeys, titles) => {
      const target = await launch();
      try {
        const options = await target.openExtensionPage('src/options/index.html#import-export');
        const preview = await importFile(options, name, fixture(name), 'application/x-bibtex');
        const skipped = skippedKeys.length ? `, ${skippedKeys.length} skipped` : '';
        await expect
          .poll(() => preview.textContent())
          .toContain(`BibTeX: ${taken} new, 0 updated, 0 unchanged${skipped}.`);
        const reasons = await preview.locator('details li').allTextContents();
        expect(reasons.map((r) => /\(([^)]+)\)/.exec(r)?.[1])).toEqual([...skippedKeys]);
        await preview.getByRole('button', { name: 'Confirm import' }).click();
        await options.getByText(`Imported (BibTeX): ${taken} new`).waitFor();
        await options.close();
        for (const [id, title] of Object.entries(titles)) expect((await storedPaper(target, id))?.title).toBe(title);
      } finally {
        await target.close();
      }
    },
  );
});
