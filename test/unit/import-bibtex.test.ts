// BibTeX as users have it (arXiv, Google Scholar, DBLP, Zotero Better BibTeX, PaperMemory): every
// arXiv entry taken with its title's TeX, nothing else reported as skipped, reasons that are true.
import { describe, expect, it } from 'vitest';
import { readImportText } from '../../src/import/read-file';
import { fixture } from './capture';

const read = (file: string) => readImportText(fixture(`bibtex/${file}`), file);
const titles = (file: string) => Object.fromEntries(read(file).batch.partial.map((p) => [p.id, p.title]));

describe('BibTeX import of files other tools wrote', () => {
  it("keeps the math of arXiv's own BibTeX as TeX, never as HTML", () => {
    expect(titles('arxiv.bib')).toEqual({
      '2109.00301': '$\\infty$-former: Infinite Memory Transformer',
      '2401.01234':
        'Measurement of the $\\gamma^*\\pi\\to\\gamma\\pi\\pi$ cross section with $\\mathcal{O}(n\\log n)$ events',
      '1505.04597': 'U-Net: Convolutional Networks for Biomedical Image Segmentation',
      '1602.07360': 'SqueezeNet: AlexNet-level accuracy with 50x fewer parameters and <0.5MB model size',
      'hep-th/9711200': 'The Large N Limit of Superconformal field theories and supergravity',
    });
    expect(read('arxiv.bib').skipped).toEqual([]);
    expect(read('arxiv.bib').batch.partial[1]!.authors).toEqual(['Anna K. Kaiser', 'Léa Boitard–Crépeau']);
  });

  it('takes Google Scholar entries by arXiv preprint journal, and by \\url in note or howpublished', () => {
    const plan = read('scholar.bib');
    expect(plan.batch.partial.map((p) => p.id)).toEqual(['2106.09685', '1412.6980', '1406.2661', '1810.04805']);
    expect(plan.skipped.map((s) => s.entry)).toEqual(['entry 1 (vaswani2017attention)', 'entry 6 (he2016deep)']);
    expect(plan.skipped[0]!.reason).toBe(
      'no arXiv id: no eprint, no arXiv URL (url, note, howpublished), no 10.48550/arXiv DOI, and the journal is not "arXiv preprint arXiv:…" or "CoRR" with volume "abs/…"',
    );
  });

  it('takes DBLP entries by CoRR volume abs/…, with or without eprint', () => {
    const plan = read('dblp.bib');
    expect(plan.batch.partial.map((p) => [p.id, p.title])).toEqual([
      ['1512.03385', 'Deep Residual Learning for Image Recognition'],
      ['1706.03762', 'Attention Is All You Need'],
      ['1810.04805', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding'],
    ]);
    expect(plan.skipped.map((s) => s.entry)).toEqual(['entry 4 (DBLP:conf/cvpr/HeZRS16)']);
  });

  it('takes Zotero Better BibTeX @online entries by eprinttype = {arxiv}', () => {
    const plan = read('zotero-better-bibtex.bib');
    expect(titles('zotero-better-bibtex.bib')).toEqual({
      '2106.09685': 'LoRA: Low-Rank Adaptation of Large Language Models',
      '2109.00301': '$\\infty$-Former: Infinite Memory Transformer',
      '1505.04597': 'U-Net: Convolutional Networks for Biomedical Image Segmentation',
    });
    expect(plan.skipped.map((s) => s.entry)).toEqual(['entry 4 (goodfellowDeepLearning2016)']);
  });

  it("takes PaperMemory's own BibTeX, old-style ids included", () => {
    expect(read('papermemory.bib').batch.partial.map((p) => p.id)).toEqual(['hep-th/9711200', '1706.03762']);
    expect(read('papermemory.bib').skipped).toEqual([]);
  });

  it('does not report a warning about an unknown macro as a skipped entry', () => {
    const plan = readImportText(
      '@misc{a, title = {Using \\foobar{x} here}, eprint = {2401.00001}, archivePrefix = {arXiv}}\n',
    );
    expect(plan.batch.partial.map((p) => p.id)).toEqual(['2401.00001']);
    expect(plan.skipped).toEqual([]);
  });

  it('lists an unreadable entry once, and says an eprint from elsewhere is not arXiv', () => {
    const plan = readImportText(`@misc{broken, title = {No closing brace , eprint = {2401.00002}
@misc{hal, title = {On HAL}, eprint = {hal-01234567}, archivePrefix = {HAL}}
@misc{fine, title = {Fine}, eprint = {2401.00003}, archivePrefix = {arXiv}}
`);
    expect(plan.batch.partial.map((p) => p.id)).toEqual(['2401.00003']);
    expect(plan.skipped).toHaveLength(2);
    expect(plan.skipped[0]!.entry).toBe('entry 1 (broken)');
    expect(plan.skipped[0]!.reason).toMatch(/^could not be read: Unterminated brace-value/);
    expect(plan.skipped[1]).toEqual({
      entry: 'entry 2 (hal)',
      reason: 'its eprint "hal-01234567" is from HAL, not arXiv',
    });
  });
});
