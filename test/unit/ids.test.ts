import { describe, expect, it } from 'vitest';
import { isCanonicalArxivId, parseArxivId } from '../../src/shared/ids';

// [input, canonical id or null, version]
const CASES: [string, string | null, number?][] = [
  // bare new-style ids
  ['2407.21783', '2407.21783'],
  ['2407.21783v2', '2407.21783', 2],
  ['1706.03762', '1706.03762'],
  ['1501.00001', '1501.00001'],
  ['0704.0001', '0704.0001'],
  ['1412.6980', '1412.6980'],
  ['  2301.00001  ', '2301.00001'],
  // bare old-style ids
  ['hep-th/9901001', 'hep-th/9901001'],
  ['chao-dyn/9510015', 'chao-dyn/9510015'],
  ['math.GT/0309136', 'math/0309136'],
  ['https://arxiv.org/abs/math.GT/0309136v2', 'math/0309136', 2],
  ['1706.03762v0', null], // versions start at 1
  ['1706.03762v12345', null],
  ['https://example.com/100%-cotton', null],
  ['https://arxiv.org/abs/1706.03762%', null],
  ['cs/0112017v1', 'cs/0112017', 1],
  ['quant-ph/0703001', 'quant-ph/0703001'],
  // URLs on arxiv.org and export.arxiv.org
  ['https://arxiv.org/abs/2407.21783', '2407.21783'],
  ['https://arxiv.org/abs/2407.21783v3', '2407.21783', 3],
  ['http://arxiv.org/abs/hep-th/9901001v2', 'hep-th/9901001', 2],
  ['https://arxiv.org/pdf/2407.21783', '2407.21783'],
  ['https://arxiv.org/pdf/2407.21783v2.pdf', '2407.21783', 2],
  ['https://arxiv.org/pdf/2407.21783.pdf', '2407.21783'],
  ['https://arxiv.org/html/2407.21783v1', '2407.21783', 1],
  ['https://export.arxiv.org/abs/1706.03762', '1706.03762'],
  ['https://www.arxiv.org/abs/1706.03762', '1706.03762'],
  ['https://arxiv.org/abs/1706.03762?context=cs', '1706.03762'],
  ['https://arxiv.org/abs/1706.03762#comments', '1706.03762'],
  // Hugging Face paper pages
  ['https://huggingface.co/papers/2407.21783', '2407.21783'],
  ['/papers/2407.21783', '2407.21783'],
  ['https://huggingface.co/papers/2407.21783#community', '2407.21783'],
  // DOIs and arXiv: text
  ['10.48550/arXiv.2407.21783', '2407.21783'],
  ['https://doi.org/10.48550/arXiv.1706.03762', '1706.03762'],
  ['doi:10.48550/ARXIV.1706.03762', '1706.03762'],
  ['arXiv:1706.03762', '1706.03762'],
  ['arXiv:1706.03762v7', '1706.03762', 7],
  ['arxiv: hep-th/9901001', 'hep-th/9901001'],
  // look-alikes that are not papers
  ['https://huggingface.co/papers/date/2024-08-01', null],
  ['https://huggingface.co/papers/trending', null],
  ['https://huggingface.co/papers', null],
  ['https://huggingface.co/papers/week/2024-W31', null],
  ['/papers/2407.21783/discussion', null],
  ['2413.00001', null], // month 13
  ['2400.00001', null], // month 0
  ['1706.0376', null], // too short
  ['1706.037621', null], // too long
  ['1412.69801', null], // five digits before 2015
  ['1501.0001', null], // four digits after 2014
  ['0703.0001', null], // new style before April 2007
  ['hep-th/0801001', null], // old style after March 2007
  ['notanarchive/9901001', null],
  ['hep-th/99010', null],
  ['https://example.com/abs/1706.03762', null],
  ['https://arxiv.org/list/cs/new', null],
  ['10.1145/3292500.3330701', null],
  ['', null],
  ['arXiv:', null],
];

describe('parseArxivId', () => {
  it.each(CASES)('%s → %s', (input, id, version) => {
    const parsed = parseArxivId(input);
    if (id === null) {
      expect(parsed).toBeNull();
    } else {
      expect(parsed).toEqual(version === undefined ? { id } : { id, version });
    }
  });
});

describe('isCanonicalArxivId', () => {
  it('accepts canonical ids and refuses versions, URLs and junk', () => {
    expect(isCanonicalArxivId('2407.21783')).toBe(true);
    expect(isCanonicalArxivId('hep-th/9901001')).toBe(true);
    expect(isCanonicalArxivId('2407.21783v2')).toBe(false);
    expect(isCanonicalArxivId('https://arxiv.org/abs/2407.21783')).toBe(false);
    expect(isCanonicalArxivId(' 2407.21783')).toBe(false);
    expect(isCanonicalArxivId('<img src=x>')).toBe(false);
  });
});
