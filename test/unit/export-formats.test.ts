import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCslJson } from '../../src/export/csl';
import { CSV_COLUMNS, toCsv } from '../../src/export/csv';
import { toMarkdown } from '../../src/export/markdown';
import { markdownGroups } from '../../src/export/markdown-groups';
import { toRis } from '../../src/export/ris';
import type { Paper } from '../../src/shared/model';
import { freshDb } from './db';
import { HOSTILE, seedPapers } from './seed';

const hostilePapers = (): Paper[] =>
  HOSTILE.map((title, i) => ({
    ...seedPapers()[i]!,
    title,
    authors: [`${HOSTILE[3]!.slice(0, 12)} Doe`],
    abstract: HOSTILE[(i + 1) % HOSTILE.length]!,
  }));

describe('RIS, read back by citation-js', () => {
  it('keeps title, authors, year and URL of every seed paper and hostile string', () => {
    for (const papers of [seedPapers(), hostilePapers()]) {
      const items = new Cite(toRis(papers), { forceType: '@ris/file' }).data;
      expect(items).toHaveLength(papers.length);
      items.forEach((item, i) => {
        const p = papers[i]!;
        expect(String(item.title).replace(/\s+/g, ' ').trim()).toBe(p.title.replace(/\s+/g, ' ').trim());
        expect(item.URL).toBe(`https://arxiv.org/abs/${p.id}`);
        expect((item.issued as { 'date-parts': number[][] })['date-parts'][0]![0]).toBe(
          2000 + Number(p.id.slice(0, 2)),
        );
      });
    }
  });
});

describe('CSL-JSON, read back by citation-js', () => {
  it('is an array of CSL items with the arXiv number and archive', () => {
    const papers = seedPapers();
    const items = new Cite(JSON.parse(toCslJson(papers))).data;
    expect(items).toHaveLength(papers.length);
    expect(items[5]).toMatchObject({
      id: papers[5]!.id,
      title: papers[5]!.title,
      number: papers[5]!.id,
      archive: 'arXiv',
      type: 'article',
    });
    expect((items[5]!.author as { family: string }[])[0]!.family).toBe('Yang');
  });

  it('keeps a literal <b> from being read as CSL markup, and leaves other text alone', () => {
    const [a] = seedPapers();
    const [item] = JSON.parse(
      toCslJson([{ ...a!, title: 'A <b>bold</b> claim, <i>x</i> & a < b', note: '<sup>2</sup>' }]),
    );
    expect(item.title).toBe(
      'A <span class="nocase"><</span>b>bold<span class="nocase"><</span>/b> claim, <span class="nocase"><</span>i>x<span class="nocase"><</span>/i> & a < b',
    );
    expect(item.note).toBe('<span class="nocase"><</span>sup>2<span class="nocase"><</span>/sup>');
  });
});

describe('CSV, read back by papaparse', () => {
  it('has a header row and one row per paper, with hostile strings intact and formulas defused', () => {
    const papers = [...seedPapers(), ...hostilePapers()];
    const csv = toCsv(papers);
    const back = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(back.errors).toEqual([]);
    expect(back.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(back.data).toHaveLength(papers.length);
    back.data.forEach((row, i) => {
      const p = papers[i]!;
      expect(row.id).toBe(p.id);
      expect((row.title ?? '').replace(/^'(?=[=+\-@])/, '')).toBe(p.title);
      expect(row.read).toBe(String(p.readAt !== undefined));
    });
    const formula = back.data.find((r) => (r.title ?? '').includes('HYPERLINK'))!;
    expect((formula.title ?? '').startsWith("'=")).toBe(true);
    expect(csv).toContain('\r\n');
  });
});

describe('Markdown', () => {
  it('groups papers, links them, ticks read ones and quotes notes, escaping markup', () => {
    const [a, b] = seedPapers();
    const md = toMarkdown('Reading group', [
      {
        heading: 'Read',
        papers: [{ ...a!, readAt: 1, note: 'Why it matters:\nverbal learners', tags: ['llm', 'interpretability'] }],
      },
      { heading: 'To read', papers: [{ ...b!, title: HOSTILE[4]!, readAt: undefined }] },
      { heading: 'Empty', papers: [] },
    ]);
    // A blank line before the quote, or pandoc folds the note into the item; a hard break keeps the note's line break.
    expect(md).toContain(
      `## Read (1)\n\n- [x] [Verbalized Machine Learning: Revisiting Machine Learning with Language Models](https://arxiv.org/abs/${a!.id}) — Tim Z. Xiao (2024) \`llm\` \`interpretability\`\n\n  > Why it matters:\\\n  > verbal learners`,
    );
    expect(md).toContain(
      '- [ ] [\\<img src=x onerror=alert\\(1\\)\\> \\[link\\]\\(javascript:alert\\(1\\)\\) \\*\\*bold\\*\\* \\`code\\`]',
    );
    expect(md).not.toContain('Empty');
  });

  it('keeps math as math and escapes & and $ around it', () => {
    const [a] = seedPapers();
    const md = toMarkdown('Math', [
      {
        heading: 'Read',
        papers: [
          {
            ...a!,
            title: '$\\mathcal{O}(n \\log n)$ Sorting for &amp; &copy; with $[0,1]$-valued *p* at 5$',
            note: 'Line one\n\nafter a blank line',
          },
        ],
      },
    ]);
    expect(md).toContain(
      '[$\\mathcal{O}(n \\log n)$ Sorting for \\&amp; \\&copy; with $[0,1]$\\-valued \\*p\\* at 5\\$](https://arxiv.org/abs/',
    );
    expect(md).toContain('\n\n  > Line one\n  >\n  > after a blank line\n');
  });

  it('gives the whole library a section per queue and per tag, tags in order, each paper once under each', async () => {
    const [a, b, c] = seedPapers();
    const papers: Paper[] = [
      { ...a!, tags: ['beta', 'Alpha'], readAt: 1 },
      { ...b!, tags: ['Alpha', 'Alpha'] },
      { ...c!, tags: undefined, savedAt: 2, toReadSince: 2 },
    ];
    const groups = await markdownGroups(freshDb(), papers, 'all');
    expect(groups.map((g) => [g.heading, g.papers.map((p) => p.id)])).toEqual([
      ['To read', [c!.id]],
      ['Read', [a!.id]],
      ['Seen', [b!.id]],
      ['Tag: Alpha', [a!.id, b!.id]],
      ['Tag: beta', [a!.id]],
    ]);
    // A paper under several headings is the same line under each.
    const md = toMarkdown('All', groups);
    const line = md.split('\n').find((l) => l.includes(a!.id))!;
    expect(md.split('\n').filter((l) => l === line)).toHaveLength(3);
  });
});
